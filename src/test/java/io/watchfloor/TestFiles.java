package io.watchfloor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the project's folders (rules, seeds) that a test may change. */
public final class TestFiles {
    private TestFiles() { }

    /** Copies {@code folder} (relative to the project root) to the same relative place under {@code dir}. */
    public static Path copy(String folder, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(p.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir.resolve(folder);
    }

    /** The files directly in {@code dir}, in name order. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
