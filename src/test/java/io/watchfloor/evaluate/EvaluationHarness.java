package io.watchfloor.evaluate;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FolderSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a folder against labels files the way {@code watchfloor evaluate} does, with the shipped lexicon. */
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
        List<ArticleLabels> labels = new ArrayList<>();
        LabelsLoader loader = new LabelsLoader();
        labelFiles.forEach(f -> labels.addAll(loader.load(f)));
        FolderSource.ScanResult scan = new FolderSource(List.of(dir), ZoneId.of("UTC")).scan();
        return Evaluation.run(extractor(), dir, scan.articles(), labels);
    }

    static String text(Report r) {
        StringWriter w = new StringWriter();
        r.print(new PrintWriter(w, true));
        return w.toString();
    }
}
