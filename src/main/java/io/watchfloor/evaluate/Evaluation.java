package io.watchfloor.evaluate;

import io.watchfloor.extract.Extractor;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores an extractor against labeled articles: per article, extracted signals are matched to the labels on
 * (type, actor, target, eventDate, planned); a match is a true positive, an extracted signal without a label a
 * false alarm, a label without a signal a miss.
 */
public final class Evaluation {
    private Evaluation() { }

    /**
     * @param dir      the folder the label file names are relative to
     * @param articles the articles read from it
     * @param labels   the labels; every labeled file must be among the articles
     * @throws IllegalArgumentException when a label names an article that is not there, or one article is labeled
     *                                  twice
     */
    public static Report run(Extractor extractor, Path dir, List<FileArticle> articles, List<ArticleLabels> labels) {
        Map<String, FileArticle> byFile = new LinkedHashMap<>();
        for (FileArticle f : articles) {
            byFile.put(relative(dir, f.path()), f);
        }
        Set<String> seen = new HashSet<>();
        for (ArticleLabels l : labels) {
            if (!byFile.containsKey(l.file())) {
                throw new IllegalArgumentException(l.source() + ": no such article in " + dir);
            }
            if (!seen.add(l.file())) {
                throw new IllegalArgumentException(l.source() + ": article labeled twice");
            }
        }
        Map<SignalType, int[]> counts = new EnumMap<>(SignalType.class); // tp, fp, fn
        List<Report.Finding> misses = new ArrayList<>();
        List<Report.Finding> falseAlarms = new ArrayList<>();
        List<Report.Finding> trapHits = new ArrayList<>();
        List<Report.Finding> wrongEvidence = new ArrayList<>();
        long nanos = 0;
        long bytes = 0;
        for (ArticleLabels l : labels) {
            FileArticle f = byFile.get(l.file());
            long t0 = System.nanoTime();
            List<Signal> got = extractor.extract(f.article());
            nanos += System.nanoTime() - t0;
            bytes += f.article().title().length() + f.article().body().length();
            Map<ExpectedSignal.Key, Signal> extracted = new LinkedHashMap<>();
            for (Signal s : got) {
                extracted.putIfAbsent(ExpectedSignal.keyOf(s), s);
            }
            Map<ExpectedSignal.Key, ExpectedSignal> expected = new LinkedHashMap<>();
            for (ExpectedSignal e : l.signals()) {
                expected.putIfAbsent(e.key(), e);
            }
            for (Map.Entry<ExpectedSignal.Key, ExpectedSignal> e : expected.entrySet()) {
                Signal s = extracted.get(e.getKey());
                int[] c = counts.computeIfAbsent(e.getKey().type(), t -> new int[3]);
                if (s == null) {
                    c[2]++;
                    misses.add(new Report.Finding(l.file(), e.getKey(), null));
                } else {
                    c[0]++;
                    String want = e.getValue().evidence();
                    if (want != null && !s.evidence().contains(want)) {
                        wrongEvidence.add(new Report.Finding(l.file(), e.getKey(), s.evidence()));
                    }
                }
            }
            for (Map.Entry<ExpectedSignal.Key, Signal> e : extracted.entrySet()) {
                if (l.trap() && e.getKey().type().escalation()) {
                    trapHits.add(new Report.Finding(l.file(), e.getKey(), e.getValue().evidence()));
                }
                if (!expected.containsKey(e.getKey())) {
                    counts.computeIfAbsent(e.getKey().type(), t -> new int[3])[1]++;
                    falseAlarms.add(new Report.Finding(l.file(), e.getKey(), e.getValue().evidence()));
                }
            }
        }
        Map<SignalType, Report.Score> perType = new EnumMap<>(SignalType.class);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<SignalType, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            perType.put(e.getKey(), new Report.Score(c[0], c[1], c[2]));
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        int traps = (int) labels.stream().filter(ArticleLabels::trap).count();
        return new Report(labels.size(), traps, articles.size() - labels.size(), perType, new Report.Score(tp, fp, fn),
                misses, falseAlarms, trapHits, wrongEvidence, nanos, bytes);
    }

    static String relative(Path dir, Path file) {
        Path rel;
        try {
            rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            rel = file.getFileName();
        }
        return rel.toString().replace('\\', '/');
    }
}
