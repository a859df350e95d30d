package io.watchfloor.cli;

import io.watchfloor.board.BoardSite;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.NodeId;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.health.DeliveryWatch;
import io.watchfloor.health.DiskSpace;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.health.HealthCheck;
import io.watchfloor.health.PipelineProgress;
import io.watchfloor.health.HttpEndpoint;
import io.watchfloor.health.MeteredMailer;
import io.watchfloor.health.MetricsNotifier;
import io.watchfloor.health.WatchfloorMetrics;
import io.watchfloor.ingest.FolderWatcher;
import io.watchfloor.ingest.feed.FeedSources;
import io.watchfloor.ingest.feed.FeedSpec;
import io.watchfloor.notify.JsonlFileNotifier;
import io.watchfloor.notify.LogNotifier;
import io.watchfloor.pipeline.Announcer;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.pipeline.RuleReload;
import io.watchfloor.pipeline.FolderPass;
import io.watchfloor.pipeline.LiveEmail;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleFolderWatcher;
import io.watchfloor.schedule.PassScheduler;
import io.watchfloor.store.AlertJournal;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.NodeStateStore;
import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SetAsideStore;
import io.watchfloor.store.SourceStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor run}: the daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon (--once: one pass of every source, then exit).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = ConfigChoice.HELP)
    Path config;

    @Option(names = "--once", description = "One pass of every source, then exit.")
    boolean once;

    /** Released once the store is closed, so a shutdown hook lets the JVM go only after that. */
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The scheduler made during the start, its jobs not added yet. */
    private PassScheduler made;

    /** The feeds, polled by their own pool; closed when the command ends. */
    private FeedSources feeds;

    @Override
    public Integer call() throws Exception {
        try {
            return start();
        } finally {
            if (scheduler == null && made != null) {
                made.close(); // the start failed after making it: runForever, which closes it, never ran
            }
            if (feeds != null) {
                feeds.close();
            }
            closed.countDown();
        }
    }

    private Integer start() throws Exception {
        StartupClock clock = new StartupClock();
        // The rules compile (the longest step of a start) on their own thread while the store opens and migrates,
        // begun in main when it could be (EarlyStart); the actor catalogue and the lexicon are read on another (the
        // store's migration mostly waits for the disk). The parser's models (seconds of CPU) load once the daemon is
        // ready: on two cores they would slow every step; a single pass needs them at once.
        Optional<EarlyStart> early = EarlyStart.take(config);
        WatchfloorConfig cfg = early.isPresent() ? early.get().config() : new ConfigLoader().load(config);
        createDataDir(cfg.dataPath());
        clock.mark("config");
        StartStep<CompiledRules> compiling = early.isPresent() ? early.get().rules()
                : StartStep.start("watchfloor-rule-compiler", () -> Pipelines.compileRules(cfg));
        StartStep<SignalExtractor> reading = StartStep.start("watchfloor-lexicon", () -> Pipelines.extractor(cfg,
                once ? Pipelines.parser(cfg) : Pipelines.parserOnDemand(cfg)));
        Database opened;
        try {
            opened = Database.open(cfg.databaseUrl(), cfg.database().user(),
                    System.getenv(cfg.database().passwordEnv()));
        } catch (RuntimeException e) {
            compiling.get(); // a rule error is reported first, as when the steps ran one after the other
            throw e;
        }
        clock.mark("store");
        try (Database db = opened) {
            JsonlFileNotifier jsonl = new JsonlFileNotifier(cfg.alertsFile());
            WatchfloorMetrics metrics = new WatchfloorMetrics(Version.number());
            progress = new PipelineProgress(Clock.systemUTC(), cfg.http().stallAfter(), !cfg.cluster().enabled());
            DeliveryWatch deliveries = new DeliveryWatch(Clock.systemUTC(), cfg.http().deliveryFailureWindow());
            java.util.function.UnaryOperator<io.watchfloor.notify.Mailer> metered = m -> new MeteredMailer(m, metrics,
                    deliveries, progress);
            // A queued message is delivered when it becomes due (its group wait), not at the next delivery tick.
            java.util.function.Consumer<Instant> due = t -> {
                PassScheduler s = scheduler;
                if (s != null) {
                    s.runAt(DELIVERY_JOB, t);
                }
            };
            String nodeId = NodeId.of(cfg);
            LiveEmail email = new LiveEmail(Pipelines.email(cfg, db, Clock.systemUTC(), metered, due, nodeId));
            // The email outbox is written in the transaction that records each alert change; the log, alerts.jsonl
            // and the metrics after it, and the journal remembers what they have not been told yet.
            Announcer announcer = new Announcer(List.of(new LogNotifier(), jsonl, email, new MetricsNotifier(metrics)),
                    new AlertJournal(db), new AlertStore(db), nodeId);
            // What needs no rules is done while they compile: the stores, what the last run (killed, perhaps) left
            // undone (its unfinished sends, its unannounced alert changes), and the scheduler (its jobs come later).
            OutboxStore outbox = new OutboxStore(db);
            metrics.outboxSize(outbox::countPending);
            SetAsideStore setAside = new SetAsideStore(db);
            metrics.setAside(setAside::count);
            NodeStateStore node = new NodeStateStore(db);
            node.put("daemon.pid", Long.toString(ProcessHandle.current().pid()));
            node.put("daemon.started", Times.second(Instant.now()));
            node.put("daemon.mode", once ? "once" : "daemon");
            email.releaseClaims();
            announcer.reconcile();
            // One job per folder scan, delivery and feed schedule, each never overlapping itself.
            int threads = 2 + Math.min(4, FeedSources.schedules(cfg));
            made = once ? null : cfg.cluster().enabled()
                    ? PassScheduler.clustered("watchfloor", threads, db.dataSource(), cfg.cluster().checkinInterval())
                    : new PassScheduler("watchfloor", threads);
            ArticlePipeline pipeline = Pipelines.create(cfg, db, reading.get(), compiling::get, announcer,
                    new ArticlePipeline.Observer() {
                        @Override
                        public void articleProcessed(int signals, Duration took) {
                            metrics.articleProcessed(signals, took);
                            progress.advanced(PipelineProgress.Kind.ARTICLES);
                        }

                        @Override
                        public void rulesEvaluated(Duration took) {
                            metrics.ruleEvaluation(took);
                        }

                        @Override
                        public void ruleFailed(String rule) {
                            metrics.ruleFailed(rule);
                        }
                    });
            CompiledRules rules = compiling.get();
            node.put("rules.loaded", StatusReport.describe(rules));
            int restored = pipeline.restoreHistory(cfg.rules().retentionDays());
            feeds = FeedSources.create(cfg, db, pipeline::process, Clock.systemUTC());
            List<Path> folders = cfg.sources().folders().stream().map(Path::of).toList();
            for (Path f : folders) {
                if (!Files.isDirectory(f)) {
                    LOG.warn("{}: folder not found (it will be scanned when it appears)", f);
                }
            }
            FolderPass pass = new FolderPass(folders, cfg.zone(), pipeline, new SourceStateStore(db),
                    Clock.systemUTC(), feeds.stories()::assign);
            clock.mark("pipeline (with the wait for the rules)");
            if (once) {
            LOG.info("watchfloor started: {} rules, {} recent signals restored, data in {}, email to {}",
                    rules.ruleNames().size(), restored, cfg.dataPath(), email.describe());
                FolderPass.Result r = pass.run();
                String feedSummary = feeds.feeds().isEmpty() ? null : FeedSources.summary(feeds.pollAll());
                // One pass means everything goes out now: do not wait for the group wait.
                int mails = email.deliverDueBy(Instant.now().plus(cfg.email().groupWait()));
                int news = r.outcomes().stream().mapToInt(o -> o.news().size()).sum();
                spec.commandLine().getOut().printf("%d new article%s of %d scanned; %d alert%s raised or updated;"
                                + " %d alerts on record (%s); %d email%s sent to %s%n",
                        r.outcomes().size(), r.outcomes().size() == 1 ? "" : "s", r.scanned(), news,
                        news == 1 ? "" : "s", new AlertStore(db).count(), jsonl.file(), mails, mails == 1 ? "" : "s",
                        email.describe());
                if (feedSummary != null) {
                    spec.commandLine().getOut().println(feedSummary);
                }
                node.put("daemon.stopped", Times.second(Instant.now()));
                return Main.OK;
            }
            RuleReload reload = new RuleReload(cfg.rulesPath(), Pipelines.ruleCompiler(cfg), pipeline,
                    ActorCatalog.loadDefault(), reading.get().parser(), Clock.systemUTC());
            metrics.rulesReload(reload::lastReloadSuccessful, reload::lastSuccess);
            String running = "running (pid " + ProcessHandle.current().pid() + ", started "
                    + Times.second(Instant.now()) + ")";
            Path snapshot = cfg.dataPath().resolve(StatusCommand.SNAPSHOT);
            HealthCheck health = new HealthCheck(List.of(
                    HealthCheck.sources(new SourceStateStore(db)),
                    HealthCheck.outbox(outbox, cfg.http().outboxLimit()), deliveries, progress,
                    new DiskSpace(cfg.dataPath(), cfg.http().diskFreeMin()),
                    HealthCheck.rules(reload::problem, pipeline.incidents()::problems)));
            HttpEndpoint http = null;
            if (cfg.http().enabled()) {
                try {
                    http = new HttpEndpoint(cfg.http().bind(), cfg.http().port(), health, metrics);
                } catch (java.net.SocketException e) {
                    throw new io.watchfloor.config.ConfigException("key 'http.port': cannot listen on "
                            + cfg.http().bind() + ":" + cfg.http().port() + " (" + e.getMessage() + ")");
                }
                http.mount(BoardSite.create(cfg, db, Clock.systemUTC()));
                http.start();
            }
            String healthUrl = http == null ? null : "http://" + loopbackOr(cfg.http().bind()) + ":" + http.port()
                    + "/health";
            Runnable publish = () -> new StatusSnapshot(ProcessHandle.current().pid(), healthUrl, Instant.now(),
                    health.check(), StatusReport.render(cfg, db, running)).write(snapshot);
            publish.run();
            try {
                return runForever(cfg, made, email, group -> {
                    // Other nodes sharing the store may have processed articles since the last poll.
                    pipeline.catchUp();
                    long start = System.nanoTime();
                    feeds.poll(group);
                    metrics.poll("feeds", Duration.ofNanos(System.nanoTime() - start));
                    publish.run();
                }, () -> {
                    long start = System.nanoTime();
                    FolderPass.Result r = pass.run();
                    metrics.poll("folder", Duration.ofNanos(System.nanoTime() - start));
                    if (!r.outcomes().isEmpty()) {
                        LOG.info("folder scan: {} new articles of {}", r.outcomes().size(), r.scanned());
                    }
                    publish.run();
                }, () -> {
                    RuleReload.Outcome o = reload.reload();
                    if (o.swapped()) {
                        node.put("rules.loaded", StatusReport.describe(o.rules()));
                    }
                    publish.run();
                }, () -> reloadConfig(cfg, db, email, metered, pipeline, due), () -> {
                    clock.mark("scheduler");
                    LOG.info("ready: {} rules compiled, first poll scheduled, {} ms after JVM start ({}; rules {} ms"
                                    + " and lexicon {} ms meanwhile)", rules.ruleNames().size(), clock.uptimeMillis(),
                            clock.phases(), compiling.millis(), reading.millis());
                    LOG.info("watchfloor started: {} rules, {} recent signals restored, data in {}, email to {}",
                            rules.ruleNames().size(), restored, cfg.dataPath(), email.describe());
                    // The actor catalogue's people and automaton, and the parser's models: now that the start is over.
                    if (pipeline.extractor() instanceof SignalExtractor x) {
                        x.prepareInBackground();
                    }
                });
            } finally {
                if (http != null) {
                    http.close();
                }
                node.put("daemon.stopped", Times.second(Instant.now()));
                Files.deleteIfExists(snapshot);
            }
        }
    }

    /** The configuration the daemon runs with; SIGHUP may replace its email part. */
    private volatile WatchfloorConfig running;

    /**
     * Re-reads the config file. A file with errors is refused (logged, sent to admins) and the running configuration
     * stays. Email settings (SMTP, recipients, routing, grouping, silences, templates) apply at once; other changed
     * sections are named as needing a restart.
     */
    private void reloadConfig(WatchfloorConfig start, Database db, LiveEmail email,
                              java.util.function.UnaryOperator<io.watchfloor.notify.Mailer> metered,
                              ArticlePipeline pipeline, java.util.function.Consumer<Instant> due) {
        WatchfloorConfig current = running == null ? start : running;
        WatchfloorConfig next;
        try {
            next = new ConfigLoader().load(config);
        } catch (io.watchfloor.config.ConfigException e) {
            LOG.error("config not reloaded, the running configuration stays: {}", e.getMessage());
            pipeline.adminNotice(new io.watchfloor.notify.AdminNotice("INFO",
                    "Config change rejected: the running configuration stays", List.of(e.getMessage()),
                    Instant.now()));
            return;
        }
        if (!next.email().equals(current.email())) {
            email.replace(Pipelines.email(next, db, Clock.systemUTC(), metered, due, NodeId.of(start)));
            LOG.info("config reloaded: email settings applied (email to {})", email.describe());
        }
        for (var c : WatchfloorConfig.class.getRecordComponents()) {
            try {
                if (!c.getName().equals("email")
                        && !java.util.Objects.equals(c.getAccessor().invoke(current), c.getAccessor().invoke(next))) {
                    LOG.warn("config: '{}' changed; restart watchfloor to apply it", c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        running = new WatchfloorConfig(current.dataDir(), current.rulesDir(), current.timezone(), current.sources(),
                current.rules(), current.extract(), current.database(), current.alerts(), next.email(),
                current.http(), current.cluster());
    }

    /** Where {@code status} on this host reaches an endpoint bound to {@code bind}: any address means loopback. */
    private static String loopbackOr(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.isBlank() ? "127.0.0.1"
                : bind.contains(":") ? "[" + bind + "]" : bind;
    }

    private int runForever(WatchfloorConfig cfg, PassScheduler scheduler, LiveEmail email,
                           java.util.function.Consumer<List<FeedSpec>> pollFeeds, Runnable scan,
                           Runnable reloadRules, Runnable reloadConfig, Runnable started) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGHUP reloads the rules (systemd's ExecReload sends it); without a handler the JVM would exit.
        try {
            SignalHandler before = Signal.handle(new Signal("HUP"), sig -> {
                LOG.info("SIGHUP: reloading the configuration and the rules");
                reloadConfig.run();
                reloadRules.run();
            });
            if (before == SignalHandler.SIG_IGN) {
                // Started with SIGHUP ignored (nohup does that): the JVM keeps it ignored, and a reload would be lost
                // without a word.
                LOG.warn("SIGHUP is ignored in this process (started under nohup?): 'kill -HUP' and 'systemctl reload'"
                        + " will not reload the configuration or the rules{}; restart watchfloor to apply changes, or"
                        + " start it without nohup (as a service, or with setsid)",
                        cfg.rules().watch() ? " (rule files are still reloaded when they change)" : "");
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP reload is not available on this platform: {}", e.getMessage());
        }
        RuleFolderWatcher watcher = null;
        if (cfg.rules().watch()) {
            watcher = new RuleFolderWatcher(cfg.rulesPath(), 300, reloadRules);
            watcher.start();
        }
        scheduler.every(SCAN_JOB, cfg.sources().scanInterval(), progress.job(SCAN_JOB, PipelineProgress.Kind.ARTICLES,
                cfg.sources().scanInterval(), scan));
        // Files dropped into a folder are read once the folder has settled, not at the next scan; the periodic scan
        // stays, for filesystems that send no change events. Through the scheduler, so that a scan never overlaps
        // another one, on any node.
        FolderWatcher folderWatcher = null;
        if (cfg.sources().watch()) {
            try {
                folderWatcher = new FolderWatcher(cfg.sources().folders().stream().map(Path::of).toList(),
                        cfg.sources().settleDelay(), () -> scheduler.runNow(SCAN_JOB));
            } catch (IOException e) {
                LOG.warn("cannot watch the folders for changes ({}); they are scanned every {}", e.getMessage(),
                        cfg.sources().scanInterval());
            }
        }
        // One job per feed schedule (feeds sharing an interval are polled together, concurrently); a job never
        // overlaps itself and a feed is never polled twice at once.
        feeds.bySchedule().forEach((interval, group) -> {
            String name = "feeds-every-" + interval.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
            scheduler.every(name, interval, progress.job(name, PipelineProgress.Kind.ARTICLES, interval,
                    () -> pollFeeds.accept(group)));
        });
        scheduler.every(DELIVERY_JOB, cfg.email().deliveryInterval(), progress.job(DELIVERY_JOB,
                PipelineProgress.Kind.EMAIL, cfg.email().deliveryInterval(), email::deliverDue));
        if (cfg.email().digest().enabled()) {
            scheduler.cron("daily-digest", cfg.email().digest().cron(), cfg.zone(), () -> {
                int n = email.queueDigests();
                LOG.info("daily digest queued for {} recipient{}", n, n == 1 ? "" : "s");
                if (n > 0) {
                    scheduler.runNow(DELIVERY_JOB);
                }
            });
        }
        this.scheduler = scheduler;
        // One ordered shutdown: stop scheduling, let the running pass finish, then let the store close.
        Thread hook = new Thread(() -> {
            LOG.info("stopping: waiting for running work to finish");
            stopped.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchfloor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.start();
        if (folderWatcher != null) {
            folderWatcher.start();
        }
        // Said once everything is in place (signal handlers included): tests and operators may act on it.
        started.run();
        stopped.await();
        if (watcher != null) {
            watcher.close();
        }
        if (folderWatcher != null) {
            folderWatcher.close();
        }
        // Running work gets a bound to finish (under systemd's TimeoutStopSec); what is cut short is redone after a
        // restart, since an article counts as processed only once its transaction has committed.
        Thread closing = new Thread(scheduler::close, "watchfloor-scheduler-stop");
        closing.start();
        closing.join(STOP_BOUND.toMillis());
        if (closing.isAlive()) {
            LOG.warn("running work did not finish within {}; stopping anyway (it is redone at the next start)",
                    STOP_BOUND);
        }
        LOG.info("stopped");
        return Main.OK;
    }

    static final String SCAN_JOB = "folder-scan";
    static final String DELIVERY_JOB = "email-delivery";

    /** What /health knows of the jobs' progress. */
    private PipelineProgress progress;

    /** The running scheduler, once there is one (queued email asks it to run the delivery when due). */
    private volatile PassScheduler scheduler;

    /** How long a stop waits for running jobs (the unit gives the whole stop 60 s). */
    static final Duration STOP_BOUND = Duration.ofSeconds(40);

    private static void createDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }
}
