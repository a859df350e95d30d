package io.watchfloor.ingest;

import io.watchfloor.model.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses an article text file: the first non-empty line is the title, date lines give the publication date, site
 * furniture is dropped (patterns in {@code furniture.txt} beside this class), the remaining non-empty lines are the
 * body's paragraphs (hard-wrapped copy joined back into its sentences first: {@link HardWrap}). Stateless and
 * thread-safe.
 */
public final class ArticleParser {
    /** Classpath resource holding the furniture patterns. */
    public static final String FURNITURE_RESOURCE = "/io/watchfloor/ingest/furniture.txt";

    /** A date line's value longer than this is not a date line but a paragraph that happens to start like one. */
    private static final int MAX_DATE_VALUE = 80;

    /** What a date line starts with, longer first where one begins another ("published on" before "published"). */
    private static final List<String> DATE_KEYWORDS = List.of("published on", "published", "first published on",
            "first published", "posted on", "posted", "date", "last updated on", "last updated", "updated on",
            "updated");

    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)(" + String.join("|", DATE_KEYWORDS) + ")\\s*:\\s*(.*)");

    /** Every line a joined hard-wrapped line could start with and still become a date line: a keyword's first words. */
    private static final Set<String> KEYWORD_STARTS = keywordStarts();
    private static final int LONGEST_KEYWORD = DATE_KEYWORDS.stream().mapToInt(String::length).max().orElse(0);

    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)");
    /** "Jan 29, 2024", "January 29 2024", "Jan. 29, 2024", "Monday, January 29, 2024", "Jan 29th, 2024". */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(\\p{L}{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d),?\\s+(\\d{4})(?!\\d)");
    /** "29 January 2024", "29 Jan 2024", "29th Jan, 2024". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(\\p{L}{3,9})\\.?,?\\s+(\\d{4})(?!\\d)");
    /** "29/01/2024", "01.29.2024": only when day and month cannot be confused. */
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})(?!\\d)");

    private static final Map<String, Integer> MONTHS = months();

    private final List<Pattern> furniture;

    /** A parser with the built-in furniture patterns. */
    public ArticleParser() {
        this(Furniture.DEFAULT);
    }

    /** A parser with the given furniture patterns (each matched against the whole normalised line). */
    public ArticleParser(List<Pattern> furniture) {
        this.furniture = List.copyOf(furniture);
    }

    /** The built-in furniture patterns, loaded once from {@link #FURNITURE_RESOURCE}. */
    public static List<Pattern> defaultFurniture() {
        return Furniture.DEFAULT;
    }

    /**
     * Parses one article.
     *
     * @param id                the article id (a path like "seeds/000_x.txt"), used in warnings
     * @param text              decoded text
     * @param fallbackPublished used when neither a date line nor meta.published gives a date (the file's modification
     *                          date); may be null, then an article without a date is dropped with a warning
     * @param meta              sidecar overrides (meta wins over date lines for published, over the first line for
     *                          title); null means none
     * @return the article, or empty with a warning naming the id for a blank file or a title without a body
     */
    public ParseResult parse(String id, String text, LocalDate fallbackPublished, ArticleMeta meta) {
        Objects.requireNonNull(id, "id");
        if (meta == null) {
            meta = ArticleMeta.NONE;
        }
        List<String> warnings = new ArrayList<>();
        String[] lines = collapsedLines(text == null ? "" : text);

        String fileTitle = null;
        DatesFound dates = new DatesFound();
        List<String> paragraphs = new ArrayList<>();
        // One matcher per pattern for the whole article, reset per line: a replay reads every line of every article.
        Matcher dm = DATE_LINE.matcher("");
        Matcher[] furnitureMatchers = new Matcher[furniture.size()];
        lines = HardWrap.unwrap(lines, l -> dateLine(dm, l) || furniture(l, furnitureMatchers));
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line == null || line.isEmpty()) {
                continue; // a blank line, or one joined to the line before (hard-wrapped copy)
            }
            if (dateLine(dm, line)) {
                String value = dm.group(2);
                String problem = null;
                LocalDate date = null;
                try {
                    date = parseDate(value);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                if (date == null) {
                    warnings.add(id + ": line " + (i + 1) + ": cannot read the date in '" + line + "'"
                            + (problem != null ? " (" + problem + ")" : "") + "; line ignored");
                } else {
                    dates.add(dm, date);
                }
                continue;
            }
            if (furniture(line, furnitureMatchers)) {
                continue;
            }
            if (fileTitle == null) {
                fileTitle = line;
                continue;
            }
            if (line.equals(fileTitle) || line.equals(meta.title() == null ? null : collapse(meta.title()))) {
                continue;
            }
            paragraphs.add(line);
        }

        if (fileTitle == null) {
            warnings.add(id + ": empty file (no text); skipped");
            return new ParseResult(Optional.empty(), warnings);
        }
        if (paragraphs.isEmpty()) {
            warnings.add(id + ": has a title but no body text; skipped");
            return new ParseResult(Optional.empty(), warnings);
        }
        LocalDate date = meta.published() != null ? meta.published() : dates.or(fallbackPublished);
        if (date == null) {
            warnings.add(id + ": no publication date (no date line, sidecar or fallback); skipped");
            return new ParseResult(Optional.empty(), warnings);
        }
        String title = meta.title() != null ? collapse(meta.title()) : fileTitle;
        Article article = new Article(id, title, String.join("\n\n", paragraphs), date, meta.link(), meta.source());
        return new ParseResult(Optional.of(article), warnings);
    }

    /**
     * The publication date {@link #parse} gives this text without a sidecar, read from its date lines alone (no
     * furniture, no hard-wrap joining, no body): for ordering files by date before reading them. Null when only the
     * whole parse can tell, or would warn about a date: a blank text, a date line it cannot read, or a line that
     * joining hard-wrapped copy could make a date line of (a bare "Published" or "Last" with the rest on the next
     * line). Joining never changes a date line (date lines stand alone) and starts every joined line with one that
     * is not a date line; such a line with a colon after its keyword would be a date line itself, so only a line
     * that is all keyword can become one.
     *
     * @param fallbackPublished the date when there is no date line (the file's modification date), not null
     */
    public static LocalDate publishedFromDateLines(String text, LocalDate fallbackPublished) {
        Objects.requireNonNull(fallbackPublished, "fallbackPublished");
        if (text == null || text.isBlank()) {
            return null;
        }
        DatesFound dates = new DatesFound();
        Matcher dm = DATE_LINE.matcher("");
        // The lines parse() reads: ends at CR LF, CR or LF; only a line with a colon, or one short enough to
        // be a keyword, is normalised and looked at.
        int n = text.length();
        // Line ends and colons found with String.indexOf, which reads many chars at a time: every file is dated
        // this way before it is read, so this loop sees every char of every article.
        Ahead lf = new Ahead(text, '\n');
        Ahead cr = new Ahead(text, '\r');
        Ahead colons = new Ahead(text, ':');
        for (int from = 0, end; from <= n; from = end + (end + 1 < n && text.charAt(end) == '\r'
                && text.charAt(end + 1) == '\n' ? 2 : 1)) {
            end = Math.min(lf.from(from), cr.from(from));
            if (colons.from(from) >= end) {
                if (atMostNonSpace(text, from, end, LONGEST_KEYWORD) && KEYWORD_STARTS.contains(
                        collapse(normalisedLine(text, from, end)).toLowerCase(Locale.ROOT))) {
                    return null;
                }
                continue;
            }
            String line = collapse(normalisedLine(text, from, end));
            if (!dateLine(dm, line)) {
                continue;
            }
            LocalDate date;
            try {
                date = parseDate(dm.group(2));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (date == null) {
                return null;
            }
            dates.add(dm, date);
        }
        return dates.or(fallbackPublished);
    }

    /** The first "published" date line's date and the first "updated" one's, as an article's date lines give them. */
    private static final class DatesFound {
        private LocalDate published;
        private LocalDate updated;

        /** The date of the date line {@code dm} has just matched. */
        void add(Matcher dm, LocalDate date) {
            if (dm.group(1).toLowerCase(Locale.ROOT).contains("updated")) {
                updated = updated == null ? date : updated;
            } else if (published == null) {
                published = date;
            }
        }

        /** The publication date: published, else updated, else {@code fallback}. */
        LocalDate or(LocalDate fallback) {
            return published != null ? published : updated != null ? updated : fallback;
        }
    }

    /** Each keyword's first words ("last", "last updated", "last updated on"). */
    private static Set<String> keywordStarts() {
        Set<String> starts = new HashSet<>();
        for (String k : DATE_KEYWORDS) {
            for (int end = k.indexOf(' '); end >= 0; end = k.indexOf(' ', end + 1)) {
                starts.add(k.substring(0, end));
            }
            starts.add(k);
        }
        return Set.copyOf(starts);
    }

    /**
     * Whether text[from, to) has at most {@code n} chars that are not whitespace (nor a byte order mark): whether it
     * may collapse to a keyword.
     */
    private static boolean atMostNonSpace(String text, int from, int to, int n) {
        int seen = 0;
        for (int i = from; i < to && seen <= n; i++) {
            char c = text.charAt(i);
            if (!isSpace(c) && !Character.isWhitespace(c) && c != '\uFEFF') {
                seen++;
            }
        }
        return seen <= n;
    }

    /** text[from, to), one line without its end: BOMs dropped, no-break spaces made spaces, the end trimmed. */
    private static String normalisedLine(String text, int from, int to) {
        return text.substring(from, to).replace("\uFEFF", "").replace('\u00A0', ' ').stripTrailing();
    }

    /** Whether a collapsed line is a date line ("Published: ..."), with this article's matcher. */
    private static boolean dateLine(Matcher dm, String line) {
        return line.indexOf(':') >= 0 && dm.reset(line).matches() && dm.group(2).length() <= MAX_DATE_VALUE;
    }

    /** Whether a (normalised, non-empty) line is site furniture. */
    public boolean isFurniture(String line) {
        return furniture(collapse(line), new Matcher[furniture.size()]);
    }

    /** Whether a collapsed line is furniture, with the matchers made so far for this article (made as needed). */
    private boolean furniture(String line, Matcher[] matchers) {
        for (int i = 0; i < matchers.length; i++) {
            if (matchers[i] == null) {
                matchers[i] = furniture.get(i).matcher(line);
            } else {
                matchers[i].reset(line);
            }
            if (matchers[i].matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a date such as "Jan 29, 2024", "29 January 2024", "2024-01-29T10:15:00Z", "Monday, January 29, 2024",
     * "Jan 29, 2024 10:30 IST" or an unambiguous "29/01/2024". Text around the date (times, zones) is ignored.
     *
     * @return the date, or null when none is found
     * @throws IllegalArgumentException when a date-like text is found but invalid or ambiguous (message says why)
     */
    public static LocalDate parseDate(String value) {
        String v = collapse(value);
        Matcher m = ISO.matcher(v);
        if (m.find()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), v);
        }
        m = MONTH_DAY_YEAR.matcher(v);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                return date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)), v);
            }
        }
        m = DAY_MONTH_YEAR.matcher(v);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                return date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)), v);
            }
        }
        m = NUMERIC.matcher(v);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int y = Integer.parseInt(m.group(3));
            if (a == b || (a > 12 && b <= 12)) {
                return date(y, b, a, v);          // day/month
            }
            if (b > 12 && a <= 12) {
                return date(y, a, b, v);          // month/day
            }
            throw new IllegalArgumentException("ambiguous day/month order in '" + m.group() + "'");
        }
        return null;
    }

    private static LocalDate date(int year, int month, int day, String text) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date: '" + text + "'", e);
        }
    }

    /**
     * The text's lines (ends at CR LF, CR or LF), BOMs removed, each {@link #collapse collapsed} (which also turns a
     * no-break space into a space and trims the line): what {@link #parse} reads, in one pass over the text.
     */
    static String[] collapsedLines(String text) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        Ahead lf = new Ahead(text, '\n');
        Ahead cr = new Ahead(text, '\r');
        for (int from = 0; ; ) {
            int i = Math.min(lf.from(from), cr.from(from));
            String line = text.substring(from, i);
            // A BOM is dropped from its line once the line ends are known: "\r" BOM "\n" is two line ends.
            lines.add(collapse(line.indexOf('\uFEFF') >= 0 ? line.replace("\uFEFF", "") : line));
            if (i == n) {
                return lines.toArray(new String[0]);
            }
            from = i + (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1);
        }
    }

    /** The next place of one char in a text, from a position that only moves forward; the text's length if none. */
    private static final class Ahead {
        private final String text;
        private final char c;
        private int next = -1;

        Ahead(String text, char c) {
            this.text = text;
            this.c = c;
        }

        int from(int from) {
            if (next < from) {
                int i = text.indexOf(c, from);
                next = i < 0 ? text.length() : i;
            }
            return next;
        }
    }

    /** Trims and collapses runs of whitespace (including NBSP and narrow NBSP) to one space. */
    public static String collapse(String s) {
        // A hand loop: this runs on every line of every article, and the regex was a fifth of the parse time.
        StringBuilder sb = null;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = isSpace(c);
            if (space && (inRun || c != ' ') && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
                if (inRun) {
                    continue;
                }
            }
            if (sb != null && !(space && inRun)) {
                sb.append(space ? ' ' : c);
            }
            inRun = space;
        }
        return (sb == null ? s : sb.toString()).strip();
    }

    /** ASCII whitespace (as regex \s), no-break space, figure space and narrow no-break space. */
    private static boolean isSpace(char c) {
        if (c > ' ' && c < '\u00A0') {
            return false; // letters, digits, punctuation: nearly every char asked about
        }
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || c == '\u2007' || c == '\u202F';
    }

    private static Map<String, Integer> months() {
        String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i + 1);
            m.put(names[i].substring(0, 3), i + 1);
        }
        m.put("sept", 9);
        return Map.copyOf(m);
    }

    /** Holder: the built-in patterns are loaded on first use, once. */
    private static final class Furniture {
        static final List<Pattern> DEFAULT = load();

        private static List<Pattern> load() {
            List<Pattern> patterns = new ArrayList<>();
            try (InputStream in = ArticleParser.class.getResourceAsStream(FURNITURE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + FURNITURE_RESOURCE);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    String p = line.strip();
                    if (p.isEmpty() || p.startsWith("#")) {
                        continue;
                    }
                    try {
                        patterns.add(Pattern.compile(p));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalStateException(FURNITURE_RESOURCE + " line " + n + ": bad pattern: "
                                + e.getDescription(), e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FURNITURE_RESOURCE, e);
            }
            return List.copyOf(patterns);
        }
    }
}
