package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Severity;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acknowledgements and email, through real SMTP: an acknowledged alert is not sent again when more sources report
 * it, while an unacknowledged one is; a severity rise sends it again; the digest shows who acknowledged what.
 */
class AcknowledgedAlertsTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String IRANIAN_STRIKE = "Iranian strike on Pakistan";
    private static final String PAKISTANI_STRIKE = "Pakistani strike on Iran";
    private static final String TIT_FOR_TAT = "Pakistan strikes Iran two days after Iranian strike";

    @Test
    void anAcknowledgedAlertIsNotRepeatedForMoreSourcesButIsOnASeverityRiseAndTheDigestSaysWhoAcknowledged()
            throws Exception {
        EmailDeliveryTest.TestClock clock = new EmailDeliveryTest.TestClock();
        EmailConfig email = new EmailConfig(new EmailConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), "none", null,
                null, null, null, Duration.ofSeconds(5)), "watchfloor <watchfloor@example.org>", "config/templates",
                Duration.ofSeconds(30), Duration.ofHours(4), null, Duration.ofSeconds(30), Duration.ofHours(1),
                List.of(), "duty@example.org", null, List.of());
        WatchfloorConfig cfg = new WatchfloorConfig(null, null, null, null, null, null, null, null, email, null,
                null);
        List<FileArticle> articles = new FolderSource(List.of(Path.of("seeds"),
                Path.of("src/test/resources/corpus/001_iran_pakistan_tit_for_tat.txt")), ZoneOffset.UTC).scan()
                .articles();
        assertThat(articles).extracting(f -> f.article().id()).hasSize(3);
        try (Database db = Database.inMemory("acked-" + UUID.randomUUID())) {
            Pipelines.Email mailing = Pipelines.email(cfg, db, clock);
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(mailing.notifier()));
            AlertStore alerts = new AlertStore(db);
            AcknowledgementStore acks = new AcknowledgementStore(db);

            // The seeds, in the order the pipeline takes them when the corroborating report comes last.
            process(p, articles, "000_89c3de90ed6096f9");
            clock.advance(Duration.ofMinutes(1));
            assertThat(mailing.delivery().deliverDue()).isEqualTo(1);
            String iranian = byTitle(alerts, IRANIAN_STRIKE).id();
            String pakistani = byTitle(alerts, PAKISTANI_STRIKE).id();
            assertThat(bodies()).singleElement().asString().contains(told(iranian)).contains(told(pakistani))
                    .contains(told(byTitle(alerts, TIT_FOR_TAT).id()));

            // The officer acknowledges the Iranian strike and the tit-for-tat, not the Pakistani strike.
            Alert titForTat = byTitle(alerts, TIT_FOR_TAT);
            Severity before = titForTat.severity();
            assertThat(before).isLessThan(Severity.CRITICAL);
            assertThat(acks.acknowledge(byTitle(alerts, IRANIAN_STRIKE).id(), "duty", "seen", clock.instant()))
                    .isPresent();
            assertThat(acks.acknowledge(titForTat.id(), "duty", "called the desk", clock.instant())).isPresent();

            // Past the repeat interval, the second seed adds a source to all three: only the unacknowledged one
            // is sent again.
            clock.advance(Duration.ofHours(5));
            process(p, articles, "002_333d6fb679bd7709");
            clock.advance(Duration.ofMinutes(1));
            assertThat(byTitle(alerts, IRANIAN_STRIKE).sources()).isEqualTo(2);
            assertThat(byTitle(alerts, TIT_FOR_TAT).sources()).isEqualTo(2);
            assertThat(mailing.delivery().deliverDue()).isEqualTo(1);
            String repeat = bodies().get(1);
            assertThat(repeat).contains(told(pakistani)).doesNotContain(told(iranian))
                    .doesNotContain(told(titForTat.id()));

            // The report of Pakistan's answer published the day after makes the tit-for-tat news: CRITICAL, sent.
            process(p, articles, "001_iran_pakistan_tit_for_tat");
            clock.advance(Duration.ofMinutes(1));
            assertThat(byTitle(alerts, TIT_FOR_TAT).severity()).isEqualTo(Severity.CRITICAL);
            assertThat(mailing.delivery().deliverDue()).isEqualTo(1);
            assertThat(bodies().get(2)).contains(told(titForTat.id()));

            // The digest says who acknowledged, and that the tit-for-tat's acknowledgement predates its rise.
            assertThat(acks.acknowledge(byTitle(alerts, "Iranian visit to Pakistan").id(), "duty", "talks noted",
                    clock.instant())).isPresent();
            // (The digest takes the alerts stored in the 24 hours before it, by the wall clock the pipeline uses.)
            Pipelines.Email today = Pipelines.email(cfg, db, Clock.systemUTC());
            assertThat(today.digests().queue()).isEqualTo(1);
            assertThat(today.delivery().deliverDue()).isEqualTo(1);
            String digest = bodies().get(3);
            assertThat(digest).contains("acknowledged by duty at 2024-01-29 13:03 UTC: talks noted")
                    .contains("acknowledged at " + before + ", before its severity rose, by duty at 2024-01-29 "
                            + "08:01 UTC: called the desk");
        }
    }

    private static void process(ArticlePipeline p, List<FileArticle> articles, String name) {
        FileArticle f = articles.stream().filter(a -> a.article().id().contains(name)).findFirst().orElseThrow();
        p.process(f.article(), f.sha256());
    }

    /** How a message names an alert it tells of (its history section names others by title only). */
    private static String told(String id) {
        return "Alert id: " + id;
    }

    private static Alert byTitle(AlertStore alerts, String title) {
        return alerts.all().stream().filter(a -> a.title().equals(title)).findFirst().orElseThrow();
    }

    /** The plain text of every message received so far, in order. */
    private static List<String> bodies() throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            MimeMultipart alt = (MimeMultipart) m.getContent();
            BodyPart plain = alt.getBodyPart(0);
            out.add((String) plain.getContent());
        }
        return out;
    }
}
