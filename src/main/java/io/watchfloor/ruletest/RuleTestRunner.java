package io.watchfloor.ruletest;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.ArticleMeta;
import io.watchfloor.ingest.ArticleParser;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.ingest.ParseResult;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Sha256;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs rule tests like promtool runs Prometheus rule tests: each file's inputs go through the real pipeline (the
 * rules under test, a private in-memory store) in publication order, then the alerts on record are compared with
 * what the file expects.
 */
public final class RuleTestRunner {
    private final Path rulesDir;
    private final CompiledRules rules;
    private final RuleTestLoader loader = new RuleTestLoader();

    public RuleTestRunner(Path rulesDir, CompiledRules rules) {
        this.rulesDir = rulesDir;
        this.rules = rules;
    }

    /** The test files in {@code rulesDir/tests}, in name order. */
    public List<Path> testFiles() throws IOException {
        Path dir = rulesDir.resolve("tests");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    public RuleTestResult run(Path file) {
        RuleTestCase test;
        List<Input> inputs;
        try {
            test = loader.load(file);
            inputs = inputs(file, test);
        } catch (IllegalArgumentException e) {
            return new RuleTestResult(file, file.getFileName().toString(), false, List.of(e.getMessage()));
        }
        String name = test.name() == null ? file.getFileName().toString() : test.name();
        WatchfloorConfig cfg = WatchfloorConfig.withRules(rulesDir.toString());
        List<Alert> alerts;
        try (Database db = Database.inMemory("ruletest-" + UUID.randomUUID())) {
            ArticlePipeline pipeline = Pipelines.create(cfg, db, rules, List.of());
            for (Input in : inputs) {
                // The store keeps a 64-character content key per article; a test article's is its id's hash (its id,
                // a path, may be longer).
                String key = Sha256.hex(in.article().id());
                if (in.signals() == null) {
                    pipeline.process(in.article(), key);
                } else {
                    pipeline.process(in.article(), key, in.signals());
                }
            }
            alerts = new AlertStore(db).all();
        }
        List<String> details = new ArrayList<>();
        for (RuleTestCase.AlertExpectation e : test.expect()) {
            if (alerts.stream().noneMatch(a -> differences(e, a).isEmpty())) {
                details.add("expected, not raised: " + describe(e));
                alerts.stream().min(Comparator.comparingInt(a -> differences(e, a).size())).ifPresent(a ->
                        details.add("    closest: " + describe(a) + "  -- differs in " + String.join(", ",
                                differences(e, a))));
            }
        }
        for (RuleTestCase.AlertExpectation e : test.absent()) {
            alerts.stream().filter(a -> differences(e, a).isEmpty()).forEach(a ->
                    details.add("raised, expected absent: " + describe(a) + "  (matches " + describe(e) + ")"));
        }
        if (!details.isEmpty()) {
            details.add("alerts raised (" + alerts.size() + "):");
            alerts.forEach(a -> details.add("    " + describe(a)));
        }
        return new RuleTestResult(file, name, details.isEmpty(), details);
    }

    private record Input(Article article, List<Signal> signals) { }

    private List<Input> inputs(Path file, RuleTestCase test) {
        List<Input> out = new ArrayList<>();
        int n = 0;
        for (RuleTestCase.ArticleInput a : test.articles()) {
            n++;
            Article article;
            if (a.file() != null) {
                Path p = file.getParent().resolve(a.file()).normalize();
                List<String> warnings = new ArrayList<>();
                article = new FolderSource(List.of(), ZoneOffset.UTC).read(p, warnings).map(FileArticle::article)
                        .orElseThrow(() -> new IllegalArgumentException(file + ": articles[" + (out.size())
                                + "]: cannot read " + p + (warnings.isEmpty() ? "" : " (" + warnings + ")")));
            } else if (a.text() != null) {
                String id = file.getFileName() + "#article" + n;
                ParseResult r = new ArticleParser().parse(id, a.text(),
                        a.published() == null ? LocalDate.of(2000, 1, 1) : a.published(),
                        new ArticleMeta(a.published(), null, null, a.source()));
                article = r.article().orElseThrow(() -> new IllegalArgumentException(file + ": articles["
                        + out.size() + "]: " + String.join("; ", r.warnings())));
            } else {
                throw new IllegalArgumentException(file + ": articles[" + out.size() + "]: give 'file' or 'text'");
            }
            if (a.published() != null || a.source() != null) {
                article = new Article(article.id(), article.title(), article.body(),
                        a.published() != null ? a.published() : article.published(), article.link(),
                        a.source() != null ? a.source() : article.source());
            }
            out.add(new Input(article, null));
        }
        // Signals of the same publication date and source form one pseudo-article, as one report would.
        Map<String, List<RuleTestCase.SignalInput>> groups = new LinkedHashMap<>();
        for (RuleTestCase.SignalInput s : test.signals()) {
            if (s.type() == null || s.target() == null || s.eventDate() == null) {
                throw new IllegalArgumentException(file + ": signals[" + test.signals().indexOf(s)
                        + "]: type, target and eventDate are required");
            }
            LocalDate published = s.published() != null ? s.published() : s.eventDate();
            groups.computeIfAbsent(published + "|" + Objects.toString(s.source(), "test"), k -> new ArrayList<>())
                    .add(s);
        }
        for (Map.Entry<String, List<RuleTestCase.SignalInput>> g : groups.entrySet()) {
            RuleTestCase.SignalInput first = g.getValue().get(0);
            LocalDate published = first.published() != null ? first.published() : first.eventDate();
            String source = first.source() != null ? first.source() : "test";
            Article article = new Article(file.getFileName() + "#" + source + "@" + published,
                    "signals from " + source, "", published, null, source);
            List<Signal> signals = new ArrayList<>();
            for (RuleTestCase.SignalInput s : g.getValue()) {
                SignalType type;
                try {
                    type = SignalType.valueOf(s.type().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": signals: '" + s.type() + "' is not a signal type");
                }
                signals.add(new Signal(type, s.actor(), s.target(), s.eventDate(), Boolean.TRUE.equals(s.planned()),
                        s.evidence() != null ? s.evidence() : type + " " + s.actor() + ">" + s.target(), article,
                        0.9));
            }
            out.add(new Input(article, signals));
        }
        out.sort(Comparator.comparing((Input i) -> i.article().published()));
        return out;
    }

    private static List<String> differences(RuleTestCase.AlertExpectation e, Alert a) {
        List<String> d = new ArrayList<>();
        differ(d, "rule", e.rule(), a.rule());
        differ(d, "type", e.type(), a.type());
        differ(d, "category", e.category(), a.category().name());
        differ(d, "severity", e.severity(), a.severity().name());
        differ(d, "actors", e.actors(), a.actors());
        differ(d, "eventDate", e.eventDate(), a.eventDate());
        differ(d, "sources", e.sources(), a.sources());
        if (e.titleContains() != null && !a.title().contains(e.titleContains())) {
            d.add("title '" + a.title() + "' (expected to contain '" + e.titleContains() + "')");
        }
        return d;
    }

    private static void differ(List<String> d, String field, Object expected, Object actual) {
        if (expected != null && !String.valueOf(expected).equalsIgnoreCase(String.valueOf(actual))) {
            d.add(field + " " + actual + " (expected " + expected + ")");
        }
    }

    private static String describe(RuleTestCase.AlertExpectation e) {
        List<String> f = new ArrayList<>();
        add(f, "rule", e.rule());
        add(f, "type", e.type());
        add(f, "category", e.category());
        add(f, "severity", e.severity());
        add(f, "actors", e.actors());
        add(f, "eventDate", e.eventDate());
        add(f, "sources", e.sources());
        add(f, "titleContains", e.titleContains());
        return "{" + String.join(", ", f) + "}";
    }

    private static void add(List<String> f, String k, Object v) {
        if (v != null) {
            f.add(k + ": " + v);
        }
    }

    private static String describe(Alert a) {
        return a.rule() + " " + a.type() + " " + a.category() + " " + a.severity() + " " + a.actors() + " "
                + a.eventDate() + " sources=" + a.sources() + " \"" + a.title() + "\"";
    }
}
