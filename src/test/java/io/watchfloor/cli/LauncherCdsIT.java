package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive is keyed to the jar's content: a jar touched without changing keeps its archive
 * (and starts without a warning), a tree copied elsewhere makes its own archive once and then starts quietly.
 */
class LauncherCdsIT {
    record Run(int exit, String out, String err) { }

    private static Run launch(Path tree) throws Exception {
        Run r = launch(tree, "--version");
        assertThat(r.out()).startsWith("watchfloor ");
        return r;
    }

    private static Run launch(Path tree, String... args) throws Exception {
        Path out = Files.createTempFile("wf-out", ".txt");
        Path err = Files.createTempFile("wf-err", ".txt");
        List<String> cmd = new ArrayList<>(List.of("bash", tree.resolve("watchfloor").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tree.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("WATCHFLOOR_CDS");
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    /** The launcher with what its training run reads, and the built jar; no sources, so it never rebuilds. */
    private static Path tree(Path at) throws Exception {
        Files.createDirectories(at.resolve("target"));
        Files.copy(Path.of("watchfloor"), at.resolve("watchfloor"));
        TestFiles.copy("rules", at);
        TestFiles.copy("seeds", at);
        Files.copy(Daemons.JAR, at.resolve("target/watchfloor.jar"));
        return at;
    }

    @Test
    void theArchiveFollowsTheJarsContentNotItsTime(@TempDir Path dir) throws Exception {
        Path first = tree(dir.resolve("first"));
        assertThat(launch(first).err().strip()).as("one line saying what it does, nothing else")
                .isEqualTo("watchfloor: preparing a class-data archive for faster starts (once per jar) ...");
        Path key = first.resolve("target/watchfloor.jsa.key");
        String recorded = Files.readString(key);
        assertThat(recorded).matches("[0-9a-f]{64} \\d+ " + first.resolve("target/watchfloor.jar") + "\\n");
        assertThat(launch(first).err()).as("a start with the archive says nothing").isEmpty();

        // The same jar with a new time (a checkout, a copy back): no new archive, no warning from the JVM.
        Path jar = first.resolve("target/watchfloor.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(launch(first).err()).isEmpty();
        assertThat(Files.readString(key)).isEqualTo(recorded);
        assertThat(Files.getLastModifiedTime(jar).toMillis() / 1000).isEqualTo(Long.parseLong(recorded.split(" ")[1]));

        // The tree copied elsewhere (new times, new path): one new archive, then quiet starts.
        Path copied = Files.createDirectories(dir.resolve("copy"));
        copyTree(first, copied);
        assertThat(launch(copied).err()).contains("preparing a class-data archive").doesNotContain("warning");
        assertThat(launch(copied).err()).isEmpty();
    }

    @Test
    void replayRunsWithTheParallelCollectorAndTheArchiveWithoutAWarning(@TempDir Path dir) throws Exception {
        Path tree = tree(dir);
        launch(tree); // makes the archive (with the daemon's collector)
        Run replay = launch(tree, "replay", "seeds", "--format", "jsonl");
        assertThat(replay.out()).contains("\"kind\":\"alert\"");
        assertThat(replay.err()).contains("garbage collector: parallel").doesNotContain("warning");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
