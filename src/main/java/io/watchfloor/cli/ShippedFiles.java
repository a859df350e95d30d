package io.watchfloor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Shipped versions of config files that an upgrade put beside the admin's edited copy instead of over it: the
 * installer's {@code NAME.new}, dpkg's {@code NAME.dpkg-dist} (admin's copy kept) and {@code NAME.dpkg-new}. They
 * may carry rule fixes, so {@code status} keeps showing them until the admin has merged and deleted them.
 */
final class ShippedFiles {
    private static final List<String> SUFFIXES = List.of(".new", ".dpkg-dist", ".dpkg-new", ".ucf-dist");

    /** One shipped file not taken, and the admin's file it stands beside. */
    record NotTaken(Path shipped, Path yours) { }

    private ShippedFiles() { }

    /** In the given folders and below (each looked at once), in name order. */
    static List<NotTaken> find(List<Path> folders) {
        Set<Path> seen = new LinkedHashSet<>();
        List<NotTaken> out = new ArrayList<>();
        for (Path folder : folders) {
            if (folder == null || !Files.isDirectory(folder) || !seen.add(folder.toAbsolutePath().normalize())) {
                continue;
            }
            // Absolute, so a file reached from two of the folders (rules under the config's folder) is listed once.
            try (Stream<Path> files = Files.walk(folder.toAbsolutePath().normalize(), 4)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    String name = f.getFileName().toString();
                    for (String s : SUFFIXES) {
                        if (name.endsWith(s) && name.length() > s.length()) {
                            Path yours = f.resolveSibling(name.substring(0, name.length() - s.length()));
                            NotTaken n = new NotTaken(f, yours);
                            if (!out.contains(n)) {
                                out.add(n);
                            }
                        }
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                // An unreadable folder hides nothing the admin can act on from here; the rest is still listed.
            }
        }
        return out;
    }

    static void render(List<NotTaken> found, PrintWriter out) {
        if (found.isEmpty()) {
            return;
        }
        out.println("shipped:  " + found.size() + " shipped file" + (found.size() == 1 ? " differs" : "s differ")
                + " from yours (yours kept; compare with diff -u, merge, then delete the shipped one):");
        for (NotTaken n : found) {
            out.println("  " + n.yours() + "  (shipped: " + n.shipped().getFileName() + ")");
        }
    }
}
