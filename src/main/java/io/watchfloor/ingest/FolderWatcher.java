package io.watchfloor.ingest;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices files created, changed or removed in the article folders (and their subfolders, as the scan reads them) and
 * calls back once the burst of events has settled, so that a file still being written is not read half-done. The
 * periodic scan stays the safety net: on filesystems without change events (some network filesystems) or when the
 * kernel's event queue overflows, nothing is lost, only later.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    /** How often folders that do not exist yet are looked for. */
    static final Duration MISSING_CHECK = Duration.ofSeconds(2);

    private final List<Path> roots;
    private final long settleMillis;
    private final long maxDelayMillis;
    private final Runnable onChange;
    private final WatchService watcher;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final List<Path> missing = new ArrayList<>();
    private final Thread thread;

    /**
     * @param settle   how long the folders must stay quiet after an event before {@code onChange} runs
     * @param onChange what to do (a folder scan); called from the watcher's own thread, never concurrently
     */
    public FolderWatcher(List<Path> folders, Duration settle, Runnable onChange) throws IOException {
        this.roots = List.copyOf(folders);
        this.settleMillis = Math.max(0, settle.toMillis());
        // A folder that never goes quiet (files streaming in) is still scanned at least this often.
        this.maxDelayMillis = Math.max(2_000, 10 * settleMillis);
        this.onChange = onChange;
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            } else {
                missing.add(root);
            }
        }
        this.thread = new Thread(this::loop, "watchfloor-folder-watcher");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void registerTree(Path dir) {
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                            keys.put(d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), d);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // The periodic scan still reads it.
            LOG.warn("{}: cannot watch for changes ({}); it is still scanned periodically", dir, e.getMessage());
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = missing.isEmpty() ? watcher.take()
                        : watcher.poll(MISSING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                boolean changed = appeared();
                if (key != null) {
                    handle(key);
                    changed = true;
                    // Wait until the folders have been quiet for a moment (a file being written sends events).
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
                    WatchKey more;
                    while (System.nanoTime() < deadline
                            && (more = watcher.poll(settleMillis, TimeUnit.MILLISECONDS)) != null) {
                        handle(more);
                    }
                }
                if (changed) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        LOG.error("folder change not handled: {}", e.getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closing.
        }
    }

    /** Registers the folders that did not exist and now do; true if there was one. */
    private boolean appeared() {
        boolean any = false;
        for (var it = missing.iterator(); it.hasNext(); ) {
            Path root = it.next();
            if (Files.isDirectory(root)) {
                it.remove();
                registerTree(root);
                LOG.info("{}: folder appeared, watching it", root);
                any = true;
            }
        }
        return any;
    }

    private void handle(WatchKey key) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                LOG.debug("folder events overflowed; the scan reads everything anyway");
                continue;
            }
            // A new subfolder (or one moved in) is watched too, with whatever it already holds.
            if (dir != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path child = dir.resolve((Path) event.context());
                if (Files.isDirectory(child)) {
                    registerTree(child);
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            // A watched root removed: look for it again until it comes back.
            if (dir != null && roots.contains(dir) && !missing.contains(dir)) {
                missing.add(dir);
            }
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing folder watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
