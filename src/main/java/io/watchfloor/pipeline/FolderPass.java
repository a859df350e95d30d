package io.watchfloor.pipeline;

import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Article;
import io.watchfloor.store.SourceStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the watched folders: new or changed files go through the pipeline in publication order; files
 * already processed are skipped. A file that fails is logged and recorded, and the pass goes on.
 */
public final class FolderPass {
    private static final Logger LOG = LoggerFactory.getLogger(FolderPass.class);

    /** What a pass did. */
    public record Result(int scanned, List<ArticleOutcome> outcomes, List<String> warnings) { }

    private final List<Path> folders;
    private final ZoneId zone;
    private final ArticlePipeline pipeline;
    private final SourceStateStore states;
    private final Clock clock;
    private final Consumer<Article> beforeProcess;

    public FolderPass(List<Path> folders, ZoneId zone, ArticlePipeline pipeline, SourceStateStore states,
                      Clock clock) {
        this(folders, zone, pipeline, states, clock, a -> { });
    }

    /** @param beforeProcess sees each new or changed article just before it is processed (story clustering) */
    public FolderPass(List<Path> folders, ZoneId zone, ArticlePipeline pipeline, SourceStateStore states,
                      Clock clock, Consumer<Article> beforeProcess) {
        this.folders = List.copyOf(folders);
        this.zone = zone;
        this.pipeline = pipeline;
        this.states = states;
        this.clock = clock;
        this.beforeProcess = beforeProcess;
    }

    public synchronized Result run() {
        // Other nodes sharing the store may have processed articles since the last pass.
        pipeline.catchUp();
        List<ArticleOutcome> outcomes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int scanned = 0;
        for (Path folder : folders) {
            Instant at = clock.instant();
            FolderSource.ScanResult scan = new FolderSource(List.of(folder), zone).scan();
            warnings.addAll(scan.warnings());
            scanned += scan.articles().size();
            List<FileArticle> fresh = scan.articles().stream()
                    .filter(f -> !pipeline.seen(f.article().id(), f.sha256()))
                    .sorted(Comparator.comparing((FileArticle f) -> f.article().published())
                            .thenComparing(f -> f.article().id()))
                    .toList();
            String error = null;
            int done = 0;
            for (FileArticle f : fresh) {
                try {
                    beforeProcess.accept(f.article());
                    outcomes.add(pipeline.process(f.article(), f.sha256()));
                    done++;
                } catch (RuntimeException e) {
                    error = f.path() + ": " + e.getMessage();
                    LOG.error("cannot process {}: {}", f.path(), e.getMessage(), e);
                }
            }
            if (error == null && !Files.isDirectory(folder)) {
                error = folder + ": folder not found";
            }
            states.recordPoll(folder.toString(), "folder", at, error, done);
        }
        return new Result(scanned, outcomes, warnings);
    }
}
