package io.watchfloor.pipeline;

import io.watchfloor.alert.AlertAssembler;
import io.watchfloor.alert.AlertChange;
import io.watchfloor.alert.AlertCorrelator;
import io.watchfloor.alert.InvalidAlertException;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleEvaluationException;
import io.watchfloor.rules.RuleFailure;
import io.watchfloor.rules.SignalFact;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.StoreSession;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replay's ordered stage on several cores, for rule sets that join signals of one pair of countries only
 * ({@link CompiledRules#pairLocal()}): each pair belongs to one lane, with its own rule session, its own memory of
 * alerts and its own store connection, and runs on its own thread. An article's signals go to their pairs' lanes in
 * publication order, so each pair sees its signals in the same order as one session would, and raises the same
 * alerts; only the order of an article's alert changes across pairs may differ (lane by lane). The article and its
 * signals are recorded by the caller's thread. For a replay only: the lanes' stores are written, never read back by
 * another lane, and nothing is announced.
 */
public final class PairLanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PairLanes.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** One lane: the rule session, alert memory and store connection of the pairs that hash to it. */
    public record Lane(RuleEngine engine, AlertAssembler assembler, AlertCorrelator correlator,
                       StoreSession session) { }

    private final List<Lane> lanes;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final ArticleStore articles;
    private final StoreSession session;
    private final LongAdder laneCpu = new LongAdder();

    /** @param session the caller's connection, for the articles and their signals */
    public PairLanes(List<Lane> lanes, ArticleStore articles, StoreSession session) {
        this.lanes = List.copyOf(lanes);
        this.articles = articles;
        this.session = session;
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

    /**
     * Records the article with its signals, then hands each pair's signals to its lane; the outcome completes when
     * every lane concerned has decided its alerts.
     */
    public CompletableFuture<ArticleOutcome> process(Article article, String sha256, List<Signal> signals) {
        session.run("cannot record article " + article.id(), () -> {
            articles.save(article, sha256, signals);
            return null;
        });
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

    /** The CPU time the lanes spent on rules and alert decisions so far, in nanoseconds. */
    public long cpuNanos() {
        return laneCpu.sum();
    }

    private int laneOf(String pair) {
        return Math.floorMod(pair.hashCode(), lanes.size());
    }

    /** On the lane's thread: the rules over the pair's signals, then the alert decisions in the lane's store. */
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
        List<Alert> alerts = new ArrayList<>();
        for (AlertDraft d : drafts) {
            try {
                alerts.add(lane.assembler().assemble(d));
            } catch (InvalidAlertException e) {
                LOG.error("{}", e.getMessage());
            }
        }
        if (alerts.isEmpty()) {
            return List.of();
        }
        Supplier<List<AlertChange>> work = () -> lane.correlator().applyAll(alerts);
        try {
            return lane.session().run("cannot record alerts", work);
        } catch (RuntimeException e) {
            lane.correlator().forgetRecent();
            throw e;
        }
    }

    /** Waits for the lanes, commits what they hold back, and stops their threads. */
    @Override
    public void close() {
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            try {
                CompletableFuture.runAsync(() -> lane.session().close(), threads.get(i)).join();
            } finally {
                threads.get(i).shutdown();
                lane.engine().close();
            }
        }
        session.close();
    }
}
