package io.watchfloor.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Optional per-file metadata: a sidecar {@code NAME.txt.meta.yaml} beside {@code NAME.txt}, with optional keys
 * {@code published} (ISO date), {@code title}, {@code link}, {@code source} (outlet name). Unknown keys are an error
 * naming the sidecar file and the key. Null fields mean "not given".
 */
public record ArticleMeta(LocalDate published, String title, String link, String source) {
    public static final ArticleMeta NONE = new ArticleMeta(null, null, null, null);

    /** The keys a sidecar may hold. */
    public static final Set<String> KEYS = Set.of("published", "title", "link", "source");

    /** Suffix appended to the text file's name to find its sidecar. */
    public static final String SIDECAR_SUFFIX = ".meta.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The sidecar path for a text file: {@code dir/NAME.txt} gives {@code dir/NAME.txt.meta.yaml}. */
    public static Path sidecarOf(Path textFile) {
        return textFile.resolveSibling(textFile.getFileName().toString() + SIDECAR_SUFFIX);
    }

    /**
     * Reads a sidecar file.
     *
     * @throws InvalidMetaException when the file is not a YAML mapping of the known keys with valid values
     * @throws IOException          when the file cannot be read
     */
    public static ArticleMeta load(Path sidecar) throws IOException {
        byte[] bytes = Files.readAllBytes(sidecar);
        String name = sidecar.toString().replace('\\', '/');
        return parse(TextDecoder.decode(bytes, name).text(), name);
    }

    /**
     * Parses sidecar YAML text.
     *
     * @param name the sidecar's name, used in error messages
     * @throws InvalidMetaException when the text is not a YAML mapping of the known keys with valid values
     */
    public static ArticleMeta parse(String yaml, String name) throws InvalidMetaException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidMetaException(name + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw new InvalidMetaException(name + ": expected a mapping with keys " + allowed()
                    + ", found " + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidMetaException(name + ": unknown key '" + key + "' (allowed: " + allowed() + ")");
            }
        }
        LocalDate published = null;
        String p = text(root, "published", name);
        if (p != null) {
            try {
                published = LocalDate.parse(p);
            } catch (DateTimeParseException e) {
                throw new InvalidMetaException(name + ": key 'published': '" + p
                        + "' is not an ISO date (expected YYYY-MM-DD)");
            }
        }
        return new ArticleMeta(published, text(root, "title", name), text(root, "link", name),
                text(root, "source", name));
    }

    private static String text(JsonNode root, String key, String name) throws InvalidMetaException {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new InvalidMetaException(name + ": key '" + key + "' must be a single value");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String allowed() {
        return "published, title, link, source";
    }

    /** Whether no field is given. */
    public boolean isEmpty() {
        return published == null && title == null && link == null && source == null;
    }

    /** A sidecar that cannot be used; the message names the sidecar file (and the key, when one is at fault). */
    public static final class InvalidMetaException extends IOException {
        private static final long serialVersionUID = 1L;

        public InvalidMetaException(String message) {
            super(message);
        }
    }
}
