package io.watchfloor.pipeline;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.SourceStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The same articles in different orders of arrival, and what differs in the alerts on record afterwards. One order is
 * the reference: every article in one folder pass, in publication order, as {@code watchfloor replay} takes them.
 * The others drop the articles into a watched folder one at a time, a pass after each, as a running daemon reads a
 * drop folder. Used by {@code ShuffledArrivalTest} and by {@code bench/arrival.sh}.
 */
public final class ArrivalOrders {
    private final WatchfloorConfig cfg;
    private final CompiledRules rules;

    public ArrivalOrders(WatchfloorConfig cfg, CompiledRules rules) {
        this.cfg = cfg;
        this.rules = rules;
    }

    /** The article files under {@code folders} (each with its sidecar, if any), in publication order. */
    public static List<Path> articles(List<Path> folders) {
        return new FolderSource(folders, ZoneOffset.UTC).scan().articles().stream()
                .sorted(Comparator.comparing((FileArticle f) -> f.article().published())
                        .thenComparing(f -> f.path().toString()))
                .map(FileArticle::path).toList();
    }

    /** {@code files} in a random order drawn from {@code seed}. */
    public static List<Path> shuffled(List<Path> files, long seed) {
        List<Path> out = new ArrayList<>(files);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** The alerts on record after all of {@code files} came at once (one pass reads them in publication order). */
    public List<Alert> atOnce(List<Path> files, Path work) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("at-once-" + UUID.randomUUID()));
        for (Path f : files) {
            drop(f, inbox);
        }
        try (Database db = Database.inMemory("arrival-" + UUID.randomUUID())) {
            pass(inbox, db).run();
            return new AlertStore(db).all();
        }
    }

    /** The alerts on record after {@code files} came one at a time, in this order, with a folder pass after each. */
    public List<Alert> oneByOne(List<Path> files, Path work) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("one-by-one-" + UUID.randomUUID()));
        try (Database db = Database.inMemory("arrival-" + UUID.randomUUID())) {
            FolderPass pass = pass(inbox, db);
            for (Path f : files) {
                drop(f, inbox);
                pass.run();
            }
            return new AlertStore(db).all();
        }
    }

    private FolderPass pass(Path inbox, Database db) {
        return new FolderPass(List.of(inbox), ZoneOffset.UTC, Pipelines.create(cfg, db, rules, List.of()),
                new SourceStateStore(db), Clock.systemUTC());
    }

    /** Copies an article into the folder, its sidecar first (as an atomic delivery of both would look). */
    private static void drop(Path article, Path inbox) throws IOException {
        Path meta = article.resolveSibling(article.getFileName() + ".meta.yaml");
        if (Files.exists(meta)) {
            Files.copy(meta, inbox.resolve(meta.getFileName()));
        }
        Files.copy(article, inbox.resolve(article.getFileName()));
    }

    /**
     * How the alerts of another order differ from the reference's.
     *
     * @param identical   alerts with the same id, severity, sources and reports in both
     * @param redated     alerts of the same situation (rule, type, actors) dated differently, within the
     *                    corroboration window of one in the reference: an alert carries the date of the first report
     *                    that raised it, and reports of one event may disagree on its date by a day or two
     * @param lost        alerts of the reference with no alert of the same situation within the corroboration window
     *                    in the other order, and the other way round ({@code found})
     * @param familiesDiffering situations (rule, type, actors) whose alerts together hold other reports or another
     *                    highest severity in the other order
     * @param spiralsDiffering of those, spirals (which cite the first report of each move the rules held)
     * @param severitiesDiffering situations whose alerts reach another highest severity in the other order
     */
    public record Comparison(int reference, int other, int identical, int redated, List<String> lost,
                             List<String> found, List<String> familiesDiffering, int spiralsDiffering,
                             List<String> severitiesDiffering) {
        public String summary() {
            return String.format("%d alerts (reference %d): %d identical, %d dated differently within the corroboration"
                    + " window, %d of the reference without a counterpart, %d new; %d situations with other reports or"
                    + " severity (%d of them spirals; %d with another severity)", other, reference, identical, redated,
                    lost.size(), found.size(), familiesDiffering.size(), spiralsDiffering, severitiesDiffering.size());
        }
    }

    public static Comparison compare(List<Alert> reference, List<Alert> other, int corroborationDays) {
        Map<String, Alert> byId = new TreeMap<>();
        other.forEach(a -> byId.put(a.id(), a));
        int identical = 0;
        for (Alert a : reference) {
            Alert b = byId.get(a.id());
            if (b != null && b.severity() == a.severity() && b.sources() == a.sources()
                    && reports(List.of(a)).equals(reports(List.of(b)))) {
                identical++;
            }
        }
        List<String> lost = unmatched(reference, other, corroborationDays);
        List<String> found = unmatched(other, reference, corroborationDays);
        Set<String> refIds = new TreeSet<>();
        reference.forEach(a -> refIds.add(a.id()));
        int redated = (int) other.stream().filter(a -> !refIds.contains(a.id()))
                .filter(a -> counterpart(a, reference, corroborationDays)).count();
        Map<String, List<Alert>> refFamilies = families(reference);
        Map<String, List<Alert>> otherFamilies = families(other);
        List<String> differing = new ArrayList<>();
        Set<String> keys = new TreeSet<>(refFamilies.keySet());
        keys.addAll(otherFamilies.keySet());
        List<String> severities = new ArrayList<>();
        int spirals = 0;
        for (String k : keys) {
            List<Alert> x = refFamilies.getOrDefault(k, List.of());
            List<Alert> y = otherFamilies.getOrDefault(k, List.of());
            if (!highest(x).equals(highest(y))) {
                severities.add(k);
            }
            if (!reports(x).equals(reports(y)) || !highest(x).equals(highest(y))) {
                differing.add(k);
                spirals += k.startsWith("escalation-spiral ") ? 1 : 0;
            }
        }
        return new Comparison(reference.size(), other.size(), identical, redated, lost, found, differing, spirals,
                severities);
    }

    private static String situation(Alert a) {
        return a.rule() + " " + a.type() + " " + a.actors();
    }

    private static Map<String, List<Alert>> families(List<Alert> alerts) {
        Map<String, List<Alert>> out = new TreeMap<>();
        alerts.forEach(a -> out.computeIfAbsent(situation(a), k -> new ArrayList<>()).add(a));
        return out;
    }

    private static Set<String> reports(List<Alert> alerts) {
        Set<String> out = new TreeSet<>();
        for (Alert a : alerts) {
            for (Evidence e : a.evidence()) {
                out.add(Path.of(e.articleId()).getFileName() + "|" + e.sentence());
            }
        }
        return out;
    }

    private static String highest(List<Alert> alerts) {
        return alerts.stream().map(Alert::severity).max(Comparator.naturalOrder()).map(Enum::name).orElse("none");
    }

    private static boolean counterpart(Alert a, List<Alert> in, int days) {
        return in.stream().anyMatch(b -> situation(b).equals(situation(a))
                && Math.abs(b.eventDate().toEpochDay() - a.eventDate().toEpochDay()) <= days);
    }

    private static List<String> unmatched(List<Alert> from, List<Alert> in, int days) {
        return from.stream().filter(a -> !counterpart(a, in, days))
                .map(a -> situation(a) + " " + a.eventDate() + " " + a.severity()).sorted().toList();
    }

}
