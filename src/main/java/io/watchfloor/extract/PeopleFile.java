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
import java.util.regex.Pattern;

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
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern ROLE = Pattern.compile("[A-Z]{2,12}");

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
        List<String> shorts = new ArrayList<>();
        Set<String> introduced = new HashSet<>();
        for (String s : forms(cols[1], where)) {
            String form = s.startsWith("~") ? s.substring(1) : s;
            if (form.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty short form '~'");
            }
            shorts.add(form);
            if (s.startsWith("~")) {
                introduced.add(form);
            }
        }
        List<Term> terms = new ArrayList<>();
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
        if (parts.length != 3 || !CODE.matcher(parts[0]).matches() || !ROLE.matcher(parts[1]).matches()
                || !parts[2].contains("..")) {
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

    private static String strip(String d) {
        return d.endsWith("?") ? d.substring(0, d.length() - 1) : d;
    }

    private static LocalDate date(String d, boolean end, String where, String term) {
        try {
            if (d.isEmpty()) {
                return null;
            }
            if (d.length() == 7) {
                YearMonth m = YearMonth.parse(d);
                return end ? m.atEndOfMonth() : m.atDay(1);
            }
            return LocalDate.parse(d);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": term '" + term + "': '" + d
                    + "' is not a date (YYYY-MM-DD or YYYY-MM)");
        }
    }
}
