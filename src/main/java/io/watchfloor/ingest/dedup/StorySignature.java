package io.watchfloor.ingest.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news story is about, as a small weighted term vector: the article's content words (stop words dropped,
 * possessives, hyphens and plurals folded, so "Amir-Abdollahian" and "Amirabdollahian" meet), with names (words
 * capitalised inside a sentence) weighted up, country names, adjectives and capitals weighted down (every story
 * between the same two countries shares those), and title words added. The strongest {@link #MAX_TERMS} terms are
 * kept, normalised to unit length, so the cosine of two signatures is their dot product.
 */
public final class StorySignature {
    static final int MAX_TERMS = 64;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");
    private static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList((
            "about above after again against all also am an and any are as at be because been before being below"
            + " between both but by can could did do does doing down during each few for from further had has have"
            + " having he her here hers herself him himself his how if in into is it its itself just me more most"
            + " my myself no nor not now of off on once only or other our ours ourselves out over own same she"
            + " should so some such than that the their theirs them themselves then there these they this those"
            + " through to too under until up very was we were what when where which while who whom why will with"
            + " would you your yours yourself yourselves said says say told according may might one two three four"
            + " five first last new year years week weeks month months day days time since however amid including"
            + " include includes around another still well back even made make many much already within without"
            + " among across per like upon whose yet every monday tuesday wednesday thursday friday saturday sunday"
            + " january february march april june july august september october november december mr mrs ms"
            + " the a an").split(" ")));

    private final Map<String, Double> weights;

    private StorySignature(Map<String, Double> weights) {
        this.weights = weights;
    }

    /** The signature of an article. */
    public static StorySignature of(String title, String body, Set<String> commonTerms) {
        Map<String, Integer> tf = new HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        for (String para : body.split("\n")) {
            Matcher m = WORD.matcher(para);
            int prevEnd = 0;
            boolean sentenceStart = true;
            while (m.find()) {
                if (prevEnd > 0 && endsSentence(para, prevEnd, m.start())) {
                    sentenceStart = true;
                }
                String raw = m.group();
                String t = normalise(raw);
                if (t != null) {
                    tf.merge(t, 1, Integer::sum);
                    if (!sentenceStart && Character.isUpperCase(raw.charAt(0))) {
                        names.add(t);
                    }
                }
                sentenceStart = false;
                prevEnd = m.end();
            }
        }
        Map<String, Double> w = new HashMap<>();
        tf.forEach((t, n) -> {
            double v = 1 + Math.log(n);
            if (commonTerms.contains(t)) {
                v *= 0.5;
            } else if (names.contains(t)) {
                v *= 2;
            }
            w.put(t, v);
        });
        Matcher m = WORD.matcher(title);
        Set<String> titleTerms = new java.util.HashSet<>();
        while (m.find()) {
            String t = normalise(m.group());
            if (t != null && titleTerms.add(t)) {
                w.merge(t, commonTerms.contains(t) ? 1.0 : 2.0, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> top = new ArrayList<>(w.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (top.size() > MAX_TERMS) {
            top = top.subList(0, MAX_TERMS);
        }
        double norm = Math.sqrt(top.stream().mapToDouble(e -> e.getValue() * e.getValue()).sum());
        Map<String, Double> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : top) {
            kept.put(e.getKey(), norm == 0 ? 0 : e.getValue() / norm);
        }
        return new StorySignature(Collections.unmodifiableMap(kept));
    }

    /** Whether the text between two words ends a sentence (its last non-space character is . ! ? : ; or a quote). */
    private static boolean endsSentence(String s, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return ".!?:;\"“”".indexOf(c) >= 0;
            }
        }
        return false;
    }

    /** A term as compared: lower case, possessive, hyphens and plural folded; null for stop words and numbers. */
    static String normalise(String word) {
        String w = POSSESSIVE.matcher(word).replaceFirst("").replace("-", "").replace("'", "").replace("’", "")
                .toLowerCase(Locale.ROOT);
        if (w.length() < 3 || STOP.contains(w) || w.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Cosine similarity in [0,1]. */
    public double cosine(StorySignature other) {
        Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
        Map<String, Double> big = small == weights ? other.weights : weights;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double v = big.get(e.getKey());
            if (v != null) {
                dot += e.getValue() * v;
            }
        }
        return Math.min(1, dot);
    }

    public Set<String> terms() {
        return weights.keySet();
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /** "term=0.1234 term=0.0567 ...": what the store keeps. */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((t, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            long q = Math.round(v * 10000);
            sb.append(t).append('=').append(q / 10000).append('.');
            String frac = Long.toString(q % 10000);
            sb.append("0000", 0, 4 - frac.length()).append(frac);
        });
        return sb.toString();
    }

    public static StorySignature decode(String text) {
        Map<String, Double> w = new LinkedHashMap<>();
        if (text != null) {
            for (String part : text.split(" ")) {
                int eq = part.lastIndexOf('=');
                if (eq > 0) {
                    try {
                        w.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
                    } catch (NumberFormatException ignored) {
                        // a damaged term is left out
                    }
                }
            }
        }
        return new StorySignature(Collections.unmodifiableMap(w));
    }
}
