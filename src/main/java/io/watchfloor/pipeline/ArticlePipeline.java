package io.watchfloor.pipeline;

import io.watchfloor.alert.AlertAssembler;
import io.watchfloor.alert.AlertChange;
import io.watchfloor.alert.AlertCorrelator;
import io.watchfloor.alert.InvalidAlertException;
import io.watchfloor.extract.Extractor;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.notify.Notifier;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleEvaluationException;
import io.watchfloor.rules.RuleFailure;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.SetAsideStore;
import io.watchfloor.store.StoreSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the stages are composed: extract, record, evaluate rules, assemble and correlate alerts (committed to
 * the store with the email they call for), then announce them. Each stage is a small class with one job; this class
 * only wires them in order.
 */
public final class ArticlePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePipeline.class);

    private Extractor extractor;
    private final RuleEngine engine;
    private final AlertAssembler assembler;
    private final AlertCorrelator correlator;
    private final ArticleStore articles;
    private final Recorder recorder;
    private final Announcer announcer;
    private final Observer observer;
    private final RuleIncidents incidents;
    private final SetAsideStore setAside;
    /** The ordered stage's own connection: an article, its signals and its alert decisions commit together. */
    private final StoreSession session;
    /** Articles whose signals are in this node's rules: processed here or caught up from the store. */
    private final java.util.Map<String, LocalDate> known = new java.util.HashMap<>();
    private java.time.Instant watermark = java.time.Instant.EPOCH;
    private int retentionDays = 45;

    /** Told how long the stages took, for metrics. */
    public interface Observer {
        Observer NONE = new Observer() { };

        default void articleProcessed(int signals, java.time.Duration took) { }

        default void rulesEvaluated(java.time.Duration took) { }

        default void ruleFailed(String rule) { }
    }

    /** How a processed article is recorded. */
    public interface Recorder {
        void record(Article article, String sha256, List<Signal> signals);
    }

    /**
     * @param setAside where articles the rules could not finish are kept
     * @param session  the connection the stages' writes go through (see {@link StoreSession})
     */
    public ArticlePipeline(Extractor extractor, RuleEngine engine, AlertAssembler assembler,
                           AlertCorrelator correlator, ArticleStore articles, SetAsideStore setAside,
                           StoreSession session, Announcer announcer, Observer observer) {
        this(extractor, engine, assembler, correlator, articles, articles::save, setAside, session, announcer,
                observer);
    }

    /** @param recorder how each article is recorded: with its signals, or (a replay) without them */
    public ArticlePipeline(Extractor extractor, RuleEngine engine, AlertAssembler assembler,
                           AlertCorrelator correlator, ArticleStore articles, Recorder recorder,
                           SetAsideStore setAside, StoreSession session, Announcer announcer, Observer observer) {
        this.recorder = recorder;
        this.session = session;
        this.observer = observer;
        this.setAside = setAside;
        this.incidents = new RuleIncidents(setAside, this::adminNotice, java.time.Clock.systemUTC());
        this.extractor = extractor;
        this.engine = engine;
        this.assembler = assembler;
        this.correlator = correlator;
        this.articles = articles;
        this.announcer = announcer;
    }

    /** Whether this exact content was processed before (same id, same hash). */
    public boolean seen(String articleId, String sha256) {
        return articles.hashOf(articleId).map(sha256::equals).orElse(false);
    }

    public synchronized ArticleOutcome process(Article article, String sha256) {
        long start = System.nanoTime();
        ArticleOutcome o = process(article, sha256, extractor.extract(article));
        observer.articleProcessed(o.signals().size(), java.time.Duration.ofNanos(System.nanoTime() - start));
        return o;
    }

    /** The stages after extraction, for signals that are given rather than found (rule tests). */
    public synchronized ArticleOutcome process(Article article, String sha256, List<Signal> signals) {
        if (known.put(article.id(), article.published()) == null && known.size() % 10_000 == 0) {
            forgetPublishedBefore(article.published().minusDays(retentionDays));
        }
        // The article, its signals, a set-aside record and the alert decisions with their email: one unit of work,
        // committed together (announced only once it has committed).
        Decided d = inUnit("cannot record article " + article.id(), () -> {
            recorder.record(article, sha256, signals);
            long start = System.nanoTime();
            List<AlertDraft> drafts = evaluate(article, signals);
            observer.rulesEvaluated(java.time.Duration.ofNanos(System.nanoTime() - start));
            return record(drafts == null ? List.of() : drafts);
        });
        announcer.committed(d.changes(), d.entries());
        return new ArticleOutcome(article, signals, d.changes());
    }

    /** Commits what the session holds back (a replay batches its units); the daemon's session holds nothing back. */
    public synchronized void flush() {
        session.flush();
    }

    /** {@code work} as one unit of the session; on failure the alerts' memory is forgotten with what rolled back. */
    private <T> T inUnit(String what, java.util.function.Supplier<T> work) {
        try {
            return session.run(what, work);
        } catch (RuntimeException e) {
            correlator.forgetRecent();
            throw e;
        }
    }

    /**
     * The rules' drafts for one article's signals; null when the rules could not finish (the article is then set
     * aside: recorded, told to the admins, retried after the next rule change). Consequences that threw are
     * reported; they do not hold back the other rules' drafts.
     */
    private List<AlertDraft> evaluate(Article article, List<Signal> signals) {
        List<AlertDraft> drafts;
        try {
            drafts = engine.evaluate(signals, article.published());
        } catch (RuleEvaluationException e) {
            incidents.setAside(article, e);
            return null;
        }
        List<RuleFailure> failures = engine.drainFailures();
        if (!failures.isEmpty()) {
            incidents.failed(failures);
            failures.forEach(f -> observer.ruleFailed(f.rule()));
        }
        return drafts;
    }

    /**
     * Feeds the signals of recent articles back to the rules after a restart, so new articles are judged against
     * the same history; alerts this re-derives are already on record and are not announced again.
     */
    public synchronized int restoreHistory(int retentionDays) {
        this.retentionDays = retentionDays;
        LocalDate latest = articles.latestPublished().orElse(null);
        if (latest == null) {
            return 0;
        }
        return catchUp(latest.minusDays(retentionDays));
    }

    /**
     * Brings the rules up to date with articles other nodes have processed since this one last looked (several
     * nodes share one store): their signals join this node's window, so every node judges a new article against the
     * same history. Alerts this re-derives are on record already and are not announced again.
     */
    public synchronized int catchUp() {
        LocalDate latest = articles.latestPublished().orElse(null);
        return latest == null ? 0 : catchUp(latest.minusDays(retentionDays));
    }

    private int catchUp(LocalDate publishedSince) {
        forgetPublishedBefore(publishedSince);
        java.util.Set<String> aside = new java.util.HashSet<>();
        setAside.all().forEach(a -> aside.add(a.articleId()));
        int n = 0;
        // A little overlap: another node's transaction may commit with a slightly earlier timestamp.
        for (ArticleStore.Processed p : articles.processedAfter(watermark.minusSeconds(5), publishedSince)) {
            if (p.processedAt().isAfter(watermark)) {
                watermark = p.processedAt();
            }
            if (known.putIfAbsent(p.article().id(), p.article().published()) != null) {
                continue;
            }
            List<AlertDraft> drafts = evaluate(p.article(), p.signals());
            if (drafts != null) {
                if (aside.contains(p.article().id())) {
                    incidents.cleared(p.article()); // the rules changed while this node was away
                }
                decide(drafts);
                n += p.signals().size();
            }
        }
        return n;
    }

    /** Bounded memory over a long run: forgets articles older than any rule can look back to. */
    private void forgetPublishedBefore(LocalDate horizon) {
        known.values().removeIf(d -> d.isBefore(horizon));
    }

    /**
     * Swaps in a new rule set and lexicon between two articles (never during one); alerts the new rules find in the
     * window are decided like any others.
     */
    public synchronized List<AlertChange> swap(CompiledRules rules, Extractor newExtractor) {
        List<AlertDraft> drafts = engine.swap(rules); // refused (RulesRefusedException) before anything changes
        this.extractor = newExtractor;
        incidents.rulesChanged();
        return decide(drafts);
    }

    /**
     * Evaluates again the articles set aside by earlier rules (after a rule change): the ones the rules now finish
     * are no longer set aside, and their alerts are decided like any others. Returns how many were cleared.
     */
    public synchronized int retrySetAside() {
        int cleared = 0;
        for (SetAsideStore.SetAside s : setAside.all()) {
            var p = articles.processed(s.articleId());
            if (p.isEmpty()) {
                continue;
            }
            List<AlertDraft> drafts = evaluate(p.get().article(), p.get().signals());
            if (drafts != null) {
                incidents.cleared(p.get().article());
                decide(drafts);
                cleared++;
            }
        }
        return cleared;
    }

    /** Set-aside articles and failing rules, for /health. */
    public RuleIncidents incidents() {
        return incidents;
    }

    /** Tells the admins through every output that serves them. */
    public void adminNotice(AdminNotice notice) {
        announcer.admin(notice);
    }

    /** The extractor in use: callers may extract on other threads and hand the signals to {@link #process}. */
    public synchronized Extractor extractor() {
        return extractor;
    }

    public CompiledRules rules() {
        return engine.rules();
    }

    /** Alert changes recorded, with the journal entries to mark once they are announced. */
    private record Decided(List<AlertChange> changes, List<Long> entries) { }

    /**
     * Assembles and correlates the alerts, records them with what they call for (journal, email) in one transaction,
     * then announces them.
     */
    private List<AlertChange> decide(List<AlertDraft> drafts) {
        Decided d = inUnit("cannot record alerts", () -> record(drafts));
        announcer.committed(d.changes(), d.entries());
        return d.changes();
    }

    /** Inside a unit of work: the alerts assembled, correlated and recorded with what they call for. */
    private Decided record(List<AlertDraft> drafts) {
        List<Alert> alerts = new ArrayList<>();
        for (AlertDraft d : drafts) {
            try {
                alerts.add(assembler.assemble(d));
            } catch (InvalidAlertException e) {
                LOG.error("{}", e.getMessage());
            }
        }
        if (alerts.isEmpty()) {
            return new Decided(List.of(), List.of());
        }
        List<Long> entries = new ArrayList<>();
        List<AlertChange> changes = correlator.applyAll(alerts,
                recorded -> entries.addAll(announcer.recorded(recorded)));
        return new Decided(changes, entries);
    }
}
