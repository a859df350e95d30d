package io.watchfloor.rules;

import io.watchfloor.model.Signal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A signal as rules see it: a Drools event stamped with its event time (midnight UTC of the event date), so
 * temporal operators work on when things happened, not on when the article arrived. Getters only: rules read
 * facts, they never change them.
 */
public final class SignalFact {
    private final long seq;
    private final Signal signal;
    private final long eventTime;
    private final long ageDays;
    private final boolean fresh;
    /** Computed once: rules ask for it on every match. */
    private final String move;

    public SignalFact(long seq, Signal signal, int freshnessDays) {
        this.seq = seq;
        this.signal = signal;
        this.eventTime = signal.eventDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        this.ageDays = ChronoUnit.DAYS.between(signal.eventDate(), signal.article().published());
        this.fresh = ageDays <= freshnessDays;
        this.move = signal.type().name() + " " + signal.actor() + ">" + signal.target();
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
        String a = signal.actor();
        String t = signal.target();
        if (a == null || a.equals(t)) {
            return t;
        }
        return a.compareTo(t) < 0 ? a + "-" + t : t + "-" + a;
    }
    /** What was done by whom to whom, without the date: "STRIKE IRN>PAK". Reports of one move share it. */
    public String getMove() {
        return move;
    }

    /**
     * The first report of each move among {@code facts} (earliest event, then first seen): what a spiral is made
     * of, without the hundreds of reports a busy week brings.
     */
    public static java.util.List<SignalFact> firstOfEachMove(java.util.Collection<SignalFact> facts) {
        java.util.Map<String, SignalFact> first = new java.util.HashMap<>();
        for (SignalFact f : facts) {
            first.merge(f.getMove(), f, (a, b) -> a.getEventTime() < b.getEventTime()
                    || a.getEventTime() == b.getEventTime() && a.getSeq() < b.getSeq() ? a : b);
        }
        return first.values().stream().sorted(java.util.Comparator.comparingLong(SignalFact::getEventTime)
                .thenComparingLong(SignalFact::getSeq)).toList();
    }
    public LocalDate getEventDate() { return signal.eventDate(); }
    public long getEventTime() { return eventTime; }
    public boolean isPlanned() { return signal.planned(); }
    public double getConfidence() { return signal.confidence(); }
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
