package io.watchfloor.extract;

/** Clause bounds by punctuation, for sentences read without a parse. */
final class Clauses {
    private Clauses() {
    }

    /** Where the clause containing {@code pos} ends: the next comma, semicolon, colon, dash or bracket. */
    static int end(String s, int pos) {
        for (int i = pos; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(') {
                return i;
            }
        }
        return s.length();
    }

    /** Where the clause containing {@code pos} starts: just after the last punctuation before it. */
    static int start(String s, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(') {
                return i + 1;
            }
        }
        return 0;
    }
}
