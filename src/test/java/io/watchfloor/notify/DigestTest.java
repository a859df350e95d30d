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
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily digest: the day's alerts by pair, with an inline chart per active pair. */
class DigestTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void digestGroupsTheDaysAlertsByPairWithAnInlineChart() throws Exception {
        EmailConfig email = new EmailConfig(new EmailConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), "none", null,
                null, null, null, Duration.ofSeconds(5)), null, "config/templates", null, null, null, null, null,
                null, "duty@example.org", null, null);
        WatchfloorConfig cfg = new WatchfloorConfig(null, null, null, null, null, null, null, null, email, null,
                null);
        try (Database db = Database.inMemory("digest-" + UUID.randomUUID())) {
            Pipelines.Email mailing = Pipelines.email(cfg, db, Clock.systemUTC());
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
            for (FileArticle f : new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles()) {
                p.process(f.article(), f.sha256());
            }
            assertThat(mailing.digests().queue()).isEqualTo(1);
            assertThat(mailing.digests().queue()).as("once per recipient and period").isZero();
            assertThat(mailing.delivery().deliverDue()).isEqualTo(1);
        }
        MimeMessage m = MAIL.getReceivedMessages()[0];
        // The seeds' alerts are WARNING (the talks and visit of 29 January) and INFO (strikes reported late).
        assertThat(m.getSubject()).startsWith("[WARNING] watchfloor daily digest ").contains("9 alert(s) on 1 pair(s)")
                .contains(", worst DEESCALATION IRN-PAK: ");
        MimeMultipart alt = (MimeMultipart) m.getContent();
        String plain = ((String) alt.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(plain).contains("tit-for-tat");
        // Counted over the alerts' own dates (January 2024), not the 30 days before the digest (today).
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile(
                "== IRN-PAK: (\\d+) escalation and (\\d+) de-escalation signal\\(s\\) from (\\S+) to 2024-01-29")
                .matcher(plain);
        assertThat(counts.find()).as(plain).isTrue();
        assertThat(Integer.parseInt(counts.group(1))).isPositive();
        assertThat(Integer.parseInt(counts.group(2))).isPositive();
        assertThat(counts.group(3)).isEqualTo("2023-12-31");
        List<String> severities = java.util.Arrays.stream(plain.split("\n")).filter(l -> l.startsWith("  ["))
                .map(l -> l.substring(3, l.indexOf(']'))).toList();
        assertThat(severities).hasSize(9).isSortedAccordingTo(
                java.util.Comparator.comparing((String x) -> io.watchfloor.model.Severity.valueOf(x)).reversed());
        MimeMultipart related = (MimeMultipart) alt.getBodyPart(1).getContent();
        assertThat(related.getContentType()).startsWith("multipart/related");
        String html = (String) related.getBodyPart(0).getContent();
        assertThat(html).contains("<img src=\"cid:chart-IRN-PAK.png\"");
        BodyPart chart = related.getBodyPart(1);
        assertThat(chart.isMimeType("image/png")).isTrue();
        assertThat(((jakarta.mail.internet.MimeBodyPart) chart).getContentID()).isEqualTo("<chart-IRN-PAK.png>");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(chart.getInputStream().readAllBytes()));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(140);
        int red = 0;
        int green = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
                red += c.getRed() > 150 && c.getGreen() < 100 ? 1 : 0;
                green += c.getGreen() > 100 && c.getRed() < 100 ? 1 : 0;
            }
        }
        assertThat(red).as("escalation bars on the chart").isPositive();
        assertThat(green).as("de-escalation bars on the chart").isPositive();
    }
}
