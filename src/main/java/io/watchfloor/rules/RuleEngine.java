package io.watchfloor.rules;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * Evaluates signals against the current rule set in one long-lived stream session on a pseudo clock that follows
 * the articles' publication dates, so a replay gives the same answer as live operation. A new rule set is swapped
 * in between evaluations: the recent signals are re-inserted into a fresh session, so no article ever meets a
 * half-loaded rule set.
 */
public final class RuleEngine implements AutoCloseable {
    static final String GLOBAL = "alerts";

    private final RuleSettings settings;
    private final AnswerReader answers;
    private final FirstReports firstReports = new FirstReports();
    /** Held signals, earliest event first: the ones to forget are always at the head. */
    private final java.util.PriorityQueue<Held> window = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong((Held h) -> h.fact().getEventTime())
                    .thenComparingLong(h -> h.fact().getSeq()));
    private CompiledRules rules;
    private KieSession session;
    private AlertSink sink;
    private long clockMillis;
    private long seq;

    private record Held(SignalFact fact, FactHandle handle) { }

    /** An engine that knows no country names: two strikes of the same day are never put in order. */
    public RuleEngine(CompiledRules rules, RuleSettings settings) {
        this(rules, settings, AnswerReader.knowingNoNames());
    }

    /** @param answers reads from a report whether its move answers one by the other side (same-day order) */
    public RuleEngine(CompiledRules rules, RuleSettings settings, AnswerReader answers) {
        this.settings = settings;
        this.answers = answers;
        this.rules = rules;
        this.session = open(rules);
    }

    public synchronized CompiledRules rules() {
        return rules;
    }

    /** Signals currently held for correlation (bounded by the retention window). */
    public synchronized int windowSize() {
        return window.size();
    }

    /**
     * Inserts the signals of one article published on {@code now}, fires the rules, and returns the alert drafts they
     * raised. Planned and past events alike are inserted; rules decide what counts.
     */
    public synchronized List<AlertDraft> evaluate(Collection<Signal> signals, LocalDate now) {
        advanceTo(now);
        Article light = null; // the article without its body: the window holds tens of thousands of signals
        for (Signal s : signals) {
            if (light == null || !light.id().equals(s.article().id())) {
                Article a = s.article();
                light = new Article(a.id(), a.title(), "", a.published(), a.link(), a.source());
            }
            s = new Signal(s.type(), s.actor(), s.target(), s.eventDate(), s.planned(), s.evidence(), light,
                    s.confidence());
            SignalFact f = new SignalFact(++seq, s, settings.freshnessDays(), firstReports.arrives(s),
                    answers.read(s));
            window.add(new Held(f, session.insert(f)));
        }
        session.fireAllRules();
        return sink.drain();
    }

    /**
     * Swaps in a new rule set: a fresh session gets every signal still inside the window, and the alerts this
     * replays are returned so the caller can recognise (and not resend) the ones it already knows.
     */
    public synchronized List<AlertDraft> swap(CompiledRules newRules) {
        KieSession fresh = open(newRules);
        KieSession old = session;
        List<Held> held = new ArrayList<>(window);
        window.clear();
        session = fresh;
        rules = newRules;
        for (Held h : held) {
            window.add(new Held(h.fact(), session.insert(h.fact())));
        }
        session.fireAllRules();
        old.dispose();
        return sink.drain();
    }

    private void advanceTo(LocalDate day) {
        long target = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        if (target > clockMillis) {
            ((SessionPseudoClock) session.getSessionClock()).advanceTime(target - clockMillis, TimeUnit.MILLISECONDS);
            clockMillis = target;
        }
        // Bounded memory: forget what no rule window can reach any more.
        long horizon = clockMillis - TimeUnit.DAYS.toMillis(settings.retentionDays());
        while (!window.isEmpty() && window.peek().fact().getEventTime() < horizon) {
            Held h = window.poll();
            session.delete(h.handle());
            firstReports.forget(h.fact());
        }
    }

    private KieSession open(CompiledRules compiled) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = compiled.kieBase().newKieSession(conf, null);
        if (clockMillis > 0) {
            ((SessionPseudoClock) s.getSessionClock()).advanceTime(clockMillis, TimeUnit.MILLISECONDS);
        }
        sink = new AlertSink();
        for (KiePackage p : compiled.kieBase().getKiePackages()) {
            if (p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL))) {
                s.setGlobal(GLOBAL, sink);
                break;
            }
        }
        return s;
    }

    @Override
    public synchronized void close() {
        session.dispose();
    }
}
