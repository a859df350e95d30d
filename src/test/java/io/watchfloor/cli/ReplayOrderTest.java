package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.watchfloor.ingest.FolderSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    @Test
    void aFileSkippedOrWarnedAboutSaysSoOnceWhetherDatedFromItsLinesOrReadWhole() throws IOException {
        article("good.txt", "2024-01-05", "Officials met to discuss the budget.");
        article("ambiguous.txt", "05/06/2024", "The parliament debated a bill.");
        Files.writeString(dir.resolve("title-only.txt"), "Headline alone\n\nPublished: 2024-01-06\n");

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger sourceLog = (Logger) LoggerFactory.getLogger(FolderSource.class);
        log.start();
        sourceLog.addAppender(log);
        CliRunner r;
        try {
            r = CliRunner.run("replay", dir.toString());
        } finally {
            sourceLog.detachAppender(log);
        }

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("good.txt (2024-01-05)", "ambiguous.txt").doesNotContain("title-only.txt (");
        List<String> warnings = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).filteredOn(w -> w.contains("ambiguous day/month")).hasSize(1);
        assertThat(warnings).filteredOn(w -> w.contains("title-only.txt: has a title but no body text")).hasSize(1);
    }

    @Test
    void filesSortedARunAtATimeComeInPublicationOrderThenIdOnceEach() throws IOException {
        Random random = new Random(7);
        List<FolderSource.DatedFile> files = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = "f" + random.nextInt(400) + ".txt"; // some files given twice, in other runs
            files.add(new FolderSource.DatedFile(dir.resolve(name), "d/" + name,
                    LocalDate.of(2024, 1, 1).plusDays(name.hashCode() % 9 + 9), random.nextBoolean()));
        }
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        ReplayOrder order = new ReplayOrder(scratch, 64);
        files.forEach(order::add);

        List<String> got = new ArrayList<>();
        try (ReplayOrder.Cursor c = order.inPublicationOrder()) {
            c.forEachRemaining(e -> got.add(e.published() + " " + e.id()));
        }

        assertThat(order.size()).isEqualTo(500);
        try (var runs = Files.list(scratch)) {
            assertThat(runs.count()).isEqualTo(500 / 64);
        }
        assertThat(got).isEqualTo(files.stream().map(f -> f.published() + " " + f.id()).distinct()
                .sorted(Comparator.naturalOrder()).toList());
    }

    private static List<String> scratch(Path tmp) throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("watchfloor-replay-"))
                    .sorted().toList();
        }
    }
}
