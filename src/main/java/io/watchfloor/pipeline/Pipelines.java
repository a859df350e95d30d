package io.watchfloor.pipeline;

import io.watchfloor.alert.ActorNames;
import io.watchfloor.alert.AlertAssembler;
import io.watchfloor.alert.AlertBook;
import io.watchfloor.alert.AlertCorrelator;
import io.watchfloor.alert.Regions;
import io.watchfloor.alert.Router;
import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.ConfigException;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.notify.DigestComposer;
import io.watchfloor.notify.AdminMail;
import io.watchfloor.notify.DigestQueue;
import io.watchfloor.notify.SilenceEnds;
import io.watchfloor.notify.EmailDelivery;
import io.watchfloor.notify.EmlFileMailer;
import io.watchfloor.notify.Mailer;
import io.watchfloor.notify.MessageBuilder;
import io.watchfloor.notify.MessageRenderer;
import io.watchfloor.notify.OutboxNotifier;
import io.watchfloor.notify.SmtpMailer;
import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SetAsideStore;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.Country;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.extract.parse.CoreNlpParser;
import io.watchfloor.extract.parse.SentenceParser;
import io.watchfloor.notify.Notifier;
import io.watchfloor.rules.AnswerReader;
import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleCache;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleProblem;
import io.watchfloor.rules.RuleSettings;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.AlertSpill;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Builds the pipeline from the configuration: the one place where the stages are chosen and connected. */
public final class Pipelines {
    private Pipelines() { }

    /**
     * The daemon's rules, compiled or read back as last compiled (and then kept in the data folder); at start-up there
     * is no last good rule set to fall back on, so errors are fatal.
     */
    public static CompiledRules compileRules(WatchfloorConfig cfg) {
        return compileRules(cfg, ruleCompiler(cfg));
    }

    /** The configuration's rules, with {@code compiler} (a plain {@code new RuleCompiler()} writes nothing). */
    public static CompiledRules compileRules(WatchfloorConfig cfg, RuleCompiler compiler) {
        CompileResult r = compiler.compile(cfg.rulesPath());
        if (!r.ok()) {
            throw new ConfigException(r.errors().stream().map(RuleProblem::toString)
                    .collect(Collectors.joining("\n")));
        }
        return r.rules().orElseThrow();
    }

    /** The daemon's compiler: it keeps what it compiled in the data folder for the next start. */
    public static RuleCompiler ruleCompiler(WatchfloorConfig cfg) {
        return new RuleCompiler(RuleCache.in(cfg.compiledRulesDir()));
    }

    public static ArticlePipeline create(WatchfloorConfig cfg, Database db, CompiledRules rules,
                                         List<Notifier> notifiers) {
        return create(cfg, db, rules, notifiers, ArticlePipeline.Observer.NONE);
    }

    public static ArticlePipeline create(WatchfloorConfig cfg, Database db, CompiledRules rules,
                                         List<Notifier> notifiers, ArticlePipeline.Observer observer) {
        return create(cfg, db, () -> rules, notifiers, observer);
    }

    /**
     * {@code rules} is asked for only once the extractor is loaded: a start compiles the rules on another thread
     * meanwhile.
     */
    public static ArticlePipeline create(WatchfloorConfig cfg, Database db,
                                         Supplier<CompiledRules> rules, List<Notifier> notifiers,
                                         ArticlePipeline.Observer observer) {
        return create(cfg, db, rules, Announcer.of(notifiers), observer);
    }

    /** The daemon's pipeline: its announcer keeps the journal of changes that a start reconciles. */
    public static ArticlePipeline create(WatchfloorConfig cfg, Database db,
                                         Supplier<CompiledRules> rules, Announcer announcer,
                                         ArticlePipeline.Observer observer) {
        return create(cfg, db, extractor(cfg), rules, announcer, observer);
    }

    /**
     * The daemon's pipeline with an extractor made beforehand ({@link #extractor}): a start reads the actor catalogue
     * on another thread meanwhile.
     */
    public static ArticlePipeline create(WatchfloorConfig cfg, Database db, SignalExtractor extractor,
                                         Supplier<CompiledRules> rules, Announcer announcer,
                                         ArticlePipeline.Observer observer) {
        ActorCatalog catalog = extractor.catalog();
        RuleSettings settings = new RuleSettings(cfg.rules().freshnessDays(), cfg.rules().retentionDays(),
                cfg.rules().evaluationTimeout());
        return new ArticlePipeline(extractor, new RuleEngine(rules.get(), settings, answers(catalog)),
                new AlertAssembler(names(catalog), cfg.rules().freshnessDays()),
                new AlertCorrelator(new AlertStore(db), cfg.rules().corroborationDays()), new ArticleStore(db),
                new SetAsideStore(db), db.session(1), announcer, observer);
    }

    /** Articles a replay commits at once: its store is scratch, so a failure ends the replay anyway. */
    static final int REPLAY_UNITS_PER_COMMIT = 256;

    /**
     * A replay's pipeline on its private scratch store: articles committed in batches, nothing announced, and the
     * alerts' memory trusted as the store's content (no other writer can touch a scratch store).
     */
    public static ArticlePipeline replay(WatchfloorConfig cfg, Database db, CompiledRules rules,
                                         SignalExtractor extractor) {
        ActorCatalog catalog = extractor.catalog();
        RuleSettings settings = new RuleSettings(cfg.rules().freshnessDays(), cfg.rules().retentionDays(),
                cfg.rules().evaluationTimeout());
        ArticleStore articles = new ArticleStore(db);
        // Nothing reads a replay's signals back (the rules keep their own window): the article alone is recorded,
        // for an article the rules set aside.
        return new ArticlePipeline(extractor, new RuleEngine(rules, settings, answers(catalog)),
                new AlertAssembler(names(catalog), cfg.rules().freshnessDays()),
                new AlertCorrelator(new AlertBook(new AlertSpill(db)), cfg.rules().corroborationDays()), articles,
                (article, sha256, signals) -> articles.save(article, sha256, List.of()), new SetAsideStore(db),
                db.session(REPLAY_UNITS_PER_COMMIT), Announcer.of(List.of()), ArticlePipeline.Observer.NONE);
    }

    /**
     * A replay's ordered stage spread over {@code lanes} threads by pair of countries (for rules that join within
     * one pair: {@link CompiledRules#pairLocal()}), each lane with its own rule session and its own alerts in memory
     * (written out, when they no longer fit, to one spill in the scratch store).
     */
    public static PairLanes replayLanes(WatchfloorConfig cfg, Database db, CompiledRules rules,
                                        SignalExtractor extractor, int lanes) {
        ActorCatalog catalog = extractor.catalog();
        RuleSettings settings = new RuleSettings(cfg.rules().freshnessDays(), cfg.rules().retentionDays(),
                cfg.rules().evaluationTimeout());
        AnswerReader answers = answers(catalog);
        AlertAssembler assembler = new AlertAssembler(names(catalog), cfg.rules().freshnessDays());
        AlertSpill spill = new AlertSpill(db);
        List<PairLanes.Lane> made = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            made.add(new PairLanes.Lane(new RuleEngine(rules, settings, answers), assembler,
                    new AlertCorrelator(new AlertBook(spill), cfg.rules().corroborationDays())));
        }
        return new PairLanes(made);
    }

    /**
     * The sentence parser {@code extract.parser} names: the process's CoreNLP parser (its models start loading now, in
     * the background), or none (roles from the order of words).
     */
    public static SentenceParser parser(WatchfloorConfig cfg) {
        return cfg.extract().parses() ? CoreNlpParser.shared() : SentenceParser.NONE;
    }

    /**
     * The same parser with its models not loaded yet: they load on {@link SentenceParser#loadInBackground()} or for
     * the first sentence parsed (the daemon loads them once it is ready).
     */
    public static SentenceParser parserOnDemand(WatchfloorConfig cfg) {
        return cfg.extract().parses() ? CoreNlpParser.sharedOnDemand() : SentenceParser.NONE;
    }

    /**
     * The extractor of the event lexicon in {@code lexiconDir} reading with {@code parser}: how the daemon, a rule
     * reload, replay, evaluate and explain each make theirs.
     *
     * @throws IllegalArgumentException when the lexicon is missing or broken (the message names the file)
     */
    public static SignalExtractor extractor(ActorCatalog catalog, Path lexiconDir, SentenceParser parser) {
        return SignalExtractor.load(catalog, lexiconDir, parser);
    }

    /**
     * The extractor of the rules' lexicon folder: the shipped actor catalogue with the admin's additions
     * ({@code actors.yaml}) and the event lexicon, reading with the parser {@code extract.parser} names.
     *
     * @throws ConfigException naming the file and the entry when the lexicon or the additions are broken
     */
    public static SignalExtractor extractor(WatchfloorConfig cfg) {
        return extractor(cfg, parser(cfg));
    }

    /** The same, reading with {@code parser}. */
    public static SignalExtractor extractor(WatchfloorConfig cfg, SentenceParser parser) {
        try {
            ActorCatalog catalog = ActorCatalog.withAdditions(cfg.rulesPath().resolve("lexicon"));
            return extractor(catalog, cfg.rulesPath().resolve("lexicon"), parser);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** Email: the notifier that queues alerts, the job that delivers them, and the digest queue. */
    public record Email(OutboxNotifier notifier, EmailDelivery delivery, DigestQueue digests, Mailer mailer,
                        AdminMail admins, SilenceEnds silenceEnds) { }

    public static Email email(WatchfloorConfig cfg, Database db, Clock clock) {
        return email(cfg, db, clock, java.util.function.UnaryOperator.identity());
    }

    /** {@code wrap} may decorate the mailer (metrics). */
    public static Email email(WatchfloorConfig cfg, Database db, Clock clock,
                              java.util.function.UnaryOperator<Mailer> wrap) {
        return email(cfg, db, clock, wrap, t -> { });
    }

    public static Email email(WatchfloorConfig cfg, Database db, Clock clock,
                              java.util.function.UnaryOperator<Mailer> wrap,
                              java.util.function.Consumer<java.time.Instant> due) {
        return email(cfg, db, clock, wrap, due, LOCAL_NODE);
    }

    /** The node name where no daemon runs (tests, tools): its claims are released by no start. */
    public static final String LOCAL_NODE = "local";

    /**
     * {@code wrap} may decorate the mailer (metrics); {@code due} is told when a newly queued message becomes due, so
     * that the daemon delivers it then instead of at the next delivery tick; {@code node} names this node's claims
     * on messages.
     */
    public static Email email(WatchfloorConfig cfg, Database db, Clock clock,
                              java.util.function.UnaryOperator<Mailer> wrap,
                              java.util.function.Consumer<java.time.Instant> due, String node) {
        EmailConfig e = cfg.email();
        Router router = new Router(e, Regions.loadDefault());
        OutboxStore outbox = new OutboxStore(db);
        Mailer mailer;
        Session session;
        if (e.smtp().configured()) {
            SmtpMailer smtp = new SmtpMailer(e.smtp(), smtpPassword(e.smtp()));
            mailer = smtp;
            session = smtp.session();
        } else {
            mailer = new EmlFileMailer(cfg.outboxDir());
            session = Session.getInstance(new Properties());
        }
        mailer = wrap.apply(mailer);
        MessageRenderer renderer = new MessageRenderer(Path.of(e.templates()));
        AlertStore alerts = new AlertStore(db);
        ArticleStore articles = new ArticleStore(db);
        AcknowledgementStore acks = new AcknowledgementStore(db);
        DigestComposer digest = new DigestComposer(alerts, articles, router, renderer, cfg.zone(),
                a -> acks.line(a.id(), a.severity(), cfg.zone()));
        MessageBuilder builder = new MessageBuilder(session, e.from());
        EmailDelivery delivery = new EmailDelivery(outbox, alerts, articles, renderer, digest,
                new EmailDelivery.Sending(mailer, builder, e.retryInitial(), e.retryMax(), node), clock);
        SilenceSet silences = new SilenceSet(e.silences(), cfg.silencesFile());
        OutboxNotifier notifier = new OutboxNotifier(router, silences, outbox, e, clock, due, acks::acknowledged);
        return new Email(notifier, delivery, new DigestQueue(e, outbox, clock), mailer,
                new AdminMail(e.admins(), outbox, renderer, builder, clock),
                new SilenceEnds(silences, alerts, notifier, Duration.ofDays(cfg.rules().retentionDays()), clock));
    }

    /** The SMTP password: from the named environment variable, else from the named file; never from the config. */
    static String smtpPassword(EmailConfig.Smtp smtp) {
        String env = System.getenv(smtp.passwordEnv());
        if (env != null) {
            return env;
        }
        if (!smtp.passwordFile().isBlank()) {
            try {
                return Files.readString(Path.of(smtp.passwordFile())).strip();
            } catch (IOException ex) {
                throw new ConfigException("email.smtp.passwordFile: cannot read " + smtp.passwordFile() + " ("
                        + ex.getMessage() + ")");
            }
        }
        return null;
    }

    /**
     * Reads same-day order from reports ("hours after Iran struck, Pakistan retaliated"), knowing each country by the
     * names, adjectives and capitals of the actor catalog.
     */
    public static AnswerReader answers(ActorCatalog catalog) {
        return new AnswerReader(code -> catalog.byCode(code).map(c -> {
            List<String> forms = new ArrayList<>(c.names());
            forms.add(c.name());
            forms.addAll(c.adjectives());
            forms.addAll(c.capitals());
            return forms;
        }).orElse(List.of()));
    }

    /** Country names and adjectives for alert titles, from the actor catalog. */
    public static ActorNames names(ActorCatalog catalog) {
        return new ActorNames() {
            @Override
            public String name(String code) {
                return catalog.displayName(code);
            }

            @Override
            public String adjective(String code) {
                return catalog.byCode(code).map(Country::adjectives).filter(a -> !a.isEmpty()).map(a -> a.get(0))
                        .orElse(code);
            }
        };
    }
}
