package io.watchfloor.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alerts a set of articles must raise as a whole, the optional second file of {@code score.py}
 * ({@code streams.yaml}):
 * <pre>
 * titfortat: [IRN-PAK, IND-PAK]      # a tit-for-tat alert between the pair (RETALIATION, or a rule named tit-for-tat)
 * deescalation: [IRN-PAK]            # a de-escalation alert between the pair
 * </pre>
 *
 * @param expected each stream and pair, in file order
 */
public record StreamExpectations(List<Expected> expected) {
    /** One alert that must be raised: {@code stream} is "titfortat" or "deescalation". */
    public record Expected(String stream, Set<String> pair) {
        public Expected {
            pair = Set.copyOf(pair);
        }

        boolean raisedBy(Alert a) {
            if (!Set.copyOf(a.actors()).equals(pair)) {
                return false;
            }
            if (stream.equals(TIT_FOR_TAT)) {
                return a.category() == Category.ESCALATION && ("RETALIATION".equals(a.type())
                        || a.rule().toLowerCase(Locale.ROOT).contains("tit"));
            }
            return a.category() == Category.DEESCALATION;
        }

        @Override
        public String toString() {
            return stream + " " + String.join("-", pair.stream().sorted().toList());
        }
    }

    static final String TIT_FOR_TAT = "titfortat";
    static final String DEESCALATION = "deescalation";

    public StreamExpectations {
        expected = List.copyOf(expected);
    }

    public static final StreamExpectations NONE = new StreamExpectations(List.of());

    /** The expectations no alert met. */
    public List<Expected> unmet(List<Alert> alerts) {
        return expected.stream().filter(e -> alerts.stream().noneMatch(e::raisedBy)).toList();
    }

    /** @throws IllegalArgumentException naming the file and key when the file is malformed */
    public static StreamExpectations load(Path file) {
        LabelFiles.Document doc = LabelFiles.read(file, "streams");
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected 'titfortat: [AAA-BBB, ...]' and"
                    + " 'deescalation: [AAA-BBB, ...]'");
        }
        List<Expected> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = doc.where(file, e.getKey());
            if (!e.getKey().equals(TIT_FOR_TAT) && !e.getKey().equals(DEESCALATION)) {
                throw new IllegalArgumentException(where + ": unknown stream (expected titfortat or deescalation)");
            }
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException(where + ": expected a list of pairs such as [IRN-PAK]");
            }
            for (JsonNode p : e.getValue()) {
                String pair = p.asText();
                if (!pair.matches("[A-Z]{3}-[A-Z]{3}") || pair.substring(0, 3).equals(pair.substring(4))) {
                    throw new IllegalArgumentException(where + ": '" + pair + "' is not a pair of two countries"
                            + " such as IRN-PAK");
                }
                out.add(new Expected(e.getKey(), Set.of(pair.split("-"))));
            }
        }
        return new StreamExpectations(out);
    }
}
