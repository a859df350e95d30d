package io.watchfloor.rules;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates signals against the current rule set in one long-lived stream session on a pseudo clock that follows
 * the articles' publication dates, so a replay gives the same answer as live operation. A new rule set is swapped
 * in between evaluations: the recent signals are re-inserted into a fresh session, so no article ever meets a
 * half-loaded rule set.
 *
 * <p>Guarded: each evaluation runs on the session's own thread within {@link RuleSettings#evaluationTimeout()}.
 * Past it, or when a condition throws, the evaluation is abandoned ({@link RuleEvaluationException}) and the session
 * rebuilt from the window without that evaluation's signals. A consequence that throws loses only its own match
 * ({@link #drainFailures()}); the other rules fire as usual. A new rule set is tried over the window off to the side
 * and refused ({@link RulesRefusedException}) when it throws or runs past the limit there.
 */
public final class RuleEngine implements AutoCloseable {
    static final String GLOBAL = "alerts";
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Consequences that throw in one evaluation before the rules are judged to be looping on failures. */
    private static final int MAX_FAILURES = 1000;

    private final RuleSettings settings;
    private final AnswerReader answers;
    private final FirstReports firstReports = new FirstReports();
    /** Held signals, earliest event first: the ones to forget are always at the head. */
    private final PriorityQueue<Held> window = new PriorityQueue<>(
            Comparator.comparingLong((Held h) -> h.fact().getEventTime()).thenComparingLong(h -> h.fact().getSeq()));
    private final List<RuleFailure> failures = new ArrayList<>();
    /** CPU time of evaluations on the session's thread, for the replay's log. */
    private final LongAdder cpu = new LongAdder();
    private CompiledRules rules;
    private Live live;
    private long clockMillis;
    private long seq;

    private record Held(SignalFact fact, FactHandle handle) { }

    /** A session with its alert sink, the rule it is firing, and the thread it runs on. */
    private record Live(CompiledRules rules, KieSession session, AlertSink sink, FiringRule firing,
                        RuleWorker worker) { }

    /** What one piece of session work did: the handles of the facts it inserted, the consequences that threw. */
    private record Done(List<FactHandle> handles, List<RuleFailure> failures) { }

    /** An engine that knows no country names: two strikes of the same day are never put in order. */
    public RuleEngine(CompiledRules rules, RuleSettings settings) {
        this(rules, settings, AnswerReader.knowingNoNames());
    }

    /** @param answers reads from a report whether its move answers one by the other side (same-day order) */
    public RuleEngine(CompiledRules rules, RuleSettings settings, AnswerReader answers) {
        this.settings = settings;
        this.answers = answers;
        this.rules = rules;
        this.live = open(rules);
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
     *
     * @throws RuleEvaluationException past the time limit, or when a condition throws: nothing of this evaluation
     *                                 is kept, and the next one runs on a rebuilt session
     */
    public synchronized List<AlertDraft> evaluate(Collection<Signal> signals, LocalDate now) {
        long target = now.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long advance = Math.max(0, target - clockMillis);
        clockMillis += advance;
        // Bounded memory: forget what no rule window can reach any more.
        List<FactHandle> expired = new ArrayList<>();
        long horizon = clockMillis - TimeUnit.DAYS.toMillis(settings.retentionDays());
        while (!window.isEmpty() && window.peek().fact().getEventTime() < horizon) {
            Held h = window.poll();
            expired.add(h.handle());
            firstReports.forget(h.fact());
        }
        List<SignalFact> facts = facts(signals);
        if (advance == 0 && expired.isEmpty() && facts.isEmpty()) {
            return List.of(); // nothing changed: nothing can fire
        }
        Live l = live;
        Done done;
        try {
            done = l.worker().run(() -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                try {
                    if (advance > 0) {
                        ((SessionPseudoClock) l.session().getSessionClock()).advanceTime(advance,
                                TimeUnit.MILLISECONDS);
                    }
                    expired.forEach(l.session()::delete);
                    return insertAndFire(l, facts);
                } finally {
                    cpu.add(THREADS.getCurrentThreadCpuTime() - cpu0);
                }
            }, settings.evaluationTimeout());
        } catch (RuleEvaluationException e) {
            l.worker().close();
            rebuild();
            throw e;
        } catch (RuntimeException e) {
            l.worker().close();
            rebuild();
            throw conditionFailed(l, e);
        }
        for (int i = 0; i < facts.size(); i++) {
            window.add(new Held(facts.get(i), done.handles().get(i)));
        }
        failures.addAll(done.failures());
        return l.sink().drain();
    }

    /** The CPU time evaluations took on the rule session's thread so far, in nanoseconds. */
    public long cpuNanos() {
        return cpu.sum();
    }

    /** The consequences that threw since the last call (their matches raised nothing); clears them. */
    public synchronized List<RuleFailure> drainFailures() {
        List<RuleFailure> out = List.copyOf(failures);
        failures.clear();
        return out;
    }

    /**
     * Tries a new rule set over every signal still inside the window, off to the side, and swaps it in when no rule
     * threw and the trial finished within the time limit. The alerts the trial raised are returned so the caller
     * can recognise (and not resend) the ones it already knows.
     *
     * @throws RulesRefusedException when a rule threw or ran past the limit; the running rules stay
     */
    public synchronized List<AlertDraft> swap(CompiledRules newRules) {
        Live trial = open(newRules);
        List<SignalFact> facts = window.stream().map(Held::fact).toList();
        Done done;
        try {
            done = trial.worker().run(() -> insertAndFire(trial, facts), settings.evaluationTimeout());
        } catch (RuntimeException e) {
            trial.worker().close();
            String what = e instanceof RuleEvaluationException ? e.getMessage() : conditionFailed(trial, e).getMessage();
            throw new RulesRefusedException(List.of(what + " (tried on the " + facts.size()
                    + " signals in the rules' window)"));
        }
        if (!done.failures().isEmpty()) {
            trial.worker().close();
            throw new RulesRefusedException(done.failures().stream().map(f -> f + " (tried on the " + facts.size()
                    + " signals in the rules' window)").distinct().toList());
        }
        Live old = live;
        live = trial;
        rules = newRules;
        adopt(facts, done.handles());
        old.worker().close();
        return trial.sink().drain();
    }

    /** After an abandoned evaluation: a fresh session with the window as it was before it. */
    private void rebuild() {
        Live fresh = open(rules);
        List<SignalFact> facts = window.stream().map(Held::fact).toList();
        try {
            Done done = fresh.worker().run(() -> insertAndFire(fresh, facts), settings.evaluationTimeout());
            adopt(facts, done.handles());
            fresh.sink().drain(); // alerts of signals already judged: decided before
            live = fresh;
        } catch (RuntimeException e) {
            LOG.error("the rules' memory could not be rebuilt ({}); they start again from no signals",
                    e.getMessage());
            fresh.worker().close();
            window.clear();
            live = open(rules);
        }
    }

    private void adopt(List<SignalFact> facts, List<FactHandle> handles) {
        window.clear();
        for (int i = 0; i < facts.size(); i++) {
            window.add(new Held(facts.get(i), handles.get(i)));
        }
    }

    /** On the session's thread: inserts, then fires until the agenda is empty, going on past consequences that throw. */
    private Done insertAndFire(Live l, List<SignalFact> facts) {
        List<FactHandle> handles = new ArrayList<>(facts.size());
        for (SignalFact f : facts) {
            handles.add(l.session().insert(f));
        }
        List<RuleFailure> thrown = new ArrayList<>();
        while (true) {
            try {
                l.session().fireAllRules();
                return new Done(handles, thrown);
            } catch (ConsequenceException e) {
                // The failed match has left the agenda: firing again goes on with the others.
                l.firing().discardFailedMatch();
                thrown.add(failure(l, e));
                if (thrown.size() >= MAX_FAILURES) {
                    throw new RuleEvaluationException(thrown.get(0).rule(), MAX_FAILURES
                            + " rule consequences threw in one evaluation; the first: " + thrown.get(0), e);
                }
            }
        }
    }

    private static RuleFailure failure(Live l, ConsequenceException e) {
        String rule = e.getMatch() != null ? e.getMatch().getRule().getName() : e.getRule().getName();
        List<String> articles = new ArrayList<>();
        if (e.getMatch() != null) {
            for (Object o : e.getMatch().getObjects()) {
                if (o instanceof SignalFact f && !articles.contains(f.getArticleId())) {
                    articles.add(f.getArticleId());
                }
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new RuleFailure(l.rules().describe(rule), describe(cause), articles);
    }

    private static RuleEvaluationException conditionFailed(Live l, RuntimeException e) {
        String last = l.firing().last();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new RuleEvaluationException(null, "a rule condition threw " + describe(cause)
                + (last != null ? "; the last rule that fired: " + l.rules().describe(last) : ""), e);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
    }

    /** The signals as facts, each without its article's body: the window holds tens of thousands of signals. */
    private List<SignalFact> facts(Collection<Signal> signals) {
        List<SignalFact> out = new ArrayList<>(signals.size());
        Article light = null;
        for (Signal s : signals) {
            if (light == null || !light.id().equals(s.article().id())) {
                light = s.article().withoutBody();
            }
            s = new Signal(s.type(), s.actor(), s.target(), s.eventDate(), s.planned(), s.evidence(), light,
                    s.confidence());
            out.add(new SignalFact(++seq, s, settings.freshnessDays(), firstReports.arrives(s), answers.read(s)));
        }
        return out;
    }

    private Live open(CompiledRules compiled) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = compiled.kieBase().newKieSession(conf, null);
        if (clockMillis > 0) {
            ((SessionPseudoClock) s.getSessionClock()).advanceTime(clockMillis, TimeUnit.MILLISECONDS);
        }
        AlertSink sink = new AlertSink();
        for (KiePackage p : compiled.kieBase().getKiePackages()) {
            if (p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL))) {
                s.setGlobal(GLOBAL, sink);
                break;
            }
        }
        FiringRule firing = new FiringRule(sink);
        s.addEventListener(firing);
        return new Live(compiled, s, sink, firing, new RuleWorker(s, firing, compiled::describe));
    }

    @Override
    public synchronized void close() {
        live.worker().close();
    }
}
