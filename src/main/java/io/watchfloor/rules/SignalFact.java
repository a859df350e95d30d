package io.watchfloor.rules;

import io.watchfloor.model.Signal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A signal as rules see it: a Drools event stamped with its event time (midnight UTC of the event date), so
 * temporal operators work on when things happened, not on when the article arrived. Getters only: rules read
 * facts, they never change them.
 */
public final class SignalFact {
    private final long seq;
    private final Signal signal;
    private final long eventTime;
    /** The event's day as days since 1970-01-01: rules compare days for every candidate of a join. */
    private final long eventDay;
    private final long ageDays;
    private final boolean fresh;
    /** Computed once: rules ask for them on every match. */
    private final String move;
    private final String pair;
    private final boolean firstReport;
    private final AnswerReader.Reading answer;

    /** A report read alone: the first of its event, saying nothing about the order of its move. */
    public SignalFact(long seq, Signal signal, int freshnessDays) {
        this(seq, signal, freshnessDays, true, AnswerReader.Reading.NONE);
    }

    /**
     * @param firstReport whether it is the first report of its event the rules hold, or one published earlier than
     *                    every report of it they held before (see {@link #isFirstReport()})
     * @param answer      what its sentence says about the order of its move
     */
    public SignalFact(long seq, Signal signal, int freshnessDays, boolean firstReport, AnswerReader.Reading answer) {
        this.seq = seq;
        this.firstReport = firstReport;
        this.answer = answer;
        this.signal = signal;
        this.eventDay = signal.eventDate().toEpochDay();
        this.eventTime = TimeUnit.DAYS.toMillis(eventDay); // midnight UTC of the event's day
        this.ageDays = ChronoUnit.DAYS.between(signal.eventDate(), signal.article().published());
        this.fresh = ageDays <= freshnessDays;
        this.move = signal.type().name() + " " + signal.actor() + ">" + signal.target();
        this.pair = pairOf(signal);
    }

    /** Arrival order; a tie-breaker for rules that need one. */
    public long getSeq() { return seq; }
    public Signal getSignal() { return signal; }
    public String getType() { return signal.type().name(); }
    public String getCategory() { return signal.type().category().name(); }
    public boolean isEscalation() { return signal.type().escalation(); }
    public boolean isDeescalation() { return !signal.type().escalation(); }
    public String getActor() { return signal.actor(); }
    public String getTarget() { return signal.target(); }
    /** The unordered pair "IRN-PAK" (alphabetical), or the target alone when there is no actor. */
    public String getPair() {
        return pair;
    }

    /** The pair a signal is about, as {@link #getPair()} gives it. */
    public static String pairOf(Signal s) {
        String a = s.actor();
        String t = s.target();
        if (a == null || a.equals(t)) {
            return t;
        }
        return a.compareTo(t) < 0 ? a + "-" + t : t + "-" + a;
    }
    /**
     * Whether the actor is {@code who}: that country when it is a code ("PAK"), any country when it is a single
     * capital letter ("A", a variable of a near-English rule, which the rule binds to the actor).
     */
    public boolean actorIs(String who) {
        return isVariable(who) || who.equals(signal.actor());
    }

    /** Whether the target is {@code who}: a country code, or any country for a single letter (see {@link #actorIs}). */
    public boolean targetIs(String who) {
        return isVariable(who) || who.equals(signal.target());
    }

    /**
     * Whether the pair is {@code x} and {@code y} in either order (undirected types store it alphabetically): codes,
     * or letters that stand for any country.
     */
    public boolean isBetween(String x, String y) {
        return actorIs(x) && targetIs(y) || actorIs(y) && targetIs(x);
    }

    /** A single capital letter names a variable in near-English rules; three capitals are a country code. */
    public static boolean isVariable(String who) {
        return who.length() == 1 && who.charAt(0) >= 'A' && who.charAt(0) <= 'Z';
    }

    /** What was done by whom to whom, without the date: "STRIKE IRN>PAK". Reports of one move share it. */
    public String getMove() {
        return move;
    }

    /**
     * The event this report tells: its move, its date, and whether it was only announced. Reports of one event share
     * it.
     */
    public String getEvent() {
        return eventOf(signal);
    }

    static String eventOf(Signal s) {
        return s.type().name() + " " + s.actor() + ">" + s.target() + " " + s.eventDate()
                + (s.planned() ? " planned" : "");
    }

    /**
     * Whether this is the first report of its event the rules hold, or one published earlier than every report of it
     * they held before. Reports only ever gain it on arrival and never lose it, so a rule that pairs every report of
     * one event with the first reports of another gives the same alerts, with the same reports, in whatever order
     * the articles come; and it stays small in a long war, where a day brings dozens of reports of one strike.
     */
    public boolean isFirstReport() {
        return firstReport;
    }

    /**
     * Whether this move comes after {@code first}'s within {@code days} days: one to {@code days} days later, or the
     * same day when this report says it answers it ({@link #answers}). Event dates carry no time of day, so on the
     * same day only a report's words can tell which came first.
     */
    public boolean follows(SignalFact first, int days) {
        long apart = eventDay - first.eventDay;
        return apart >= 1 && apart <= days || apart == 0 && answers(first);
    }

    /**
     * Whether this report presents its move as the answer to {@code first}'s move on the same day ("hours after",
     * "retaliated", "in response to"): its sentence puts its own actor after the other side, and {@code first}'s
     * report does not claim the same; when both moves come from one sentence, that sentence must tell both in
     * separate clauses. A strike is never its own retaliation, and "Iran and Pakistan exchanged strikes" orders
     * nothing.
     */
    public boolean answers(SignalFact first) {
        if (answer == AnswerReader.Reading.NONE || first == this) {
            return false;
        }
        boolean oneSentence = first.getArticleId().equals(getArticleId()) && first.getEvidence().equals(getEvidence());
        return oneSentence ? answer == AnswerReader.Reading.ANSWER_TO_TOLD : first.answer == AnswerReader.Reading.NONE;
    }

    /**
     * The first report of each move among {@code facts}: earliest event, then the earliest published report of it,
     * then first seen. What a spiral is made of, without the hundreds of reports a busy week brings.
     */
    public static List<SignalFact> firstOfEachMove(Collection<SignalFact> facts) {
        Comparator<SignalFact> earliest = Comparator.comparingLong(SignalFact::getEventTime)
                .thenComparing(SignalFact::getPublished).thenComparingLong(SignalFact::getSeq);
        Map<String, SignalFact> first = new HashMap<>();
        for (SignalFact f : facts) {
            first.merge(f.getMove(), f, (a, b) -> earliest.compare(a, b) <= 0 ? a : b);
        }
        return first.values().stream().sorted(earliest).toList();
    }
    public LocalDate getEventDate() { return signal.eventDate(); }
    public long getEventTime() { return eventTime; }
    public boolean isPlanned() { return signal.planned(); }
    public double getConfidence() { return signal.confidence(); }
    /** When the article that reported it was published. */
    public LocalDate getPublished() { return signal.article().published(); }
    /** Days between the event and the article that reported it. */
    public long getAgeDays() { return ageDays; }
    /** Inside the configured freshness window: news, not background. */
    public boolean isFresh() { return fresh; }
    public String getArticleId() { return signal.article().id(); }
    public String getEvidence() { return signal.evidence(); }

    @Override
    public String toString() {
        return getType() + " " + signal.actor() + ">" + signal.target() + " " + signal.eventDate()
                + (signal.planned() ? " planned" : "") + " [" + getArticleId() + "]";
    }
}
