package io.watchfloor.pipeline;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.extract.parse.SentenceParser;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleProblem;
import io.watchfloor.rules.RulesRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the admin's rules and lexicon off to the side and swaps them into the pipeline between two articles. A
 * broken change keeps the last good rules running; its errors are logged with file and line and sent to admins.
 */
public final class RuleReload {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReload.class);

    /** What a reload did. */
    public record Outcome(boolean swapped, CompiledRules rules, List<RuleProblem> problems) { }

    private final Path rulesDir;
    private final ArticlePipeline pipeline;
    private final ActorCatalog catalog;
    private final SentenceParser parser;
    private final Clock clock;
    private final AtomicInteger good = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();
    private volatile String problem;
    private final RuleCompiler compiler;
    private volatile Instant lastSuccess;

    /** @param parser what the reloaded extractor parses with: the one the pipeline's extractor uses */
    public RuleReload(Path rulesDir, ArticlePipeline pipeline, ActorCatalog catalog, SentenceParser parser,
                      Clock clock) {
        this(rulesDir, new RuleCompiler(), pipeline, catalog, parser, clock);
    }

    /** @param compiler the daemon's, which keeps what it compiled for the next start */
    public RuleReload(Path rulesDir, RuleCompiler compiler, ArticlePipeline pipeline, ActorCatalog catalog,
                      SentenceParser parser, Clock clock) {
        this.rulesDir = rulesDir;
        this.compiler = compiler;
        this.pipeline = pipeline;
        this.catalog = catalog;
        this.parser = parser;
        this.clock = clock;
        this.lastSuccess = pipeline.rules().compiledAt();
    }

    public synchronized Outcome reload() {
        CompileResult compiled = compiler.compile(rulesDir);
        List<RuleProblem> problems = new ArrayList<>(compiled.problems());
        SignalExtractor extractor = null;
        try {
            Path lexicon = rulesDir.resolve("lexicon");
            // The admin's additions to the actor catalogue are reloaded with the lexicon they sit beside.
            ActorCatalog actors = Files.isRegularFile(lexicon.resolve(ActorCatalog.ADDITIONS_FILE))
                    ? ActorCatalog.withAdditions(lexicon) : catalog;
            extractor = Pipelines.extractor(actors, lexicon, parser);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(rulesDir.resolve("lexicon").toString(), 0, true, e.getMessage()));
        }
        if (!compiled.ok() || extractor == null) {
            return refuse(problems.stream().filter(RuleProblem::error).map(RuleProblem::toString).toList(), problems);
        }
        CompiledRules rules = compiled.rules().orElseThrow();
        problems.stream().filter(p -> !p.error()).forEach(p -> LOG.warn("{}", p));
        try {
            pipeline.swap(rules, extractor);
        } catch (RulesRefusedException e) {
            // Compiled, but threw or ran past the time limit on the signals in the rules' window.
            return refuse(e.problems(), problems);
        }
        problem = null;
        lastSuccess = clock.instant();
        good.incrementAndGet();
        LOG.info("rules reloaded: {} rules from {} files", rules.ruleNames().size(), rules.files().size());
        int cleared = pipeline.retrySetAside();
        if (cleared > 0) {
            LOG.info("{} set-aside article{} evaluated with the new rules", cleared, cleared == 1 ? "" : "s");
        }
        return new Outcome(true, rules, problems);
    }

    /** A change that is not taken: logged line by line, told to the admins; the last good rules keep running. */
    private Outcome refuse(List<String> lines, List<RuleProblem> problems) {
        LOG.error("rules not reloaded, the last good rules keep running: {} error{}", lines.size(),
                lines.size() == 1 ? "" : "s");
        lines.forEach(l -> LOG.error("    {}", l));
        pipeline.adminNotice(new AdminNotice("WARNING", "Rule change rejected in " + rulesDir
                + ": the last good rules keep running", lines, clock.instant()));
        problem = lines.isEmpty() ? "a rule change was refused" : lines.get(0)
                + (lines.size() > 1 ? " (+" + (lines.size() - 1) + " more)" : "");
        broken.incrementAndGet(); // counted once reported: callers waiting on it see the notice
        return new Outcome(false, pipeline.rules(), problems);
    }

    /** Whether the last reload was taken (true before any: the rules the daemon started with compiled). */
    public boolean lastReloadSuccessful() {
        return problem == null;
    }

    /** When rules were last loaded successfully: at start, or the last reload that was taken. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** The first error of the last refused change, or null when the rules on disk are the rules running. */
    public String problem() {
        return problem;
    }

    /** Reloads that swapped new rules in. */
    public int swaps() {
        return good.get();
    }

    /** Reloads that were refused. */
    public int rejections() {
        return broken.get();
    }
}
