package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay reads folders of any size and depth in publication order, each article once, and leaves nothing behind. */
class ReplayOrderTest {
    @TempDir
    Path dir;

    private void article(String name, String date, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "Headline " + name + "\n\n" + text + "\n\nPublished: " + date + "\n");
    }

    @Test
    void articlesInNestedFoldersComeInPublicationOrderOnce() throws IOException {
        article("z/late.txt", "2024-03-02", "Officials met to discuss the budget.");
        article("a/b/early.txt", "2024-01-05", "The central bank kept rates unchanged.");
        article("middle.txt", "2024-02-10", "The parliament debated a bill.");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> scratchBefore = scratch(tmp);

        CliRunner r = CliRunner.run("replay", dir.toString(), dir.resolve("middle.txt").toString());

        assertThat(r.exit()).isZero();
        List<String> headers = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("== ")).toList();
        assertThat(headers).hasSize(3);
        assertThat(headers.get(0)).contains("early.txt (2024-01-05)");
        assertThat(headers.get(1)).contains("middle.txt (2024-02-10)");
        assertThat(headers.get(2)).contains("late.txt (2024-03-02)");
        assertThat(scratch(tmp)).isEqualTo(scratchBefore);
    }

    private static List<String> scratch(Path tmp) throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("watchfloor-replay-"))
                    .sorted().toList();
        }
    }
}
