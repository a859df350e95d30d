package io.watchfloor.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices edits in the rules folder (and its lexicon folder) and calls back once the burst of file events an editor
 * makes has settled, so a half-saved file is not compiled.
 */
public final class RuleFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final WatchService watcher;
    private final Thread thread;
    private final long settleMillis;

    public RuleFolderWatcher(Path rulesDir, long settleMillis, Runnable onChange) throws IOException {
        this.settleMillis = settleMillis;
        this.watcher = FileSystems.getDefault().newWatchService();
        register(rulesDir);
        register(rulesDir.resolve("lexicon"));
        this.thread = new Thread(() -> loop(onChange), "watchfloor-rule-watcher");
        thread.setDaemon(true);
    }

    private void register(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    public void start() {
        thread.start();
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Wait until the folder has been quiet for a moment.
                WatchKey more;
                while ((more = watcher.poll(settleMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.error("rule reload failed: {}", e.getMessage(), e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closing.
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing rule watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
