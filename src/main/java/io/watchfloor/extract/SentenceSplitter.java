package io.watchfloor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits body text into sentences, paragraph by paragraph, without breaking at common abbreviations. */
public final class SentenceSplitter {
    /** A sentence and the paragraph it belongs to (0 is the headline). */
    public record Sentence(String text, int paragraph) { }

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj",
            "capt", "sgt", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "u.s", "u.k", "u.n", "no", "vs", "etc", "prof", "sen", "rep", "gov", "pres", "adm", "brig", "cmdr",
            "e.g", "i.e", "approx", "fig", "inc", "ltd", "co", "corp", "jr", "sr", "mt", "ft");

    private SentenceSplitter() { }

    public static List<Sentence> split(String title, String body) {
        List<Sentence> out = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            out.add(new Sentence(title.strip(), 0));
        }
        int p = 1;
        // Every line is a paragraph; blank lines only separate them.
        for (int from = 0, nl; from <= body.length(); from = nl + 1) {
            nl = body.indexOf('\n', from);
            if (nl < 0) {
                nl = body.length();
            }
            String para = body.substring(from, nl);
            if (para.isBlank()) {
                continue;
            }
            for (String s : sentences(para.strip())) {
                out.add(new Sentence(s, p));
            }
            p++;
        }
        return out;
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int j = i + 1;
            while (j < n && "\"'”’)".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            if (j >= n || !Character.isWhitespace(text.charAt(j))) {
                continue;
            }
            int k = j;
            while (k < n && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            if (k >= n) {
                break;
            }
            char next = text.charAt(k);
            if (!(Character.isUpperCase(next) || Character.isDigit(next) || "\"“‘(".indexOf(next) >= 0)) {
                continue;
            }
            if (c == '.' && isAbbreviation(text, i)) {
                continue;
            }
            out.add(text.substring(start, j).strip());
            start = k;
        }
        if (start < n) {
            out.add(text.substring(start).strip());
        }
        return out;
    }

    private static boolean isAbbreviation(String text, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        String word = text.substring(b, dot).toLowerCase(Locale.ROOT);
        // Single capital letters are initials ("Jalil A. Jilani").
        return ABBREVIATIONS.contains(word) || word.length() == 1;
    }
}
