package io.watchfloor.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A versioned SQL migration shipped on the class path ({@code V4_1__set_aside_articles.sql}), described as Flyway
 * records it in its schema history: version {@code 4.1}, description {@code set aside articles}, and Flyway's checksum
 * of the file.
 *
 * @param folder class-path folder, e.g. {@code db/migration}
 */
record MigrationScript(String folder, String script, String version, String description) {
    private static final Pattern NAME = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__([^.]+)\\.sql");

    /** The resource's path on the class path. */
    String resource() {
        return folder + "/" + script;
    }

    /** The version's parts, compared as numbers (4.1 after 4, before 5). */
    int[] versionParts() {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    static final Comparator<MigrationScript> BY_VERSION = (a, b) -> Arrays.compare(a.versionParts(), b.versionParts());

    /** The script's text. */
    String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource(), e);
        }
    }

    /**
     * Flyway's checksum of the script: the CRC-32 of its lines in UTF-8, line breaks left out, a byte-order mark left
     * out of the first.
     */
    int checksum() {
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8), 4096)) {
            String line = r.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = r.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource(), e);
        }
        return (int) crc.getValue();
    }

    private InputStream open() throws IOException {
        InputStream in = MigrationScript.class.getClassLoader().getResourceAsStream(resource());
        if (in == null) {
            throw new IOException("not found on the class path");
        }
        return in;
    }

    /** The script named {@code fileName}, or empty when the name is not a versioned migration's. */
    static Optional<MigrationScript> of(String folder, String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new MigrationScript(folder, fileName, m.group(1).replace('_', '.'),
                m.group(2).replace('_', ' ')));
    }

    /**
     * The files in a class-path folder (in the jar, or a directory when run from the build's classes), or empty when
     * they cannot be listed or one of them is not a versioned SQL migration: then let Flyway read the folder.
     */
    static Optional<List<MigrationScript>> list(String folder) {
        URL url = MigrationScript.class.getClassLoader().getResource(folder);
        if (url == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                String prefix = folder + "/";
                jar.getJarFile().stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                        .map(n -> n.substring(prefix.length()))
                        .forEach(names::add);
            } else if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> p.getFileName().toString()).forEach(names::add);
                }
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        List<MigrationScript> scripts = new ArrayList<>();
        for (String n : names) {
            Optional<MigrationScript> s = of(folder, n);
            if (s.isEmpty()) {
                return Optional.empty(); // a subfolder, another kind of migration: Flyway knows what to do
            }
            scripts.add(s.get());
        }
        scripts.sort(BY_VERSION);
        return Optional.of(List.copyOf(scripts));
    }
}
