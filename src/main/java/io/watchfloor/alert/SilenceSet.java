package io.watchfloor.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.model.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Silences: the ones in the config, and the ones admins add with {@code watchfloor silence add} (kept in the data
 * directory, re-read when the file changes, so they work while the daemon runs). A silenced alert is stored but not
 * sent.
 */
public final class SilenceSet {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Silence> configured;
    private final Path file;
    private List<Silence> added = List.of();
    private long loadedStamp = Long.MIN_VALUE;

    public SilenceSet(List<Silence> configured, Path file) {
        this.configured = List.copyOf(configured);
        this.file = file;
    }

    /** The silence that holds this alert at {@code now}, if any. */
    public synchronized java.util.Optional<Silence> silencing(Alert a, Instant now) {
        List<Silence> all = new ArrayList<>(configured);
        all.addAll(added());
        return all.stream().filter(s -> s.until() != null && now.isBefore(s.until()) && matches(s, a)).findFirst();
    }

    /** Every silence, in force or not: the config's, then those added from the command line. */
    public synchronized List<Silence> all() {
        List<Silence> all = new ArrayList<>(configured);
        all.addAll(added());
        return all;
    }

    /** Whether the silence covers the alert, whatever its time. */
    public static boolean matches(Silence s, Alert a) {
        if (s.rule() != null && !s.rule().equalsIgnoreCase(a.rule())) {
            return false;
        }
        if (s.type() != null && !s.type().equalsIgnoreCase(a.type())) {
            return false;
        }
        if (s.pair() != null) {
            String[] p = s.pair().toUpperCase(Locale.ROOT).split("-");
            return p.length == 2 && a.actors().containsAll(List.of(p[0], p[1]))
                    || p.length == 1 && a.actors().contains(p[0]);
        }
        return s.rule() != null || s.type() != null;
    }

    /** The silences added from the command line (re-read when the file changed). */
    public synchronized List<Silence> added() {
        try {
            long stamp = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : 0;
            if (stamp != loadedStamp) {
                added = read(file);
                loadedStamp = stamp;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read silences " + file, e);
        }
        return added;
    }

    public static List<Silence> read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return List.of();
        }
        List<Silence> l = YAML.readValue(file.toFile(), new TypeReference<List<Silence>>() { });
        return l == null ? List.of() : List.copyOf(l);
    }

    public static void write(Path file, List<Silence> silences) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        YAML.writeValue(tmp.toFile(), silences);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
