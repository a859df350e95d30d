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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /**
     * What a pass did.
     *
     * @param scanned article files in the folders
     * @param read    files read (new or changed since the last pass)
     */
    public record Result(int scanned, int read, List<ArticleOutcome> outcomes, List<String> warnings) { }

    private final List<Path> folders;
    private final ZoneId zone;
    private final ArticlePipeline pipeline;
    private final SourceStateStore states;
    private final Clock clock;
    private final Consumer<Article> beforeProcess;
    /** Files as they were when last read; an unchanged file is not read again. */
    private Map<Path, Stamp> known = new HashMap<>();

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
        int read = 0;
        Map<Path, Stamp> nextKnown = new HashMap<>();
        for (Path folder : folders) {
            Instant at = clock.instant();
            FolderSource source = new FolderSource(List.of(folder), zone);
            List<Path> files = new ArrayList<>();
            source.visit(files::add, warnings);
            // Only files new or changed since the last pass are read; of those, only the date, id and path of the
            // ones to process are kept until their turn (a drop folder may hold a year of articles).
            List<Pending> fresh = new ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Path file : files) {
                Stamp stamp = Stamp.of(file);
                Stamp before = known.get(file);
                if (stamp != null && stamp.equals(before)) {
                    nextKnown.put(file, before);
                    scanned += before.article() ? 1 : 0;
                    continue;
                }
                read++;
                Optional<FileArticle> f = source.read(file, warnings);
                if (f.isEmpty()) {
                    remember(nextKnown, file, stamp, false); // unreadable until it changes: warned once
                    continue;
                }
                scanned++;
                Article a = f.get().article();
                if (!ids.add(a.id())) {
                    continue; // the same file reached twice
                }
                if (pipeline.seen(a.id(), f.get().sha256())) {
                    remember(nextKnown, file, stamp, true);
                } else {
                    fresh.add(new Pending(a.published(), a.id(), file, stamp));
                }
            }
            fresh.sort(Comparator.comparing(Pending::published).thenComparing(Pending::id));
            String error = null;
            int done = 0;
            FolderSource again = source.quiet(); // its warnings were given on the first read
            for (Pending p : fresh) {
                try {
                    Optional<FileArticle> f = again.read(p.path(), new ArrayList<>());
                    if (f.isEmpty()) {
                        continue; // gone or emptied since: the next pass sees it as it is then
                    }
                    beforeProcess.accept(f.get().article());
                    outcomes.add(pipeline.process(f.get().article(), f.get().sha256()));
                    remember(nextKnown, p.path(), p.stamp(), true);
                    done++;
                } catch (RuntimeException e) {
                    error = p.path() + ": " + e.getMessage();
                    LOG.error("cannot process {}: {}", p.path(), e.getMessage(), e);
                }
            }
            if (error == null && !Files.isDirectory(folder)) {
                error = folder + ": folder not found";
            }
            states.recordPoll(folder.toString(), "folder", at, error, done);
        }
        known = nextKnown; // files that are gone are forgotten
        return new Result(scanned, read, outcomes, warnings);
    }

    private static void remember(Map<Path, Stamp> known, Path file, Stamp stamp, boolean article) {
        if (stamp != null) {
            known.put(file, new Stamp(stamp.size(), stamp.modified(), article));
        }
    }

    /** A file to process in its turn. */
    private record Pending(java.time.LocalDate published, String id, Path path, Stamp stamp) { }

    /** What a file looked like when it was last read: read again only when its size or modification time change. */
    private record Stamp(long size, long modified, boolean article) {
        static Stamp of(Path file) {
            try {
                Instant t = Files.getLastModifiedTime(file).toInstant();
                return new Stamp(Files.size(file), t.getEpochSecond() * 1_000_000_000L + t.getNano(), false);
            } catch (java.io.IOException | SecurityException e) {
                return null; // the read reports it
            }
        }

        /** The same size and time: whether it held an article is what was learnt, not what is compared. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Stamp s && s.size == size && s.modified == modified;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + Long.hashCode(modified);
        }
    }
}
