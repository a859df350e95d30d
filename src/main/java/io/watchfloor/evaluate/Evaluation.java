package io.watchfloor.evaluate;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Signal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scores one set of articles against its labels: each labeled article's signals are judged by its label (see
 * {@link SignalListLabel} and {@link RequireLabel}); an alert whose articles are all traps is a trap alert; the
 * expected streams of alerts are looked for among all the set's alerts.
 */
public final class Evaluation {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::article)
            .thenComparing(Finding::what);

    private Evaluation() { }

    /**
     * @param set      the set's name, for the report
     * @param labels   the labels, in any of the formats
     * @param present  every article file of the set (as relative names), read or not: a label must name one
     * @param replayed the articles replayed, in replay order
     * @throws IllegalArgumentException when a label names an article that is not there, or an article is labeled
     *                                  twice
     */
    public static Report score(String set, List<? extends ArticleLabel> labels, Collection<String> present,
                               List<ReplayedArticle> replayed, StreamExpectations streams) {
        Map<ArticleLabel.Naming, Map<String, ArticleLabel>> index = new EnumMap<>(ArticleLabel.Naming.class);
        for (ArticleLabel l : labels) {
            if (index.computeIfAbsent(l.naming(), n -> new TreeMap<>()).putIfAbsent(l.key(), l) != null) {
                throw new IllegalArgumentException(l.source() + ": article labeled twice");
            }
        }
        for (Map.Entry<ArticleLabel.Naming, Map<String, ArticleLabel>> e : index.entrySet()) {
            Set<String> keys = present.stream().map(e.getKey()::keyOf).collect(Collectors.toSet());
            for (ArticleLabel l : e.getValue().values()) {
                if (!keys.contains(l.key())) {
                    throw new IllegalArgumentException(l.source() + ": no such article in " + set);
                }
            }
        }
        Map<ArticleLabel, List<Signal>> signals = new IdentityHashMap<>();
        Set<String> trapIds = new HashSet<>();
        for (ReplayedArticle r : replayed) {
            for (ArticleLabel l : labelsOf(index, r.name())) {
                signals.computeIfAbsent(l, k -> new ArrayList<>()).addAll(r.signals());
                if (l.trap()) {
                    trapIds.add(r.id());
                }
            }
        }
        Map<String, int[]> counts = new TreeMap<>(Kinds.ORDER); // tp, fp, fn
        List<Finding> misses = new ArrayList<>();
        List<Finding> falseAlarms = new ArrayList<>();
        List<Finding> wrongEvidence = new ArrayList<>();
        int traps = 0;
        for (Map<String, ArticleLabel> byKey : index.values()) {
            for (ArticleLabel l : byKey.values()) {
                ArticleLabel.Judgement j = l.judge(signals.getOrDefault(l, List.of()));
                j.hits().forEach(k -> counts.computeIfAbsent(k, x -> new int[3])[0]++);
                j.falseAlarms().forEach(f -> counts.computeIfAbsent(f.kind(), x -> new int[3])[1]++);
                j.misses().forEach(f -> counts.computeIfAbsent(f.kind(), x -> new int[3])[2]++);
                misses.addAll(j.misses());
                falseAlarms.addAll(j.falseAlarms());
                wrongEvidence.addAll(j.wrongEvidence());
                traps += l.trap() ? 1 : 0;
            }
        }
        Map<String, Report.Score> perType = new TreeMap<>(Kinds.ORDER);
        int[] all = new int[3];
        counts.forEach((k, c) -> {
            perType.put(k, new Report.Score(c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        });
        Map<String, String> names = new TreeMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (ReplayedArticle r : replayed) {
            names.put(r.id(), r.name());
            alerts.addAll(r.alerts());
        }
        List<Report.AlertFinding> trapAlerts = alerts.stream()
                .filter(a -> !a.articles().isEmpty() && trapIds.containsAll(a.articles()))
                .map(a -> Report.AlertFinding.of(a, names)).toList();
        long unlabeled = present.stream().filter(p -> index.entrySet().stream()
                .noneMatch(e -> e.getValue().containsKey(e.getKey().keyOf(p)))).count();
        misses.sort(ORDER);
        falseAlarms.sort(ORDER);
        wrongEvidence.sort(ORDER);
        return new Report(set, labels.size(), traps, (int) unlabeled, perType, new Report.Score(all[0], all[1], all[2]),
                misses, falseAlarms, wrongEvidence, trapAlerts, streams.expected().size(),
                streams.unmet(alerts).stream().map(StreamExpectations.Expected::toString).toList());
    }

    private static List<ArticleLabel> labelsOf(Map<ArticleLabel.Naming, Map<String, ArticleLabel>> index,
                                               String name) {
        List<ArticleLabel> out = new ArrayList<>(1);
        index.forEach((naming, byKey) -> {
            ArticleLabel l = byKey.get(naming.keyOf(name));
            if (l != null) {
                out.add(l);
            }
        });
        return out;
    }
}
