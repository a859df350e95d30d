package io.watchfloor.evaluate;

import io.watchfloor.model.Signal;
import java.util.List;

/**
 * What the labels say about one article, in either format: the project's own list of every signal with its date
 * ({@link SignalListLabel}) or the require/optional items of {@code ../shared/corpus} ({@link RequireLabel}).
 */
public sealed interface ArticleLabel permits SignalListLabel, RequireLabel {
    /** How the labels name articles. */
    enum Naming {
        /** The file's path relative to the evaluated folder ("001_india_pakistan_balakot.txt"). */
        PATH,
        /** The file's name without {@code .txt}, wherever it lies under the folder ("001_uri_army_camp_attack"). */
        STEM;

        /** The key an article of this relative path has under this naming. */
        public String keyOf(String relativePath) {
            if (this == PATH) {
                return relativePath;
            }
            String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            return name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        }
    }

    /** The article this label is about, under {@link #naming()}. */
    String key();

    Naming naming();

    /** The labels file and entry, for messages. */
    String source();

    /** A trap: nothing of it is required; every signal it gives is a false alarm unless a label allows it. */
    boolean trap();

    /** Scores the signals of the article, in the order extraction gave them. */
    Judgement judge(List<Signal> signals);

    /**
     * How an article's signals fared.
     *
     * @param hits        the per-type row of each requirement met
     * @param misses      requirements not met
     * @param falseAlarms signals no label allows
     * @param wrongEvidence signals that met a requirement with a sentence that lacks the labeled evidence text
     */
    record Judgement(List<String> hits, List<Finding> misses, List<Finding> falseAlarms,
                     List<Finding> wrongEvidence) {
        public Judgement {
            hits = List.copyOf(hits);
            misses = List.copyOf(misses);
            falseAlarms = List.copyOf(falseAlarms);
            wrongEvidence = List.copyOf(wrongEvidence);
        }
    }

    /** A signal as findings show it: "STRIKE IRN>PAK 2024-01-16", "planned" when announced. */
    static String describe(Signal s) {
        return ExpectedSignal.keyOf(s).toString();
    }
}
