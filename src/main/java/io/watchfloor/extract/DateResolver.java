package io.watchfloor.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in a sentence and resolves them to calendar dates.
 *
 * <p>Conventions (see also {@link DateMention}):
 * <ul>
 *   <li>Spans cover the expression without leading prepositions: "on Tuesday" gives "Tuesday", "in March" gives
 *       "March", "since 1971" gives "1971"; modifiers are included ("last Tuesday", "Tuesday night", "mid-March",
 *       "the 16th", "the next day"). Where expressions overlap the one starting first wins, then the longest.</li>
 *   <li>Ranges ("January 16-18", "between January 16 and 18") give one mention dated on the first day, spanning the
 *       whole range.</li>
 *   <li>A period is represented by a fixed day: WEEK = the computed day, MONTH = the 15th (early = 5th, mid = 15th,
 *       late = 25th), YEAR = July 1. When the period contains the publication date and that day would be on the wrong
 *       side of it, the midpoint between the period start and the publication date (PAST) or between the publication
 *       date and the period end (FUTURE) is used instead, rounded down.</li>
 *   <li>PAST never returns a date after {@code published}: expressions that resolve later (explicit future dates,
 *       "tomorrow", "next week", "two days later" past the publication date...) are left out, not clamped.</li>
 *   <li>FUTURE resolves year-less dates, weekdays and bare months to the first occurrence on or after
 *       {@code published}; expressions with a fixed direction ("yesterday", "last Tuesday") keep it.</li>
 *   <li>Slash dates (16/01/2024, 9/11, 24/7), times, and numbers that do not look like years are ignored.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless.
 */
public final class DateResolver {

    private static final String MONTH = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String YEAR = "(?:19\\d\\d|20\\d\\d|2100)";
    private static final String ORD = "(?:st|nd|rd|th)";
    private static final String DASH = "(?:-|\u2013|\u2014)";
    private static final String RANGE_SEP = "(?:\\s*" + DASH + "\\s*|\\s+(?:to|and|through|until|till)\\s+)";
    /** A year that is not part of a bigger number: not followed by a digit or by ",000"-like groups. */
    private static final String YEAR_END = "(?!\\d|[,.]\\d)";
    private static final String NUMBER_WORDS = "twenty[-\\s](?:one|two|three|four|five|six|seven|eight|nine)"
            + "|thirty|twenty|nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten"
            + "|nine|eight|seven|six|five|four|three|two|one";
    private static final String NUM = "(?:\\d{1,3}|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|an?|" + NUMBER_WORDS + ")";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** 2024-01-16 */
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\w\\-/.])(?<yr>" + YEAR + ")-(?<mo>0?[1-9]|1[0-2])-(?<d>[0-3]?\\d)(?![\\w\\-/]|[.,]\\d)", FLAGS);

    /** [Tuesday,] January 16[th][-18][, 2024] */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\w])(?:(?:" + WEEKDAY + "),?\\s+)?(?<mon>" + MONTH + ")\\.?\\s+(?:the\\s+)?"
                    + "(?<d1>[0-3]?\\d)" + ORD + "?(?!\\d)"
                    + "(?:" + RANGE_SEP + "(?:the\\s+)?(?<d2>[0-3]?\\d)" + ORD + "?(?!\\d|[,.:]\\d))?"
                    + "(?:,?\\s+(?<yr>" + YEAR + ")" + YEAR_END + ")?"
                    + "(?![\\w:]|[,.]\\d)", FLAGS);

    /** [Tuesday,] [the] 16[th][-18] [of] January[, 2024] */
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\w])(?:(?:" + WEEKDAY + "),?\\s+)?(?:the\\s+)?(?<![\\w:/.,\\-])(?<d1>[0-3]?\\d)" + ORD + "?"
                    + "(?:" + RANGE_SEP + "(?:the\\s+)?(?<d2>[0-3]?\\d)" + ORD + "?)?"
                    + "\\s+(?:of\\s+)?(?<mon>" + MONTH + ")(?!\\w)"
                    + "(?:\\.?,?\\s+(?<yr>" + YEAR + ")" + YEAR_END + "(?!\\w))?", FLAGS);

    /** [early|mid|late] January 2024 */
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "(?<![\\w])(?:(?<mod>early|mid|late|the\\s+end\\s+of|end\\s+of|the\\s+beginning\\s+of|beginning\\s+of"
                    + "|the\\s+start\\s+of|start\\s+of|the\\s+middle\\s+of|middle\\s+of)[\\s\\-]+)?"
                    + "(?<mon>" + MONTH + ")\\.?,?\\s+(?:of\\s+)?(?<yr>" + YEAR + ")" + YEAR_END + "(?!\\w)", FLAGS);

    /** in March, last March, mid-March, late March */
    private static final Pattern MONTH_ONLY = Pattern.compile(
            "(?<![\\w])(?:(?<prep>in|since|during|by|until|till|before|after|from|of|through|throughout)\\s+(?:the\\s+)?)?"
                    + "(?<x>(?:(?<rel>last|this|next|this\\s+past|this\\s+coming|past|coming)\\s+)?"
                    + "(?:(?<mod>early|mid|late|the\\s+end\\s+of|end\\s+of|the\\s+beginning\\s+of|beginning\\s+of"
                    + "|the\\s+start\\s+of|start\\s+of|the\\s+middle\\s+of|middle\\s+of)[\\s\\-]+)?"
                    + "(?<mon>" + MONTH + ")(?!\\w))(?!\\.?\\s*\\d)", FLAGS);

    /** on the 16th */
    private static final Pattern ORDINAL_DAY = Pattern.compile(
            "(?<![\\w])(?:on|since|by|until|till|from|before|after|through)\\s+(?<x>the\\s+(?<d>[0-3]?\\d)" + ORD + ")(?!\\w)"
                    + "(?!\\s+(?!(?:and|or|to|at|in|when|as|after|before|with|of|through|until|till|but|while|amid|following"
                    + "|into|from|that|which|by|for)\\b)(?-i:[a-z]))", FLAGS);

    /** [last|next|this] Tuesday [night] */
    private static final Pattern WEEKDAY_P = Pattern.compile(
            "(?<![\\w])(?<x>(?:(?<rel>last|next|this\\s+past|this\\s+coming|this|past|coming)\\s+)?(?<wd>" + WEEKDAY + ")"
                    + "(?:\\s+(?:night|morning|afternoon|evening))?)(?!\\w)", FLAGS);

    /** Fixed phrases relative to the publication date. */
    private static final Pattern FIXED = Pattern.compile(
            "(?<![\\w])(?:"
                    + "(?<dbyest>the\\s+day\\s+before\\s+yesterday)"
                    + "|(?<datom>the\\s+day\\s+after\\s+tomorrow)"
                    + "|(?<today>(?:earlier|later)\\s+today|today|this\\s+(?:morning|afternoon|evening)|tonight"
                    + "|(?:earlier|later)\\s+(?:tonight|this\\s+(?:morning|afternoon|evening)))"
                    + "|(?<yest>(?:earlier\\s+|late\\s+)?yesterday(?:\\s+(?:morning|afternoon|evening))?"
                    + "|(?:late\\s+)?last\\s+(?:night|evening)"
                    + "|overnight(?!\\s+(?:on\\s+|into\\s+|to\\s+|from\\s+)?(?:" + WEEKDAY + ")))"
                    + "|(?<tom>tomorrow(?:\\s+(?:morning|afternoon|evening|night))?)"
                    + "|(?<cal>(?<calrel>earlier\\s+this|later\\s+this|last|next|this|the\\s+past)\\s+(?<calunit>week|month|year))"
                    + "|(?<wkend>(?<wkrel>last|this|next|the)\\s+weekend)"
                    + ")(?!\\w)", FLAGS);

    /** two days ago, in two weeks */
    private static final Pattern AGO = Pattern.compile(
            "(?<![\\w])(?<in>in\\s+)?(?<x>(?<n>" + NUM + ")\\s+(?<u>days?|weeks?|months?|years?)(?<ago>\\s+ago)?)(?!\\w)", FLAGS);

    /** two days later, the next day, the day before, that day */
    private static final Pattern ANCHORED = Pattern.compile(
            "(?<![\\w])(?:"
                    + "(?<nl>(?<n>" + NUM + ")\\s+(?<u>days?|weeks?|months?|years?|hours?)\\s+(?<dir>later|afterwards|after|earlier|before|prior))"
                    + "|(?<vague>(?:hours|minutes|moments)\\s+(?:later|earlier|afterwards|after|before))"
                    + "|(?<nxt>(?:the\\s+)?(?:next|following)\\s+(?:day|morning|afternoon|evening|night))"
                    + "|(?<prv>the\\s+(?:previous|preceding)\\s+(?:day|morning|afternoon|evening|night))"
                    + "|(?<dba>the\\s+(?:day|night|evening)\\s+(?<dbadir>before|after))"
                    + "|(?<per>the\\s+(?<perdir>next|following|previous|preceding)\\s+(?<perunit>week|month|year))"
                    + "|(?<same>(?:(?:earlier|later)\\s+)?that\\s+(?:day|morning|afternoon|evening|night)|the\\s+same\\s+day)"
                    + ")(?!\\w)", FLAGS);

    /** in 1971, the 1971 war, 2019's */
    private static final Pattern YEAR_P = Pattern.compile(
            "(?<![\\w])(?:(?<prep>in|since|of|during|from|until|till|by|before|after|through|throughout|between)\\s+(?:(?:early|late)\\s+|mid-?)?"
                    + "|(?<the>the)\\s+)?(?<![\\w,.])(?<x>(?<yr>" + YEAR + "))(?<poss>['\u2019]s)?(?!\\w)" + YEAR_END, FLAGS);

    /** Nouns that show a four-digit number is a count, not a year: "the 2000 troops". */
    private static final Set<String> COUNT_NOUNS = Set.of("people", "persons", "troops", "soldiers", "civilians",
            "refugees", "migrants", "residents", "men", "women", "children", "casualties", "deaths", "dead", "killed",
            "wounded", "injured", "fighters", "militants", "prisoners", "detainees", "hostages", "rockets", "missiles",
            "drones", "shells", "tanks", "families", "homes", "houses", "buildings", "km", "kilometres", "kilometers",
            "miles", "metres", "meters", "feet", "tonnes", "tons", "dollars", "euros", "barrels", "votes", "members",
            "protesters", "demonstrators", "police", "officers", "personnel", "workers", "students", "villages",
            "targets", "strikes", "attacks", "sorties", "rounds", "units", "vehicles", "aircraft", "jets", "ships",
            "vessels", "boats", "pounds", "kg", "acres", "hectares", "cases", "points", "seats", "more", "others");

    private static final Set<String> NOUN_PHRASE_STARTERS = Set.of("the", "a", "an", "his", "her", "its", "their",
            "our", "my", "your", "this", "that", "these", "those");

    private static final Map<String, Integer> NUMBER_VALUES = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30));

    private record Cand(int start, int end, LocalDate date, DatePrecision precision, boolean relative) {}

    private static final Comparator<Cand> ORDER = Comparator.comparingInt(Cand::start)
            .thenComparing(Comparator.comparingInt(Cand::end).reversed());

    /**
     * All date expressions in a sentence, in text order.
     *
     * @param sentence  the text
     * @param published publication date: the reference for relative expressions and year inference
     * @param tense     PAST (also when null) or FUTURE
     * @param anchor    date of the previous event in the text, for "two days later" and the like; null: {@code published}
     */
    public List<DateMention> findAll(String sentence, LocalDate published, Tense tense, LocalDate anchor) {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(published, "published");
        boolean future = tense == Tense.FUTURE;
        LocalDate base = anchor != null ? anchor : published;

        // Each recogniser is a regex tried at every position: run only those whose key words the sentence has.
        int keys = keys(sentence);
        boolean digit = hasDigit(sentence);
        boolean year = digit && hasYear(sentence);
        boolean month = (keys & MONTH_KEY) != 0;
        List<Cand> cands = new ArrayList<>();
        if (year) {
            iso(sentence, cands);
        }
        if (digit && month) {
            monthDay(sentence, published, future, cands);
            dayMonth(sentence, published, future, cands);
        }
        if (year && month) {
            monthYear(sentence, published, future, cands);
        }
        if ((keys & MONTH_ONLY_GATE) != 0) {
            monthOnly(sentence, published, future, cands);
        }
        if (digit && hasOrdinal(sentence)) {
            ordinalDay(sentence, published, future, cands);
        }
        if ((keys & WEEKDAY_KEY) != 0) {
            weekdays(sentence, published, future, cands);
        }
        if ((keys & FIXED_GATE) != 0) {
            fixed(sentence, published, future, cands);
        }
        if ((keys & AGO_GATE) != 0) {
            ago(sentence, published, cands);
        }
        if ((keys & ANCHORED_GATE) != 0) {
            anchored(sentence, base, cands);
        }
        if (year) {
            years(sentence, published, future, cands);
        }

        // Leftmost-longest over every recognised expression, then drop the ones that do not resolve.
        cands.sort(ORDER);
        List<DateMention> out = new ArrayList<>();
        int cursor = 0;
        for (Cand c : cands) {
            if (c.start < cursor) continue;
            cursor = c.end;
            if (c.date == null) continue;
            if (!future && c.date.isAfter(published)) continue;
            out.add(new DateMention(c.start, c.end, c.date, c.precision, c.relative, sentence.substring(c.start, c.end)));
        }
        return out;
    }

    // What each recogniser needs, found in one pass over the words (letters only: "mid-March" is "mid" and
    // "march"): a word, or two words in a row. A recogniser whose need is absent cannot match and is not run.
    private static final int MONTH_KEY = 1;
    private static final int WEEKDAY_KEY = 1 << 1;
    /** yesterday, today ...: FIXED on their own. */
    private static final int FIXED_KEY = 1 << 2;
    /** this, last, next, past: FIXED before a period ("last week", "this morning"). */
    private static final int REL_KEY = 1 << 3;
    private static final int PERIOD_KEY = 1 << 4;
    /** Units AGO counts: "two days ago", "in three weeks". */
    private static final int COUNT_UNIT_KEY = 1 << 5;
    private static final int AGO_WORD = 1 << 6;
    private static final int IN_WORD = 1 << 7;
    /** ANCHORED: a unit then a direction ("two days later", "the day before") ... */
    private static final int ANCHOR_UNIT_KEY = 1 << 8;
    private static final int DIRECTION_KEY = 1 << 9;
    /** ... or a pointer then a part of time ("the next day", "that morning", "the following week"). */
    private static final int POINTER_KEY = 1 << 10;
    private static final int TIME_PART_KEY = 1 << 11;
    /** Words a bare month name needs before it to be a date: "in March", "last March", "mid-March". */
    private static final int MONTH_LEAD_KEY = 1 << 12;

    // The gates keys() returns, besides MONTH_KEY and WEEKDAY_KEY.
    private static final int FIXED_GATE = 1 << 20;
    private static final int AGO_GATE = 1 << 21;
    private static final int ANCHORED_GATE = 1 << 22;
    private static final int MONTH_ONLY_GATE = 1 << 23;
    /** How many words back an "in" may stand from the unit it counts: "in a couple of days". */
    private static final int IN_REACH = 5;

    /** Key words by their first letter (lower case) and length, so a sentence is checked without allocating. */
    private static final String[][] KEY_WORDS = new String[26 * 16][];
    private static final int[][] KEY_BITS = new int[26 * 16][];

    static {
        Map<String, Integer> bits = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, Integer> add = (words, bit) -> {
            for (String w : words.split("\\|")) {
                bits.merge(w, bit, (a, b) -> a | b);
            }
        };
        add.accept(MONTH, MONTH_KEY);
        add.accept(WEEKDAY, WEEKDAY_KEY);
        add.accept("yesterday|today|tonight|tomorrow|overnight|weekend", FIXED_KEY);
        add.accept("this|last|next|past", REL_KEY);
        add.accept("week|month|year|morning|afternoon|evening|night", PERIOD_KEY);
        add.accept("day|days|week|weeks|month|months|year|years", COUNT_UNIT_KEY);
        add.accept("ago", AGO_WORD);
        add.accept("in", IN_WORD);
        add.accept("day|days|week|weeks|month|months|year|years|hour|hours|minutes|moments|night|evening",
                ANCHOR_UNIT_KEY);
        add.accept("later|afterwards|after|earlier|before|prior", DIRECTION_KEY);
        add.accept("next|following|previous|preceding|that|same", POINTER_KEY);
        add.accept("day|morning|afternoon|evening|night|week|month|year", TIME_PART_KEY);
        add.accept("in|since|during|by|until|till|before|after|from|of|through|throughout|the|last|this|next|past"
                + "|coming|early|mid|late|end|beginning|start|middle", MONTH_LEAD_KEY);
        for (Map.Entry<String, Integer> e : bits.entrySet()) {
            int slot = slot(e.getKey().charAt(0), e.getKey().length());
            String[] ws = KEY_WORDS[slot] == null ? new String[0] : KEY_WORDS[slot];
            int[] bs = KEY_BITS[slot] == null ? new int[0] : KEY_BITS[slot];
            KEY_WORDS[slot] = java.util.Arrays.copyOf(ws, ws.length + 1);
            KEY_WORDS[slot][ws.length] = e.getKey();
            KEY_BITS[slot] = java.util.Arrays.copyOf(bs, bs.length + 1);
            KEY_BITS[slot][bs.length] = e.getValue();
        }
    }

    private static int slot(char lowerFirst, int length) {
        return (lowerFirst - 'a') * 16 + length;
    }

    /** The bits of one word, from {@code start} to {@code end}. */
    private static int wordBits(String s, int start, int end) {
        int len = end - start;
        if (len < 2 || len > 15) {
            return 0;
        }
        char first = Character.toLowerCase(s.charAt(start));
        if (first < 'a' || first > 'z') {
            return 0;
        }
        String[] candidates = KEY_WORDS[slot(first, len)];
        if (candidates == null) {
            return 0;
        }
        for (int k = 0; k < candidates.length; k++) {
            if (s.regionMatches(true, start, candidates[k], 0, len)) {
                return KEY_BITS[slot(first, len)][k];
            }
        }
        return 0;
    }

    /** The month and weekday bits of a sentence, and the gates of the recognisers its words open. */
    private static int keys(String s) {
        int out = 0;
        int n = s.length();
        int i = 0;
        int previous = 0;      // bits of the word before
        int words = 0;
        int lastIn = -IN_REACH - 1;
        while (i < n) {
            while (i < n && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                break;
            }
            int b = wordBits(s, start, i);
            words++;
            out |= b & (MONTH_KEY | WEEKDAY_KEY);
            if ((b & FIXED_KEY) != 0 || (b & PERIOD_KEY) != 0 && (previous & REL_KEY) != 0) {
                out |= FIXED_GATE;
            }
            if ((b & IN_WORD) != 0) {
                lastIn = words;
            }
            if ((b & COUNT_UNIT_KEY) != 0 && words - lastIn <= IN_REACH
                    || (b & AGO_WORD) != 0 && (previous & COUNT_UNIT_KEY) != 0) {
                out |= AGO_GATE;
            }
            if ((b & DIRECTION_KEY) != 0 && (previous & ANCHOR_UNIT_KEY) != 0
                    || (b & TIME_PART_KEY) != 0 && (previous & POINTER_KEY) != 0) {
                out |= ANCHORED_GATE;
            }
            if ((b & MONTH_KEY) != 0 && (previous & MONTH_LEAD_KEY) != 0) {
                out |= MONTH_ONLY_GATE;
            }
            previous = b;
        }
        return out;
    }

    /** A four-digit run that could be a year (1900-2100). */
    private static boolean hasYear(String s) {
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
                continue;
            }
            if (run == 4) {
                char a = s.charAt(i - 4);
                char b = s.charAt(i - 3);
                if (a == '1' && b == '9' || a == '2' && (b == '0' || b == '1')) {
                    return true;
                }
            }
            run = 0;
        }
        return false;
    }

    /** A number with an ordinal ending: "16th", "1st". */
    private static boolean hasOrdinal(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            char c = s.charAt(i - 1);
            if (c >= '0' && c <= '9') {
                String two = s.substring(i, i + 2).toLowerCase(Locale.ROOT);
                if (two.equals("st") || two.equals("nd") || two.equals("rd") || two.equals("th")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Same as {@link #findAll(String, LocalDate, Tense, LocalDate)} with PAST and no anchor. */
    public List<DateMention> findAll(String sentence, LocalDate published) {
        return findAll(sentence, published, Tense.PAST, null);
    }

    // ---------------------------------------------------------------- recognisers

    private static void iso(String s, List<Cand> out) {
        Matcher m = ISO.matcher(s);
        while (m.find()) {
            LocalDate d = safeDate(Integer.parseInt(m.group("yr")), Integer.parseInt(m.group("mo")),
                    Integer.parseInt(m.group("d")));
            if (d != null) {
                out.add(new Cand(m.start(), m.end(), d, DatePrecision.DAY, false));
            }
        }
    }

    private static void monthDay(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = MONTH_DAY.matcher(s);
        while (m.find()) {
            dayAndMonth(m, pub, future, out);
        }
    }

    private static void dayMonth(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = DAY_MONTH.matcher(s);
        while (m.find()) {
            dayAndMonth(m, pub, future, out);
        }
    }

    private static void dayAndMonth(Matcher m, LocalDate pub, boolean future, List<Cand> out) {
        String monText = m.group("mon");
        if (!monthWordOk(monText)) return;
        int month = month(monText);
        int day = Integer.parseInt(m.group("d1"));
        if (day < 1 || day > 31) return;
        if (m.group("d2") != null) {
            int d2 = Integer.parseInt(m.group("d2"));
            if (d2 < 1 || d2 > 31) return;
        }
        LocalDate date;
        if (m.group("yr") != null) {
            date = safeDate(Integer.parseInt(m.group("yr")), month, day);
            if (date == null) return;
        } else {
            if (day > YearMonth.of(2024, month).lengthOfMonth()) return; // Feb 30, Apr 31
            date = inferYear(month, day, pub, future);
        }
        out.add(new Cand(m.start(), m.end(), date, DatePrecision.DAY, false));
    }

    private static void monthYear(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = MONTH_YEAR.matcher(s);
        while (m.find()) {
            if (!monthWordOk(m.group("mon"))) continue;
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group("yr")), month(m.group("mon")));
            out.add(new Cand(m.start(), m.end(), monthDate(ym, m.group("mod"), false, pub, future),
                    DatePrecision.MONTH, false));
        }
    }

    private static void monthOnly(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = MONTH_ONLY.matcher(s);
        while (m.find()) {
            String mon = m.group("mon");
            String rel = lower(m.group("rel"));
            String mod = m.group("mod");
            if (m.group("prep") == null && rel == null && mod == null) continue; // a bare month name is not enough
            if (!monthWordOk(mon)) continue;
            int month = month(mon);
            YearMonth current = YearMonth.from(pub);
            YearMonth ym;
            if (rel == null || rel.equals("this")) {
                ym = YearMonth.of(pub.getYear(), month);
            } else if (rel.startsWith("last") || rel.contains("past")) {
                ym = YearMonth.of(pub.getYear(), month);
                if (!ym.isBefore(current)) ym = ym.minusYears(1);
            } else { // next, coming
                ym = YearMonth.of(pub.getYear(), month);
                if (!ym.isAfter(current)) ym = ym.plusYears(1);
            }
            out.add(new Cand(m.start("x"), m.end("x"), monthDate(ym, mod, rel == null, pub, future),
                    DatePrecision.MONTH, false));
        }
    }

    private static void ordinalDay(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = ORDINAL_DAY.matcher(s);
        while (m.find()) {
            int day = Integer.parseInt(m.group("d"));
            if (day < 1 || day > 31) continue;
            // the latest date with that day of month on or before published (PAST), the earliest on or after (FUTURE)
            YearMonth ym = YearMonth.from(pub);
            LocalDate date = null;
            for (int i = 0; i < 13 && date == null; i++) {
                if (ym.isValidDay(day)) {
                    LocalDate d = ym.atDay(day);
                    if (future ? !d.isBefore(pub) : !d.isAfter(pub)) date = d;
                }
                ym = future ? ym.plusMonths(1) : ym.minusMonths(1);
            }
            out.add(new Cand(m.start("x"), m.end("x"), date, DatePrecision.DAY, true));
        }
    }

    private static void weekdays(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = WEEKDAY_P.matcher(s);
        while (m.find()) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT));
            String rel = lower(m.group("rel"));
            LocalDate date;
            if (rel == null || rel.equals("this")) {
                date = pub.with(future ? TemporalAdjusters.nextOrSame(dow) : TemporalAdjusters.previousOrSame(dow));
            } else if (rel.equals("last") || rel.contains("past")) {
                date = pub.with(TemporalAdjusters.previous(dow));
            } else if (rel.contains("coming")) {
                date = pub.with(TemporalAdjusters.nextOrSame(dow));
            } else { // next
                date = pub.with(TemporalAdjusters.next(dow));
            }
            out.add(new Cand(m.start("x"), m.end("x"), date, DatePrecision.DAY, true));
        }
    }

    private static void fixed(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = FIXED.matcher(s);
        while (m.find()) {
            LocalDate date;
            DatePrecision p = DatePrecision.DAY;
            if (m.group("dbyest") != null) {
                date = pub.minusDays(2);
            } else if (m.group("datom") != null) {
                date = pub.plusDays(2);
            } else if (m.group("today") != null) {
                date = pub;
            } else if (m.group("yest") != null) {
                date = pub.minusDays(1);
            } else if (m.group("tom") != null) {
                date = pub.plusDays(1);
            } else if (m.group("cal") != null) {
                String rel = lower(m.group("calrel")).replaceAll("\\s+", " ");
                String unit = lower(m.group("calunit"));
                LocalDate start;
                LocalDate end;
                switch (unit) {
                    case "week" -> {
                        p = DatePrecision.WEEK;
                        start = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        end = start.plusDays(6);
                    }
                    case "month" -> {
                        p = DatePrecision.MONTH;
                        start = pub.withDayOfMonth(1);
                        end = pub.with(TemporalAdjusters.lastDayOfMonth());
                    }
                    default -> {
                        p = DatePrecision.YEAR;
                        start = pub.withDayOfYear(1);
                        end = pub.with(TemporalAdjusters.lastDayOfYear());
                    }
                }
                date = switch (rel) {
                    case "this" -> pub;
                    case "earlier this" -> midpoint(start, pub);
                    case "later this" -> midpoint(pub, end);
                    case "the past" -> unit.equals("week") ? pub.minusDays(3) : null; // "the past week": last 7 days
                    case "last" -> switch (unit) {
                        case "week" -> pub.minusWeeks(1);
                        case "month" -> pub.minusMonths(1).withDayOfMonth(15);
                        default -> LocalDate.of(pub.getYear() - 1, 7, 1);
                    };
                    default -> switch (unit) { // next
                        case "week" -> pub.plusWeeks(1);
                        case "month" -> pub.plusMonths(1).withDayOfMonth(15);
                        default -> LocalDate.of(pub.getYear() + 1, 7, 1);
                    };
                };
            } else { // weekend: its Saturday
                p = DatePrecision.WEEK;
                String rel = lower(m.group("wkrel")).replaceAll("\\s+", " ");
                LocalDate monday = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                if (rel.equals("last")) {
                    date = monday.minusDays(2);
                } else if (rel.equals("next")) {
                    date = monday.plusDays(12);
                } else {
                    date = pub.with(future ? TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)
                            : TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                }
            }
            out.add(new Cand(m.start(), m.end(), date, p, true));
        }
    }

    private static void ago(String s, LocalDate pub, List<Cand> out) {
        Matcher m = AGO.matcher(s);
        while (m.find()) {
            boolean ago = m.group("ago") != null;
            boolean in = m.group("in") != null;
            if (ago == in) continue; // "two days" alone is a duration
            int n = number(m.group("n"));
            if (n <= 0) continue;
            if (in && !lower(m.group("u")).startsWith("day") && !lower(m.group("u")).startsWith("week")) {
                continue; // "the first visit in 12 years", "the highest in five months": durations, not dates
            }
            long signed = ago ? -n : n;
            String u = lower(m.group("u"));
            LocalDate date;
            DatePrecision p;
            if (u.startsWith("day")) {
                date = pub.plusDays(signed);
                p = DatePrecision.DAY;
            } else if (u.startsWith("week")) {
                date = pub.plusWeeks(signed);
                p = DatePrecision.WEEK;
            } else if (u.startsWith("month")) {
                date = pub.plusMonths(signed);
                p = DatePrecision.MONTH;
            } else {
                date = pub.plusYears(signed);
                p = DatePrecision.YEAR;
            }
            out.add(new Cand(m.start("x"), m.end("x"), date, p, true));
        }
    }

    private static void anchored(String s, LocalDate base, List<Cand> out) {
        Matcher m = ANCHORED.matcher(s);
        while (m.find()) {
            LocalDate date;
            DatePrecision p = DatePrecision.DAY;
            if (m.group("nl") != null) {
                String dir = lower(m.group("dir"));
                if ((dir.equals("before") || dir.equals("after") || dir.equals("prior"))
                        && followedByNounPhrase(s, m.end())) {
                    continue; // "two days before the election": relative to something else
                }
                int n = number(m.group("n"));
                if (n <= 0) continue;
                long signed = dir.equals("earlier") || dir.equals("before") || dir.equals("prior") ? -n : n;
                String u = lower(m.group("u"));
                if (u.startsWith("day")) {
                    date = base.plusDays(signed);
                } else if (u.startsWith("hour")) {
                    date = base.plusDays(signed / 24);
                } else if (u.startsWith("week")) {
                    date = base.plusWeeks(signed);
                    p = DatePrecision.WEEK;
                } else if (u.startsWith("month")) {
                    date = base.plusMonths(signed);
                    p = DatePrecision.MONTH;
                } else {
                    date = base.plusYears(signed);
                    p = DatePrecision.YEAR;
                }
            } else if (m.group("vague") != null || m.group("same") != null) {
                if (m.group("vague") != null && followedByNounPhrase(s, m.end())) continue;
                date = base;
            } else if (m.group("nxt") != null) {
                date = base.plusDays(1);
            } else if (m.group("prv") != null) {
                date = base.minusDays(1);
            } else if (m.group("dba") != null) {
                if (followedByNounPhrase(s, m.end())) continue; // "the day before the summit"
                date = lower(m.group("dbadir")).equals("before") ? base.minusDays(1) : base.plusDays(1);
            } else { // the following/previous week|month|year
                boolean fwd = lower(m.group("perdir")).matches("next|following");
                String unit = lower(m.group("perunit"));
                int sign = fwd ? 1 : -1;
                switch (unit) {
                    case "week" -> {
                        date = base.plusWeeks(sign);
                        p = DatePrecision.WEEK;
                    }
                    case "month" -> {
                        date = base.plusMonths(sign).withDayOfMonth(15);
                        p = DatePrecision.MONTH;
                    }
                    default -> {
                        date = LocalDate.of(base.getYear() + sign, 7, 1);
                        p = DatePrecision.YEAR;
                    }
                }
            }
            out.add(new Cand(m.start(), m.end(), date, p, true));
        }
    }

    private static void years(String s, LocalDate pub, boolean future, List<Cand> out) {
        Matcher m = YEAR_P.matcher(s);
        while (m.find()) {
            boolean prep = m.group("prep") != null;
            boolean the = m.group("the") != null;
            boolean poss = m.group("poss") != null;
            if (!prep && !the && !poss) continue; // a bare number is not a year
            String nextWord = nextWord(s, m.end());
            if (nextWord != null && COUNT_NOUNS.contains(nextWord.toLowerCase(Locale.ROOT))) continue;
            if (the && !prep && !poss && (nextWord == null || !Character.isLetter(nextWord.charAt(0)))) {
                continue; // "the 2019 clashes" yes; "the 2019." or "the 2019, ..." no
            }
            int year = Integer.parseInt(m.group("yr"));
            LocalDate date = periodDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                    LocalDate.of(year, 7, 1), pub, future);
            out.add(new Cand(m.start("x"), m.end("x"), date, DatePrecision.YEAR, false));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The date with that month and day nearest to published in the tense's direction (on the same day included). */
    static LocalDate inferYear(int month, int day, LocalDate pub, boolean future) {
        int year = pub.getYear();
        for (int i = 0; i < 9; i++) { // Feb 29 may need up to 8 years
            int y = future ? year + i : year - i;
            LocalDate d = safeDate(y, month, day);
            if (d != null && (future ? !d.isBefore(pub) : !d.isAfter(pub))) return d;
        }
        return null;
    }

    /**
     * The representative day of a month or of its early (1-10), mid (11-20) or late (21-end) part. With
     * {@code inferYear}, the year of {@code ym} is replaced by the latest one whose period does not start after
     * published (PAST) or the earliest one whose period does not end before it (FUTURE).
     */
    private static LocalDate monthDate(YearMonth ym, String mod, boolean inferYear, LocalDate pub, boolean future) {
        if (inferYear) {
            ym = YearMonth.of(pub.getYear(), ym.getMonthValue());
            if (!future && monthPart(ym, mod)[0].isAfter(pub)) ym = ym.minusYears(1);
            if (future && monthPart(ym, mod)[1].isBefore(pub)) ym = ym.plusYears(1);
        }
        LocalDate[] part = monthPart(ym, mod);
        return periodDate(part[0], part[1], part[2], pub, future);
    }

    /** {start, end, representative day} of a month or of a part of it. */
    private static LocalDate[] monthPart(YearMonth ym, String mod) {
        if (mod != null) {
            String md = lower(mod);
            if (md.startsWith("early") || md.contains("beginning") || md.contains("start")) {
                return new LocalDate[] {ym.atDay(1), ym.atDay(10), ym.atDay(5)};
            } else if (md.startsWith("late") || md.contains("end")) {
                return new LocalDate[] {ym.atDay(21), ym.atEndOfMonth(), ym.atDay(25)};
            } else {
                return new LocalDate[] {ym.atDay(11), ym.atDay(20), ym.atDay(15)};
            }
        }
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth(), ym.atDay(15)};
    }

    /**
     * The representative day of a period, moved to the midpoint of the part of the period on the right side of
     * published when the period contains published and the representative day is on the wrong side.
     */
    static LocalDate periodDate(LocalDate start, LocalDate end, LocalDate rep, LocalDate pub, boolean future) {
        boolean contains = !pub.isBefore(start) && !pub.isAfter(end);
        if (contains && !future && rep.isAfter(pub)) return midpoint(start, pub);
        if (contains && future && rep.isBefore(pub)) return midpoint(pub, end);
        return rep;
    }

    static LocalDate midpoint(LocalDate a, LocalDate b) {
        return a.plusDays(ChronoUnit.DAYS.between(a, b) / 2);
    }

    private static LocalDate safeDate(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) return null;
        YearMonth ym = YearMonth.of(y, m);
        return ym.isValidDay(d) ? ym.atDay(d) : null;
    }

    /** "may", "march" and "mar" are months only when capitalised ("troops may 5", "march 10 km" are not dates). */
    private static boolean monthWordOk(String mon) {
        String l = mon.toLowerCase(Locale.ROOT);
        if (l.equals("may") || l.equals("march") || l.equals("mar")) {
            return Character.isUpperCase(mon.charAt(0));
        }
        return true;
    }

    private static int month(String mon) {
        String l = mon.toLowerCase(Locale.ROOT);
        return switch (l.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    static int number(String n) {
        String l = n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        if (l.chars().allMatch(Character::isDigit)) return Integer.parseInt(l);
        if (l.contains("couple")) return 2;
        if (l.startsWith("twenty") && l.length() > "twenty".length()) {
            return 20 + NUMBER_VALUES.getOrDefault(l.substring("twenty".length() + 1), 0);
        }
        return NUMBER_VALUES.getOrDefault(l, -1);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The word right after position i (after spaces), or null when punctuation or the end comes first. */
    private static String nextWord(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
        if (j == i && j < s.length()) return null; // glued punctuation
        int k = j;
        while (k < s.length() && Character.isLetterOrDigit(s.charAt(k))) k++;
        return k > j ? s.substring(j, k) : null;
    }

    private static boolean followedByNounPhrase(String s, int i) {
        String w = nextWord(s, i);
        if (w == null) return false;
        return NOUN_PHRASE_STARTERS.contains(w.toLowerCase(Locale.ROOT)) || Character.isUpperCase(w.charAt(0))
                || Character.isDigit(w.charAt(0));
    }
}
