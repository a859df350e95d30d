package io.watchfloor.pipeline;

import io.watchfloor.alert.AlertAssembler;
import io.watchfloor.alert.AlertCandidate;
import io.watchfloor.alert.AlertChange;
import io.watchfloor.alert.AlertCorrelator;
import io.watchfloor.alert.InvalidAlertException;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleEvaluationException;
import io.watchfloor.rules.RuleFailure;
import io.watchfloor.rules.SignalFact;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replay's ordered stage on several cores, for rule sets that join signals of one pair of countries only
 * ({@link CompiledRules#pairLocal()}): each pair belongs to one lane, with its own rule session, its own memory of
 * alerts and its own store connection, and runs on its own thread. An article's signals go to their pairs' lanes in
 * publication order, so each pair sees its signals in the same order as one session would, and raises the same
 * alerts; only the order of an article's alert changes across pairs may differ (lane by lane). For a replay only: each
 * lane decides its alerts in memory (its {@link io.watchfloor.alert.AlertBook}), and nothing is announced.
 */
public final class PairLanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PairLanes.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** One lane: the rule session and the alerts of the pairs that hash to it. */
    public record Lane(RuleEngine engine, AlertAssembler assembler, AlertCorrelator correlator) { }

    private final List<Lane> lanes;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final LongAdder laneCpu = new LongAdder();

    public PairLanes(List<Lane> lanes) {
        this.lanes = List.copyOf(lanes);
        for (int i = 0; i < lanes.size(); i++) {
            String name = "watchfloor-lane-" + i;
            threads.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /** How many lanes (threads) the pairs are spread over. */
    public int size() {
        return lanes.size();
    }

    /** Hands each pair's signals to its lane; the outcome completes when every lane concerned has decided. */
    public CompletableFuture<ArticleOutcome> process(Article article, List<Signal> signals) {
        List<List<Signal>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            byLane.add(new ArrayList<>());
        }
        for (Signal s : signals) {
            byLane.get(laneOf(SignalFact.pairOf(s))).add(s);
        }
        List<CompletableFuture<List<AlertChange>>> parts = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            if (!byLane.get(i).isEmpty()) {
                Lane lane = lanes.get(i);
                List<Signal> mine = byLane.get(i);
                parts.add(CompletableFuture.supplyAsync(() -> {
                    long cpu0 = CPU.getCurrentThreadCpuTime();
                    try {
                        return decide(lane, article, mine);
                    } finally {
                        laneCpu.add(CPU.getCurrentThreadCpuTime() - cpu0);
                    }
                }, threads.get(i)));
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<AlertChange> changes = new ArrayList<>();
            parts.forEach(p -> changes.addAll(p.join()));
            return new ArticleOutcome(article, signals, changes);
        });
    }

    /**
     * The CPU time the lanes' own threads spent so far (alert decisions and their JSON, and handing the signals to
     * the rules), in nanoseconds.
     */
    public long cpuNanos() {
        return laneCpu.sum();
    }

    /** The CPU time the rules took so far on their sessions' threads, in nanoseconds. */
    public long ruleCpuNanos() {
        return lanes.stream().mapToLong(l -> l.engine().cpuNanos()).sum();
    }

    private int laneOf(String pair) {
        return Math.floorMod(pair.hashCode(), lanes.size());
    }

    /** On the lane's thread: the rules over the pair's signals, then the alert decisions. */
    private static List<AlertChange> decide(Lane lane, Article article, List<Signal> signals) {
        List<AlertDraft> drafts;
        try {
            drafts = lane.engine().evaluate(signals, article.published());
        } catch (RuleEvaluationException e) {
            LOG.error("article {} ({}) set aside by the rules, the next articles go on: {}", article.id(),
                    article.title(), e.getMessage());
            return List.of();
        }
        for (RuleFailure f : lane.engine().drainFailures()) {
            LOG.error("{}; the article's other alerts went out", f);
        }
        List<AlertCandidate> candidates = new ArrayList<>();
        for (AlertDraft d : drafts) {
            try {
                candidates.add(lane.assembler().candidate(d));
            } catch (InvalidAlertException e) {
                LOG.error("{}", e.getMessage());
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        return lane.correlator().decideAll(candidates);
    }

    /** What the lanes' alert books hold, for the replay's log. */
    public String bookCounts() {
        return lanes.stream().map(l -> l.correlator().bookCounts()).collect(Collectors.joining("; "));
    }

    /** Stops the lanes' threads (after the work handed to them) and their rule sessions. */
    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdown);
        try {
            for (ExecutorService t : threads) {
                // A rule session is closed only once no work of its lane runs on it.
                while (!t.awaitTermination(1, TimeUnit.MINUTES)) {
                    LOG.info("waiting for a lane to finish its article");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lanes.forEach(l -> l.engine().close());
        }
    }
}
