package io.watchfloor.ingest;

import java.util.function.Predicate;

/**
 * Wire copy kept at a fixed width (agency archives, plain-text feeds) breaks every sentence over several lines. Read
 * one line per paragraph, a sentence's doer and its act fall into different paragraphs and the act is lost. A block
 * of consecutive lines that reads as hard-wrapped has each line that does not end its sentence joined to the next.
 *
 * <p>A block reads as hard-wrapped when it has at least three lines, none wider than {@value #MAX_WIDTH} characters,
 * most of them ending mid-sentence and nearly as wide as the widest (at least {@value #MIN_WIDTH}): a file with one
 * paragraph per line has long lines, and a list of headings or bullets has lines of every length.
 */
final class HardWrap {
    /** Wrapped copy is narrow; a longer line is a paragraph of its own. */
    static final int MAX_WIDTH = 100;
    /** ... but not very narrow: short lines are headings, menus, a repeated title. */
    static final int MIN_WIDTH = 40;
    private static final int MIN_LINES = 3;

    private HardWrap() {
    }

    /**
     * The lines with hard-wrapped sentences joined: a joined line holds the whole sentence, the lines joined into it
     * become null (so line numbers stay those of the file). Empty lines separate blocks and stay as they are.
     *
     * @param lines       the file's lines, whitespace collapsed
     * @param standsAlone lines never joined, nor joined to (date lines, site furniture)
     */
    static String[] unwrap(String[] lines, Predicate<String> standsAlone) {
        String[] out = lines.clone();
        int title = 0;
        while (title < out.length && out[title].isEmpty()) {
            title++;
        }
        int from = 0;
        while (from < out.length) {
            if (out[from].isEmpty()) {
                from++;
                continue;
            }
            int to = from;
            while (to < out.length && !out[to].isEmpty()) {
                to++;
            }
            // the title stands alone, and so does every repetition of it
            String first = title < out.length ? out[title] : "";
            Predicate<String> alone = standsAlone.or(first::equals);
            if (wrapped(out, from, to, alone)) {
                join(out, Math.max(from, title + 1), to, alone);
            }
            from = to;
        }
        return out;
    }

    /** Whether the block's lines, those that may be joined, read as text wrapped at a fixed width. */
    private static boolean wrapped(String[] lines, int from, int to, Predicate<String> standsAlone) {
        if (to - from < MIN_LINES) {
            return false; // a title, a line of its own: nothing to measure
        }
        int widest = 0;
        for (int k = from; k < to; k++) {
            widest = Math.max(widest, lines[k].length());
        }
        if (widest > MAX_WIDTH || widest < MIN_WIDTH) {
            return false;
        }
        int n = 0;
        int open = 0;
        int full = 0;
        for (int k = from; k < to - 1; k++) { // the last line of a paragraph is as short as it happens to be
            if (alone(lines[k], standsAlone)) {
                continue;
            }
            n++;
            if (!endsSentence(lines[k])) {
                open++;
            }
            if (lines[k].length() * 10 >= widest * 6) {
                full++;
            }
        }
        return n + 1 >= MIN_LINES && open * 10 >= n * 6 && full * 10 >= n * 8;
    }

    private static void join(String[] lines, int from, int to, Predicate<String> standsAlone) {
        for (int k = from; k < to - 1; k++) {
            if (lines[k] == null || endsSentence(lines[k]) || alone(lines[k], standsAlone)) {
                continue;
            }
            StringBuilder sentence = new StringBuilder(lines[k]);
            for (int next = k + 1; next < to && !endsSentence(sentence) && !alone(lines[next], standsAlone); next++) {
                // "Pakistan-" + "backed": a word cut at its hyphen stays one word
                int last = sentence.length() - 1;
                boolean hyphen = last > 0 && sentence.charAt(last) == '-'
                        && Character.isLetter(sentence.charAt(last - 1));
                (hyphen ? sentence : sentence.append(' ')).append(lines[next]);
                lines[next] = null;
            }
            lines[k] = sentence.toString();
        }
    }

    private static boolean alone(String line, Predicate<String> standsAlone) {
        char c = line.charAt(0);
        return c == '-' || c == '*' || c == '\u2022' || c == '\u2013' || standsAlone.test(line);
    }

    private static boolean endsSentence(CharSequence line) {
        char c = line.charAt(line.length() - 1);
        return ".!?:;\"\u201D\u2019)]".indexOf(c) >= 0;
    }
}
