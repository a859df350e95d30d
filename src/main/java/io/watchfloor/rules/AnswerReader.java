package io.watchfloor.rules;

import io.watchfloor.model.Signal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads from a report's sentence whether the move it reports (X against Y) answers one by Y: "hours after Iran struck
 * Pakistan, Pakistan retaliated", "Pakistan struck Iran, hours after Iranian missiles hit ...", "Pakistan hit back".
 * Events carry dates, not times: this is what puts two strikes of the same day in order. It reads only what the
 * sentence says (which country is named first in which clause); a sentence that says nothing about order gives
 * nothing, so two strikes of one day told without a word of sequence are never taken for a retaliation.
 */
public final class AnswerReader {
    /** What a report says about the order of its move. */
    public enum Reading {
        /** Nothing about order. */
        NONE,
        /** The move answers one by its target, which this sentence does not tell ("Pakistan retaliated on Friday"). */
        ANSWER,
        /** The move answers one by its target that the same sentence tells in another clause. */
        ANSWER_TO_TOLD
    }

    /** Introduces the earlier event: "... hours after Iran struck", "in retaliation for Iran's strikes, ...". */
    private static final Pattern EARLIER = Pattern.compile(
            "\\b(?:after|following|in (?:retaliation|response|reply|reprisal|revenge) (?:for|to))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Introduces the later event: "...; hours later Pakistan hit back". */
    private static final Pattern LATER = Pattern.compile(
            "\\b(?:(?:hours|minutes|moments|shortly) later|later (?:that|the same) (?:day|night|evening))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Says its own clause is an answer: "Pakistan retaliated", "struck back", "in response". */
    private static final Pattern ANSWER_WORD = Pattern.compile(
            "\\b(?:retaliat\\w*|hit back|str(?:uck|ike|ikes|iking) back|responded|in (?:response|retaliation|reprisal)"
            + "|counter-?(?:strike|attack)s?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:]");

    private final Function<String, List<String>> forms;
    private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();

    /** @param forms the ways a country is named in text (names, adjectives, capitals), by its code */
    public AnswerReader(Function<String, List<String>> forms) {
        this.forms = forms;
    }

    /** A reader that knows no country names: it reads nothing, so same-day answers never count. */
    public static AnswerReader knowingNoNames() {
        return new AnswerReader(code -> List.of());
    }

    public Reading read(Signal s) {
        String x = s.actor();
        String y = s.target();
        String text = s.evidence();
        if (x == null || y == null || x.equals(y) || text == null || text.isEmpty()) {
            return Reading.NONE;
        }
        Matcher m = EARLIER.matcher(text);
        if (m.find()) {
            // The earlier event runs from the cue to the end of its clause; the rest of the sentence is the later.
            Matcher end = CLAUSE_END.matcher(text);
            int stop = end.find(m.end()) ? end.start() : text.length();
            String later = text.substring(0, m.start()) + " " + text.substring(stop);
            return ordered(text.substring(m.end(), stop), later, x, y);
        }
        m = LATER.matcher(text);
        if (m.find()) {
            return ordered(text.substring(0, m.start()), text.substring(m.end()), x, y);
        }
        m = ANSWER_WORD.matcher(text);
        if (m.find()) {
            int from = lastClauseEnd(text, m.start());
            Matcher end = CLAUSE_END.matcher(text);
            int stop = end.find(m.end()) ? end.start() : text.length();
            if (firstNamed(text.substring(from, stop), x, y) == null && stop < text.length()) {
                // "In retaliation, Pakistan struck ...": the cue stands alone before the clause it qualifies.
                stop = end.find(stop + 1) ? end.start() : text.length();
            }
            if (!x.equals(firstNamed(text.substring(from, stop), x, y))) {
                return Reading.NONE;
            }
            String rest = text.substring(0, from) + " " + text.substring(stop);
            return y.equals(firstNamed(rest, x, y)) ? Reading.ANSWER_TO_TOLD : Reading.ANSWER;
        }
        return Reading.NONE;
    }

    /** X's move comes after Y's when X is named first in the later part and Y first in the earlier. */
    private Reading ordered(String earlier, String later, String x, String y) {
        return x.equals(firstNamed(later, x, y)) && y.equals(firstNamed(earlier, x, y))
                ? Reading.ANSWER_TO_TOLD : Reading.NONE;
    }

    private static int lastClauseEnd(String text, int before) {
        int from = 0;
        Matcher end = CLAUSE_END.matcher(text);
        while (end.find() && end.start() < before) {
            from = end.end();
        }
        return from;
    }

    /** Which of the two countries {@code part} names first, or null when it names neither. */
    private String firstNamed(String part, String x, String y) {
        int ix = firstIndex(part, x);
        int iy = firstIndex(part, y);
        if (ix < 0 && iy < 0) {
            return null;
        }
        return iy < 0 || ix >= 0 && ix < iy ? x : y;
    }

    private int firstIndex(String part, String code) {
        Pattern p = patterns.computeIfAbsent(code, c -> {
            List<String> names = forms.apply(c);
            if (names.isEmpty()) {
                return Optional.empty();
            }
            // Longest first, so "South Sudan" is not read as "Sudan"; a name ends where letters end ("Pakistan's").
            String alternatives = names.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                    .collect(Collectors.joining("|"));
            return Optional.of(Pattern.compile("(?<![\\p{L}])(?:" + alternatives + ")(?![\\p{L}])"));
        }).orElse(null);
        if (p == null) {
            return -1;
        }
        Matcher m = p.matcher(part);
        return m.find() ? m.start() : -1;
    }
}
