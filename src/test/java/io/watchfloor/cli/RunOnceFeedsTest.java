package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.ingest.feed.LoopbackFeedServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --once} with feeds: polled after the folders; {@code status} shows each feed's health. */
class RunOnceFeedsTest {
    @TempDir
    Path dir;
    LoopbackFeedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackFeedServer();
        server.serve("/ledger.xml", fixture("rss20.xml"), "application/rss+xml", true);
        server.serve("/broken.xml", fixture("broken.xml"), "application/rss+xml", false);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = RunOnceFeedsTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theTwoSeedArticlesAreOneStory() throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: [seeds]\n");
        CliRunner run = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        CliRunner status = CliRunner.run("status", "--config", cfg.toString());
        assertThat(status.out()).contains("stories:  2 articles in 1 story").doesNotContain("feeds:");
    }

    @Test
    void feedsArePolledOnceAndTheirHealthIsShown() throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: []\n  feeds:\n"
                + "    - url: " + server.url("/ledger.xml") + "\n      name: ledger\n      outlet: Northern Ledger\n"
                + "      tags: {region: europe, language: en}\n"
                + "    - url: " + server.url("/broken.xml") + "\n      name: broken\n");
        CliRunner first = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 feeds polled: 5 new items, 0 not modified, 1 failed (see watchfloor status)");

        CliRunner second = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("2 feeds polled: 0 new items, 1 not modified, 0 failed, 1 backing off");

        CliRunner status = CliRunner.run("status", "--config", cfg.toString());
        assertThat(status.exit()).as("no daemon running, the store read whole: " + status.err()).isZero();
        assertThat(status.out())
                .containsPattern("ledger +" + java.util.regex.Pattern.quote(server.url("/ledger.xml"))
                        + " \\[region europe, language en\\]")
                .containsPattern("health: ok; last poll \\d{4}-.*\\(HTTP 304\\)")
                .contains("polls: 2 (1 not modified); new items: 5")
                .containsPattern("health: FAILING \\(1 consecutive failure, backing off until \\d{4}-")
                .contains("last error: ").contains("not a valid feed")
                .contains("last success: never")
                .contains("stories:  5 articles in 5 stories")
                .contains("articles: 5 processed");
    }

    @Test
    void statusShowsWhatWasRemovedFromAFeedThatWasStillRead() throws Exception {
        server.serve("/harbour.xml", fixture("lenient/control-character.xml"), "application/rss+xml", false);
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: []\n  feeds:\n"
                + "    - url: " + server.url("/harbour.xml") + "\n      name: harbour\n");
        CliRunner run = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 feed polled: 3 new items, 0 not modified, 0 failed");
        CliRunner status = CliRunner.run("status", "--config", cfg.toString());
        assertThat(status.out()).containsPattern("health: ok; last poll \\d{4}-.*\\(HTTP 200\\)")
                .contains("new items: 3")
                .contains("last document: 2 characters that XML forbids removed before parsing");
    }
}
