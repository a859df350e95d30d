package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which of a sentence's dates is the date of a trigger's event, read from the order of words. */
final class TriggerDates {
    /** Words that show a date before a trigger is the time of another clause: "on Monday, hours after ...". */
    private static final Pattern OTHER_TIME_BETWEEN = Pattern.compile("(?i)\\b(?:after|before|following|since|"
            + "until|ahead of|prior to)\\b");
    /** "in 2008", "during 1998": a year that can follow its event. */
    private static final Pattern YEAR_PREP = Pattern.compile("(?i)(?:^|\\s)(?:in|during)\\s+(?:the\\s+)?$");
    /** "two days after Tehran fired missiles": the event of the clause is that long before the main one. */
    private static final Pattern OFFSET_BEFORE = Pattern.compile("(?i)\\b((?:\\d{1,2}|a|an|one|two|three|four|five|six|"
            + "seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\\s+(days?|weeks?))\\s+(after|before)\\s+"
            + "(?:[\\p{L}'’-]+\\s+){0,4}$");
    /** Words between a trigger and a later date that show the date belongs to another event. */
    private static final Pattern OTHER_EVENT_BETWEEN = Pattern.compile("(?i)\\b(?:after|before|following|since|"
            + "when|while|which|who|prompting|until|ahead of|than|whereas|but)\\b");

    /**
     * The date expression of a trigger: the nearest one, preferring its own clause. A date after the trigger is
     * not its date when another event or a subordinate clause comes in between ("struck on Thursday, two days after
     * Tehran fired missiles on Tuesday"); a bare year only dates an event it qualifies ("the 2020 war", "In 2019,").
     */
    static DateMention nearestDate(String sentence, PhraseMatch<Cue> t, List<PhraseMatch<Cue>> triggers,
                                    LocalDate published, boolean planned, List<DateMention> ds) {
        DateMention best = null;
        int bestScore = Integer.MAX_VALUE;
        for (DateMention d : ds) {
            if (planned && d.date().isBefore(published)) {
                continue; // an announced event is not in the past of its article
            }
            boolean afterTrigger = d.start() >= t.end();
            int gap = d.end() <= t.start() ? t.start() - d.end() : afterTrigger ? d.start() - t.end() : 0;
            if (d.precision() == DatePrecision.YEAR && !d.relative()) {
                String lead = sentence.substring(0, d.start()).strip();
                boolean qualifies = !afterTrigger && gap <= 12
                        || afterTrigger && gap <= 60 && YEAR_PREP.matcher(sentence.substring(0, d.start())).find()
                        && sentence.substring(t.end(), d.start()).indexOf(',') < 0;
                boolean opens = lead.isEmpty() || lead.matches("(?i)(?:in|since|by|during|until)");
                if (!qualifies && !opens) {
                    continue;
                }
            }
            int score;
            if (afterTrigger) {
                String between = sentence.substring(t.end(), d.start());
                boolean otherEvent = triggers.stream().anyMatch(o -> o != t && o.start() >= t.end()
                        && o.end() <= d.start() && !sameEvent(o, t));
                if (otherEvent || between.contains(";")) {
                    continue; // the date of another event told later in the sentence
                }
                // After "after", "when", "which": most likely another clause's time; only a last resort.
                score = gap + (OTHER_EVENT_BETWEEN.matcher(between).find() ? 2000 : 0);
            } else if (d.end() > t.start()) {
                score = 0; // inside a split trigger: "fired on Tuesday more than 300 missiles"
            } else {
                String between = sentence.substring(d.end(), t.start());
                boolean otherEvent = triggers.stream().anyMatch(o -> o != t && o.start() >= d.end()
                        && o.end() <= t.start() && !sameEvent(o, t));
                // "agreed on Thursday ..., after a meeting": the main clause's time, only as a last resort
                score = gap + (between.contains(";") || otherEvent ? 1000 : 0)
                        + (OTHER_TIME_BETWEEN.matcher(between).find() ? 2000 : 0);
            }
            if (score < bestScore) {
                bestScore = score;
                best = d;
            }
        }
        if (!planned) {
            // "on Thursday, two days after Tehran fired missiles": counted back from the main clause's date.
            int clause = Clauses.start(sentence, t.start());
            Matcher off = OFFSET_BEFORE.matcher(sentence.substring(clause, t.start()));
            if (off.find()) {
                int offStart = clause + off.start();
                DateMention main = null;
                for (DateMention d : ds) {
                    if (d.end() <= offStart) {
                        main = d;
                    }
                }
                int n = DateResolver.number(off.group(1).replaceAll("\\s+(?:days?|weeks?)$", ""));
                if (main != null && n > 0) {
                    long days = (off.group(2).toLowerCase(Locale.ROOT).startsWith("week") ? 7L : 1L) * n;
                    LocalDate d = off.group(3).equalsIgnoreCase("after") ? main.date().minusDays(days)
                            : main.date().plusDays(days);
                    if (!d.isAfter(published)) {
                        return new DateMention(main.start(), main.end(), d, DatePrecision.DAY, true, main.text());
                    }
                }
                return best != null && best.end() <= offStart ? null : best;
            }
        }
        return best;
    }

    static boolean sameEvent(PhraseMatch<Cue> a, PhraseMatch<Cue> b) {
        // A visit and the talks held during it, a ceasefire agreed at talks: one story, one time.
        return a.payload() instanceof Cue.Trigger x && b.payload() instanceof Cue.Trigger y
                && x.type().category() == y.type().category();
    }
}
