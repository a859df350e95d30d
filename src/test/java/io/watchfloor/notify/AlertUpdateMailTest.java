package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.Database;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What an officer sees when an alert they were sent changes: the change said, the thread kept, the outlets named. */
class AlertUpdateMailTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    /** No group wait and no repeat interval: each report is mailed as soon as it is read (the real clock runs). */
    static EmailConfig email(int port) {
        return new EmailConfig(new EmailConfig.Smtp("127.0.0.1", port, "none", null, null, null, null,
                Duration.ofSeconds(5)), "watchfloor <watchfloor@example.org>", "config/templates",
                Duration.ZERO, Duration.ZERO, null, Duration.ofSeconds(30), Duration.ofHours(1),
                List.of(), "duty@example.org", null, List.of());
    }

    /** The two seed articles, as published by two named outlets. */
    static List<FileArticle> seedsFromOutlets(Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Files.copy(Path.of("seeds/000_89c3de90ed6096f9.txt"), a.resolve("000.txt"));
        Files.writeString(a.resolve("000.txt.meta.yaml"), "source: Dawn\n");
        Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt"), b.resolve("002.txt"));
        Files.writeString(b.resolve("002.txt.meta.yaml"), "published: 2024-01-29\nsource: Al Jazeera\n");
        FileArticle first = new FolderSource(List.of(a), ZoneOffset.UTC).scan().articles().get(0);
        FileArticle second = new FolderSource(List.of(b), ZoneOffset.UTC).scan().articles().get(0);
        return List.of(first, second);
    }

    static String part(MimeMessage m, String type) throws Exception {
        Multipart alt = (Multipart) m.getContent();
        for (int i = 0; i < alt.getCount(); i++) {
            BodyPart p = alt.getBodyPart(i);
            if (p.isMimeType(type)) {
                return ((String) p.getContent()).replace("\r\n", "\n");
            }
            if (p.getContent() instanceof Multipart related && related.getBodyPart(0).isMimeType(type)) {
                return ((String) related.getBodyPart(0).getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    @Test
    void anUpdateSaysWhatChangedAndIsThreadedUnderTheFirstMessage() throws Exception {
        WatchfloorConfig cfg = new WatchfloorConfig(null, null, null, null, null, null, null, null,
                email(MAIL.getSmtp().getPort()), null, null);
        List<FileArticle> seeds = seedsFromOutlets(dir);
        try (Database db = Database.inMemory("update-" + UUID.randomUUID())) {
            Pipelines.Email mailing = Pipelines.email(cfg, db, Clock.systemUTC());
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(mailing.notifier()));
            p.process(seeds.get(0).article(), seeds.get(0).sha256());
            assertThat(mailing.delivery().deliverDue()).isEqualTo(1);
            // The second outlet's report corroborates the alerts already sent.
            p.process(seeds.get(1).article(), seeds.get(1).sha256());
            assertThat(mailing.delivery().deliverDue()).isEqualTo(1);
        }
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertThat(got).hasSize(2);
        MimeMessage first = got[0];
        MimeMessage update = got[1];

        String firstText = part(first, "text/plain");
        assertThat(first.getSubject()).doesNotContain("UPDATE");
        assertThat(first.getHeader("In-Reply-To")).as("the first message starts the thread").isNull();
        assertThat(firstText).as("a grouped message opens with an overview").containsPattern("^7 alerts on IRN-PAK, the most severe first:\n  \\[WARNING\\]");
        assertThat(firstText).contains("Independent sources: 1 (Dawn)").containsPattern("Confidence: \\d+%")
                .contains("Dawn: Iran-Pakistan").doesNotContain("NEW \"");

        assertThat(update.getSubject()).as("the change, in the subject").contains("UPDATE (sources 1 to 2 (Al Jazeera)")
                .contains("1 new report");
        assertThat(update.getHeader("In-Reply-To")).containsExactly(first.getMessageID());
        assertThat(update.getHeader("References")[0]).contains(first.getMessageID());
        String text = part(update, "text/plain");
        assertThat(text).contains("Changed since your last message about it: sources 1 to 2 (Al Jazeera), 1 new"
                + " report. New reports are marked NEW.");
        assertThat(text).contains("Independent sources: 2 (Dawn, Al Jazeera)").contains("    Al Jazeera: ")
                .containsPattern("  - NEW \"[^\"]+\"\n    Al Jazeera: ");
        assertThat(count(text, "Recent history of IRN-PAK")).as("the pair's history once per message").isLessThanOrEqualTo(1);
        String html = part(update, "text/html");
        assertThat(html).contains("<strong>Changed since your last message about it:</strong>")
                .contains("<strong style=\"color: #b00020;\">NEW</strong>").contains("<strong>Al Jazeera</strong>");
    }
}
