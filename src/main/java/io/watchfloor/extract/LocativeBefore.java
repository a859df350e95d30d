package io.watchfloor.extract;

import java.util.Set;

/**
 * Whether the words before a mention put it as a place: a preposition of place up to three lower-case words back
 * ("in southwestern Pakistan", "inside Iran", "on Israel's"), or "border with". Checked word by word from the
 * mention backwards: this runs for every country mention, and the equivalent regex (tried at every position) was a
 * tenth of the extraction time.
 */
final class LocativeBefore {
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "inside", "into", "on", "onto", "against",
            "at", "over", "across", "targeting", "targeted", "toward", "towards", "near", "to", "around");
    private static final Set<String> BORDER_WORDS = Set.of("border", "boundary", "frontier", "borders");
    /** Words that start a clause of their own: "in what Pakistan called", not a place. */
    private static final Set<String> CLAUSE_WORDS = Set.of("what", "which", "who", "whom", "that", "where", "when");
    private static final int MAX_WORDS_BETWEEN = 3;

    private LocativeBefore() { }

    /** {@code before}: the text right before the mention, ending with the space that separates them. */
    static boolean test(String before) {
        int pos = before.length();
        if (pos == 0 || !isSpace(before.charAt(pos - 1))) {
            return false;
        }
        String later = null; // the word after the current one
        for (int words = 0; words <= MAX_WORDS_BETWEEN; words++) {
            while (pos > 0 && isSpace(before.charAt(pos - 1))) {
                pos--;
            }
            if (pos == 0) {
                return false;
            }
            int end = pos;
            while (pos > 0 && !isSpace(before.charAt(pos - 1))) {
                pos--;
            }
            String word = before.substring(pos, end);
            if (PLACE_PREPOSITIONS.contains(word)) {
                return true;
            }
            if ("with".equals(later) && endsWithBorderWord(word)) {
                return true;
            }
            if (!isPlainWord(word)) {
                return false;
            }
            later = word;
        }
        // "border with" may sit just beyond the last word that may come between.
        while (pos > 0 && isSpace(before.charAt(pos - 1))) {
            pos--;
        }
        int end = pos;
        while (pos > 0 && !isSpace(before.charAt(pos - 1))) {
            pos--;
        }
        return "with".equals(later) && pos < end && endsWithBorderWord(before.substring(pos, end));
    }

    private static boolean endsWithBorderWord(String word) {
        for (String b : BORDER_WORDS) {
            if (word.endsWith(b)) {
                return true;
            }
        }
        return false;
    }

    /** A lower-case word of letters and hyphens that does not open a clause. */
    private static boolean isPlainWord(String word) {
        char first = word.charAt(0);
        if (first < 'a' || first > 'z' || CLAUSE_WORDS.contains(word)) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != '-' && !Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    /** The characters of the regex class \s (ASCII whitespace). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
