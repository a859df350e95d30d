package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.store.Database;
import io.watchfloor.store.SourceStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass reads only what is new or changed in a drop folder, however many articles it already holds. */
class FolderPassTest {
    @TempDir
    Path inbox;
    private Database db;
    private FolderPass pass;

    @BeforeEach
    void open() throws IOException {
        for (Path seed : List.of(Path.of("seeds/000_89c3de90ed6096f9.txt"), Path.of("seeds/002_333d6fb679bd7709.txt"),
                Path.of("seeds/002_333d6fb679bd7709.txt.meta.yaml"))) {
            Files.copy(seed, inbox.resolve(seed.getFileName()));
        }
        WatchfloorConfig cfg = WatchfloorConfig.defaults();
        db = Database.inMemory("pass-" + UUID.randomUUID());
        ArticlePipeline pipeline = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
        pass = new FolderPass(List.of(inbox), ZoneOffset.UTC, pipeline, new SourceStateStore(db),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void unchangedFilesAreNotReadAgain() throws IOException {
        FolderPass.Result first = pass.run();
        assertThat(first.scanned()).isEqualTo(2);
        assertThat(first.read()).isEqualTo(2);
        assertThat(first.outcomes()).hasSize(2);

        FolderPass.Result second = pass.run();
        assertThat(second.scanned()).isEqualTo(2);
        assertThat(second.read()).isZero();
        assertThat(second.outcomes()).isEmpty();

        // Touched but not changed: read again, not processed again.
        Path seed = inbox.resolve("000_89c3de90ed6096f9.txt");
        Files.setLastModifiedTime(seed, FileTime.from(Instant.now().plusSeconds(5)));
        FolderPass.Result touched = pass.run();
        assertThat(touched.read()).isEqualTo(1);
        assertThat(touched.outcomes()).isEmpty();

        // Changed: read and processed again.
        Files.writeString(seed, Files.readString(seed).replace("Islamabad", "Islamabad, Pakistan's capital,"));
        FolderPass.Result changed = pass.run();
        assertThat(changed.read()).isEqualTo(1);
        assertThat(changed.outcomes()).hasSize(1);
    }

    @Test
    void aBrokenFileWarnsOnceUntilItChanges() throws IOException {
        Path empty = inbox.resolve("empty.txt");
        Files.writeString(empty, "");
        assertThat(pass.run().warnings()).anyMatch(w -> w.contains("empty.txt"));
        assertThat(pass.run().warnings()).noneMatch(w -> w.contains("empty.txt"));

        Files.writeString(empty, "A headline\n\nIndian and Pakistani troops exchanged fire on Monday.\n\n"
                + "Published: 2024-01-10\n");
        FolderPass.Result fixed = pass.run();
        assertThat(fixed.warnings()).noneMatch(w -> w.contains("empty.txt"));
        assertThat(fixed.outcomes()).extracting(o -> o.article().id()).anyMatch(id -> id.endsWith("empty.txt"));
    }
}
