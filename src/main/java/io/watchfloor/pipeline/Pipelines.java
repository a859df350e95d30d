package io.watchfloor.pipeline;

import io.watchfloor.alert.ActorNames;
import io.watchfloor.alert.AlertAssembler;
import io.watchfloor.alert.AlertCorrelator;
import io.watchfloor.config.ConfigException;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.Country;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.notify.Notifier;
import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleProblem;
import io.watchfloor.rules.RuleSettings;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the pipeline from the configuration: the one place where the stages are chosen and connected. */
public final class Pipelines {
    private Pipelines() { }

    /** Compiles the rules folder; at start-up there is no last good rule set to fall back on, so errors are fatal. */
    public static CompiledRules compileRules(WatchfloorConfig cfg) {
        CompileResult r = new RuleCompiler().compile(cfg.rulesPath());
        if (!r.ok()) {
            throw new ConfigException(r.errors().stream().map(RuleProblem::toString)
                    .collect(Collectors.joining("\n")));
        }
        return r.rules().orElseThrow();
    }

    public static ArticlePipeline create(WatchfloorConfig cfg, Database db, CompiledRules rules,
                                         List<Notifier> notifiers) {
        ActorCatalog catalog = ActorCatalog.loadDefault();
        SignalExtractor extractor;
        try {
            extractor = SignalExtractor.load(catalog, cfg.rulesPath().resolve("lexicon"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        RuleSettings settings = new RuleSettings(cfg.rules().freshnessDays(), cfg.rules().retentionDays());
        return new ArticlePipeline(extractor, new RuleEngine(rules, settings), new AlertAssembler(names(catalog)),
                new AlertCorrelator(new AlertStore(db), cfg.rules().corroborationDays()), new ArticleStore(db),
                notifiers);
    }

    static ActorNames names(ActorCatalog catalog) {
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
