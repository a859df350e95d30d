package io.watchfloor.evaluate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels files in either format, told apart by their content: the project's own ({@code articles:} list, every
 * signal with its date; {@link SignalListLabel}) or the require/optional lines of {@code ../shared/corpus}
 * ({@link RequireLabel}).
 */
public final class LabelFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LabelFiles.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LabelFiles() { }

    /** The {@code labels*.yaml} files directly in {@code dir}, sorted by name. */
    public static List<Path> defaultFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("labels") && (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list labels files (" + e.getMessage() + ")");
        }
    }

    /**
     * @throws IllegalArgumentException naming the file (and the article or entry) when it cannot be read, is in
     *                                  neither format, or an entry is malformed
     */
    public static List<? extends ArticleLabel> load(Path file) {
        Document doc = read(file, "labels");
        if (LabelsLoader.recognises(doc.root())) {
            return LabelsLoader.load(file, doc.root());
        }
        if (RequireLabelsLoader.recognises(doc.root())) {
            return RequireLabelsLoader.load(file, doc);
        }
        throw new IllegalArgumentException(file + ": not a labels file: expected an 'articles:' list (the project's"
                + " format) or one 'NAME: {require: [...], optional: [...]}' line per article");
    }

    /**
     * A YAML file's tree, and the line of each top-level key.
     *
     * @param root  the tree (null for an empty file)
     * @param lines the line each top-level key is on
     */
    record Document(JsonNode root, Map<String, Integer> lines) {
        String where(Path file, String key) {
            Integer line = lines.get(key);
            return file + (line == null ? "" : ":" + line) + ": " + key;
        }
    }

    /**
     * Reads a YAML file. A top-level key given twice is an error, unless both say the same (then a warning):
     * the outside corpora's labels repeat a line now and then.
     */
    static Document read(Path file, String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read " + what + " (" + e + ")");
        }
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Document(YAML.readTree(text), Map.of());
            }
            ObjectNode root = YAML.createObjectNode();
            Map<String, Integer> lines = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentLocation().getLineNr();
                p.nextToken();
                JsonNode value = p.readValueAsTree();
                JsonNode before = root.get(key);
                if (before != null && !before.equals(value)) {
                    throw new IllegalArgumentException(file + ":" + line + ": " + key + ": given twice, differently"
                            + " (first on line " + lines.get(key) + ")");
                }
                if (before != null) {
                    LOG.warn("{}:{}: {}: given twice (first on line {}), the same both times", file, line, key,
                            lines.get(key));
                    continue;
                }
                root.set(key, value);
                lines.put(key, line);
            }
            return new Document(root, lines);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read " + what + " (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
    }
}
