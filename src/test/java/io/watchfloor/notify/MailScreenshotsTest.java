package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.Database;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots of an alert update and a daily digest as received over SMTP, rendered by headless Chromium, saved
 * under target/mail-screenshots/ for people to look at (skipped where Chromium is not installed).
 */
class MailScreenshotsTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "mail-screenshots");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void anAlertUpdateAndADigestAsAMailClientShowsThem() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        WatchfloorConfig cfg = new WatchfloorConfig(null, null, null, null, null, null, null, null,
                AlertUpdateMailTest.email(MAIL.getSmtp().getPort()), null, null);
        List<FileArticle> seeds = AlertUpdateMailTest.seedsFromOutlets(dir);
        try (Database db = Database.inMemory("shots-" + UUID.randomUUID())) {
            Pipelines.Email mailing = Pipelines.email(cfg, db, Clock.systemUTC());
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(mailing.notifier()));
            for (FileArticle f : seeds) {
                p.process(f.article(), f.sha256());
                mailing.delivery().deliverDue();
            }
            mailing.digests().queue();
            mailing.delivery().deliverDue();
        }
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertThat(got).hasSize(3);
        Files.createDirectories(OUT);
        BufferedImage alert = screenshot(got[1], "alert-update");
        BufferedImage digest = screenshot(got[2], "digest");
        assertThat(coloured(alert)).as("the severity and NEW marks in colour").isPositive();
        assertThat(coloured(digest)).as("the digest's chart bars").isGreaterThan(50);
    }

    /** Writes the message's HTML (inline images beside it) and Chromium's screenshot of it. */
    private static BufferedImage screenshot(MimeMessage m, String name) throws Exception {
        Multipart alt = (Multipart) m.getContent();
        BodyPart htmlPart = alt.getBodyPart(1);
        String html;
        if (htmlPart.getContent() instanceof Multipart related) {
            html = (String) related.getBodyPart(0).getContent();
            for (int i = 1; i < related.getCount(); i++) {
                MimeBodyPart img = (MimeBodyPart) related.getBodyPart(i);
                String cid = img.getContentID().replaceAll("^<|>$", "");
                Files.write(OUT.resolve(name + "-" + cid), img.getInputStream().readAllBytes());
                html = html.replace("cid:" + cid, name + "-" + cid);
            }
        } else {
            html = (String) htmlPart.getContent();
        }
        Path page = OUT.resolve(name + ".html");
        Files.writeString(page, "<!-- Subject: " + m.getSubject().replace("--", "- -") + " -->\n" + html);
        Path png = OUT.resolve(name + ".png");
        Files.deleteIfExists(png);
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + OUT.resolve("chromium-profile").toAbsolutePath(),
                "--window-size=900,1400", "--screenshot=" + png.toAbsolutePath(), page.toAbsolutePath().toUri()
                .toString()).redirectErrorStream(true).redirectOutput(OUT.resolve(name + ".chromium.log").toFile())
                .start();
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        assertThat(png).as("see " + OUT.resolve(name + ".chromium.log")).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(900);
        return img;
    }

    /** Pixels clearly red or green: what a blank or unstyled page lacks. */
    private static int coloured(BufferedImage img) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x += 2) {
            for (int y = 0; y < img.getHeight(); y += 2) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                n += r > 150 && g < 90 && b < 90 || g > 100 && r < 90 && b < 90 ? 1 : 0;
            }
        }
        return n;
    }
}
