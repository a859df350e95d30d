package io.watchfloor.extract.parse;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FolderSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The sentences the extractor asks to have parsed in the project's corpus and seeds, in the order it asks. */
final class CandidateSentences {
    private CandidateSentences() { }

    static List<String> ofCorpus() {
        Set<String> asked = new LinkedHashSet<>();
        SentenceParser recorder = sentence -> {
            synchronized (asked) {
                asked.add(sentence);
            }
            return Optional.empty();
        };
        SignalExtractor extractor = SignalExtractor.load(ActorCatalog.loadDefault(), Path.of("rules", "lexicon"),
                recorder);
        FolderSource source = new FolderSource(List.of(), ZoneOffset.UTC);
        for (Path dir : List.of(Path.of("src/test/resources/corpus"), Path.of("seeds"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    source.read(f, new ArrayList<>()).ifPresent(a -> extractor.extract(a.article()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(asked);
    }
}
