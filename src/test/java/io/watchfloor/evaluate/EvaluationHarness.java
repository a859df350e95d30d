package io.watchfloor.evaluate;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Scores the signals the shipped lexicon extracts from a folder against labels files, article by article (no rules:
 * the alerts that {@code watchfloor evaluate} also checks are not needed here).
 */
final class EvaluationHarness {
    private static SignalExtractor extractor;

    private EvaluationHarness() { }

    static synchronized SignalExtractor extractor() {
        if (extractor == null) {
            extractor = SignalExtractor.load(ActorCatalog.loadDefault(), Path.of("rules", "lexicon"));
        }
        return extractor;
    }

    static Report evaluate(Path dir, List<Path> labelFiles) {
        List<ArticleLabel> labels = new ArrayList<>();
        labelFiles.forEach(f -> labels.addAll(LabelFiles.load(f)));
        FolderSource.ScanResult scan = new FolderSource(List.of(dir), ZoneId.of("UTC")).scan();
        List<ReplayedArticle> replayed = new ArrayList<>();
        for (FileArticle f : scan.articles()) {
            String name = dir.relativize(f.path()).toString().replace('\\', '/');
            replayed.add(new ReplayedArticle(f.article().id(), name, extractor().extract(f.article()), List.of()));
        }
        List<String> present = replayed.stream().map(ReplayedArticle::name).toList();
        return Evaluation.score(dir.toString(), labels, present, replayed, StreamExpectations.NONE);
    }

    static String text(Report r) {
        StringWriter w = new StringWriter();
        r.print(new PrintWriter(w, true), EnumSet.allOf(Report.Section.class));
        return w.toString();
    }
}
