package io.watchfloor.bench;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Signal;
import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleProblem;
import io.watchfloor.rules.RuleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmarks' inputs, built only through the main project's public entry points (as {@code Pipelines} and
 * {@code replay} build them), so that the stages can change inside without breaking the benchmarks.
 *
 * <p>System properties (set by bench/jmh.sh; JMH passes the host JVM's arguments on to its forks):
 * {@code bench.root} the project folder (default: the working directory), {@code bench.generated} a folder of
 * articles from bench/gen_articles.py (default: bench/jmh/target/articles), {@code bench.stats} a folder where each
 * benchmark writes what its input looked like (article count, bytes, signals), for the summary.
 */
final class Inputs {
    /** The two input sets: the hand-written labeled corpus (plus seeds/), and the synthetic generator's articles. */
    static final String CORPUS = "corpus";
    static final String GENERATED = "generated";

    private Inputs() { }

    static Path root() {
        return Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    }

    static Path generatedDir() {
        String g = System.getProperty("bench.generated");
        return g != null ? Path.of(g) : root().resolve("bench/jmh/target/articles");
    }

    /** The files of one input set, in name order. */
    static List<Path> files(String set) {
        List<Path> out = new ArrayList<>();
        switch (set) {
            case CORPUS -> {
                out.addAll(txt(root().resolve("src/test/resources/corpus")));
                out.addAll(txt(root().resolve("seeds")));
            }
            case GENERATED -> out.addAll(txt(generatedDir()));
            default -> throw new IllegalArgumentException("unknown input set " + set);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no articles for input set " + set + " (run bench/jmh.sh)");
        }
        return out;
    }

    private static List<Path> txt(Path dir) {
        // The generator writes 1,000 files to a subfolder.
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list", e);
        }
    }

    /** Every file of the set read as the folder scan reads it (decoding, sidecar, parsing); none may be dropped. */
    static List<FileArticle> read(String set) {
        FolderSource source = new FolderSource(List.of(), ZoneOffset.UTC);
        List<FileArticle> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path p : files(set)) {
            source.read(p, warnings).ifPresentOrElse(out::add, () -> {
                throw new IllegalStateException(p + ": not an article: " + warnings);
            });
        }
        return out;
    }

    /** The same articles in publication order (then id), as replay and the daemon's catch-up feed them to the rules. */
    static List<FileArticle> byPublication(List<FileArticle> articles) {
        return articles.stream()
                .sorted(Comparator.comparing((FileArticle f) -> f.article().published())
                        .thenComparing(f -> f.article().id()))
                .toList();
    }

    static long bytes(List<Path> files) {
        long n = 0;
        for (Path p : files) {
            try {
                n += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    /** config/watchfloor.yaml (and the WATCHFLOOR_* environment), with the rules folder made absolute. */
    static WatchfloorConfig config() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("WATCHFLOOR_RULESDIR", root().resolve("rules").toString());
        Path file = root().resolve("config/watchfloor.yaml");
        ConfigLoader loader = new ConfigLoader(env);
        return Files.isRegularFile(file) ? loader.read(file) : loader.load(null);
    }

    /** The extractor as {@code Pipelines.create} builds it: the default actor catalog and rules/lexicon. */
    static SignalExtractor extractor() {
        return extractor(FULL_CATALOGUE);
    }

    /** The shipped catalogue whole: countries, their divisions, people in their years, armed groups. */
    static final String FULL_CATALOGUE = "full";
    /** Its countries file alone (names, adjectives, capitals, cities, disputed places): no divisions, no people. */
    static final String COUNTRIES_ONLY = "countries";

    /** The same with the catalogue {@code catalogue} names: how much the catalogue's size costs per article. */
    static SignalExtractor extractor(String catalogue) {
        ActorCatalog catalog;
        if (catalogue.equals(COUNTRIES_ONLY)) {
            try (InputStream in = ActorCatalog.class.getResourceAsStream(ActorCatalog.DEFAULT_RESOURCE)) {
                catalog = ActorCatalog.load(in, "actors.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            catalog = ActorCatalog.loadDefault();
        }
        return SignalExtractor.load(catalog, root().resolve("rules").resolve("lexicon"));
    }

    static CompiledRules rules() {
        CompileResult r = new RuleCompiler().compile(root().resolve("rules"));
        if (!r.ok()) {
            throw new IllegalStateException(r.errors().stream().map(RuleProblem::toString)
                    .collect(Collectors.joining("\n")));
        }
        return r.rules().orElseThrow();
    }

    static RuleSettings settings() {
        WatchfloorConfig cfg = config();
        return new RuleSettings(cfg.rules().freshnessDays(), cfg.rules().retentionDays());
    }

    static List<List<Signal>> extractAll(SignalExtractor extractor, List<FileArticle> articles) {
        List<List<Signal>> out = new ArrayList<>(articles.size());
        for (FileArticle f : articles) {
            out.add(List.copyOf(extractor.extract(f.article())));
        }
        return out;
    }

    static int count(List<List<Signal>> signals) {
        return signals.stream().mapToInt(List::size).sum();
    }

    /** Ordered key/value pairs describing an input. */
    static Map<String, Object> stats() {
        return new LinkedHashMap<>();
    }

    /** Writes {@code name}.properties into the bench.stats folder, when one is given. */
    static void writeStats(String name, Map<String, Object> stats) {
        String dir = System.getProperty("bench.stats");
        if (dir == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        stats.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, name + ".properties"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
