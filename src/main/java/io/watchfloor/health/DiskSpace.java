package io.watchfloor.health;

import io.watchfloor.config.SizeDeserializer;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The disk that holds the data directory (database, outbox, alerts file): degraded below the free-space minimum. */
public final class DiskSpace implements HealthCheck.Check {
    private final Path dataDir;
    private final long minFree;

    public DiskSpace(Path dataDir, long minFree) {
        this.dataDir = dataDir;
        this.minFree = minFree;
    }

    @Override
    public List<String> reasons() {
        long free;
        try {
            FileStore store = Files.getFileStore(dataDir);
            free = store.getUsableSpace();
        } catch (IOException e) {
            return List.of("data disk: cannot tell the free space of " + dataDir + " (" + e.getMessage() + ")");
        }
        if (free >= minFree) {
            return List.of();
        }
        return List.of("data disk " + (free == 0 ? "full" : "nearly full") + ": " + size(free) + " free for "
                + dataDir.toAbsolutePath().normalize() + " (http.diskFreeMin " + SizeDeserializer.human(minFree)
                + ")");
    }

    private static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
