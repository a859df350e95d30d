package io.watchfloor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file's bytes when its size is known already (from the one look at its attributes): asked for one byte more than
 * that size, a file that has not changed answers in a single read, which also shows it ends there. Files.readAllBytes
 * asks the size again and reads once more to find the end: two more system calls per file, and a replay reads every
 * file twice.
 */
final class FileBytes {
    private FileBytes() {
    }

    /** The whole file, whatever its size is now; {@code size} is what its attributes said. */
    static byte[] read(Path file, long size) throws IOException {
        if (size >= Integer.MAX_VALUE - 8) {
            throw new IOException("too large to read: " + size + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[(int) size + 1];
            int n = in.read(buf, 0, buf.length);
            if (n == size) {
                return Arrays.copyOf(buf, n); // read to the end in one go: a short read of a file is its end
            }
            // The file changed since its attributes were read: read on to the end.
            n = Math.max(n, 0);
            while (true) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    return Arrays.copyOf(buf, n);
                }
                n += r;
            }
        }
    }
}
