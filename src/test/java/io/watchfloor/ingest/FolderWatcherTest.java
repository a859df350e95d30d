package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder watcher calls back after files arrive, in subfolders too, and in folders made after it started. */
class FolderWatcherTest {
    private static final Duration SETTLE = Duration.ofMillis(100);

    @Test
    void callsBackOnceABurstOfNewFilesHasSettled(@TempDir Path dir) throws Exception {
        Semaphore changes = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        try (FolderWatcher w = new FolderWatcher(List.of(dir), SETTLE, () -> {
            calls.incrementAndGet();
            changes.release();
        })) {
            w.start();
            for (int i = 0; i < 20; i++) {
                Files.writeString(dir.resolve(i + ".txt"), "Title\n\nBody " + i + "\n");
            }
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("called back").isTrue();
            Thread.sleep(500);
            assertThat(calls.get()).as("twenty files written at once are one change, or a few").isLessThan(5);
        }
    }

    @Test
    void watchesSubfoldersMadeLater(@TempDir Path dir) throws Exception {
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher w = new FolderWatcher(List.of(dir), SETTLE, changes::release)) {
            w.start();
            Path sub = Files.createDirectories(dir.resolve("a/b"));
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("the new folder").isTrue();
            changes.drainPermits();
            Files.writeString(sub.resolve("x.txt"), "Title\n\nBody\n");
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("a file in the new subfolder").isTrue();
        }
    }

    @Test
    void watchesAFolderThatAppearsAfterTheStart(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("inbox");
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher w = new FolderWatcher(List.of(missing), SETTLE, changes::release)) {
            w.start();
            Files.createDirectory(missing);
            assertThat(changes.tryAcquire(20, TimeUnit.SECONDS)).as("the folder appeared").isTrue();
            changes.drainPermits();
            Files.writeString(missing.resolve("x.txt"), "Title\n\nBody\n");
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("a file in it").isTrue();
        }
    }
}
