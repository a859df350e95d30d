package io.watchfloor.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a people file: tab-separated, one person a line, {@code #} comments.
 *
 * <pre>
 * names | names ...  TAB  short forms | ...  TAB  terms
 * Barack Obama|Barack Hussein Obama	Obama	USA HOS 2009-01-20..2017-01-20
 * </pre>
 * A term is {@code CODE ROLE FROM..TO}, several separated by commas; a date is {@code YYYY-MM-DD} or {@code YYYY-MM}
 * (known to the month: the range then takes the whole month), FROM empty for "since ever", TO empty for "still
 * serving", a trailing {@code ?} marks a date the source cannot vouch for. A short form written {@code ~Bush} is
 * also a common word: it stands for the person only once the article has named them in full or with a title.
 *
 * <p>Kept a plain format (not YAML) because the shipped files hold some 18,000 people and are read at every start.
 */
final class PeopleFile {
    private PeopleFile() { }

    /**
     * @throws IllegalArgumentException naming {@code sourceName} and the line of the first bad entry
     */
    static List<Person> read(InputStream in, String sourceName) {
        List<Person> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank() || line.charAt(0) == '#') {
                    continue;
                }
                out.add(parse(line, sourceName + ":" + n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read", e);
        }
        return out;
    }

    static Person parse(String line, String where) {
        String[] cols = line.split("\t", -1);
        if (cols.length != 3) {
            throw new IllegalArgumentException(where + ": expected 3 tab-separated columns (names, short forms, "
                    + "terms), got " + cols.length);
        }
        List<String> names = forms(cols[0], where);
        List<String> shorts = new ArrayList<>(2);
        Set<String> introduced = Set.of();
        for (String s : forms(cols[1], where)) {
            String form = s.startsWith("~") ? s.substring(1) : s;
            if (form.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty short form '~'");
            }
            shorts.add(form);
            if (s.startsWith("~")) {
                if (introduced.isEmpty()) {
                    introduced = new HashSet<>();
                }
                introduced.add(form);
            }
        }
        List<Term> terms = new ArrayList<>(2);
        for (String t : cols[2].split(",")) {
            terms.add(term(t.strip(), where));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(where + ": no name");
        }
        return new Person(names, shorts, introduced, terms, where);
    }

    private static List<String> forms(String col, String where) {
        List<String> out = new ArrayList<>();
        if (col.isBlank()) {
            return out;
        }
        for (String f : col.split("\\|")) {
            if (f.isBlank() || !f.equals(f.strip()) || f.contains("  ")) {
                throw new IllegalArgumentException(where + ": form '" + f + "' is blank or has extra spaces");
            }
            out.add(f);
        }
        return out;
    }

    private static Term term(String t, String where) {
        String[] parts = t.split(" ");
        if (parts.length != 3 || !upper(parts[0], 3, 3) || !upper(parts[1], 2, 12) || !parts[2].contains("..")) {
            throw new IllegalArgumentException(where + ": term '" + t + "' is not CODE ROLE FROM..TO");
        }
        int dots = parts[2].indexOf("..");
        String a = parts[2].substring(0, dots);
        String b = parts[2].substring(dots + 2);
        boolean uncertain = a.endsWith("?") || b.endsWith("?") || a.length() == 7 || b.length() == 7;
        LocalDate from = date(strip(a), false, where, t);
        LocalDate to = date(strip(b), true, where, t);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException(where + ": term '" + t + "' ends before it starts");
        }
        return new Term(parts[0], parts[1], from, to, uncertain);
    }

    /** The number written by the ASCII digits {@code s[from, to)}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    private static String strip(String d) {
        return d.endsWith("?") ? d.substring(0, d.length() - 1) : d;
    }

    /** Whether {@code s} is {@code min} to {@code max} upper-case ASCII letters (a code, a role). */
    private static boolean upper(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code YYYY-MM-DD}, {@code YYYY-MM} (the first or, for an end, the last day of the month) or empty (null). Read
     * by hand: the people files hold some 50,000 dates, and reading them with the ISO formatter made reading the
     * people several times slower (they are read in the background after a start, or by the first article).
     */
    private static LocalDate date(String d, boolean end, String where, String term) {
        try {
            if (d.isEmpty()) {
                return null;
            }
            if ((d.length() == 7 || d.length() == 10) && d.charAt(4) == '-' && (d.length() == 7 || d.charAt(7) == '-')) {
                int y = digits(d, 0, 4);
                int m = digits(d, 5, 7);
                if (y >= 0 && m >= 0) {
                    if (d.length() == 7) {
                        YearMonth ym = YearMonth.of(y, m);
                        return end ? ym.atEndOfMonth() : ym.atDay(1);
                    }
                    int day = digits(d, 8, 10);
                    if (day >= 0) {
                        return LocalDate.of(y, m, day);
                    }
                }
            }
            throw new DateTimeException(d);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": term '" + term + "': '" + d
                    + "' is not a date (YYYY-MM-DD or YYYY-MM)");
        }
    }
}
