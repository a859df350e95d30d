package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.ingest.feed.MutableClock;
import io.watchfloor.store.Database;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** After a silence ends, the alerts it held that are still active reach the officers, once. */
class SilenceEndsMailTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private WatchfloorConfig config(List<EmailConfig.Silence> silences) {
        EmailConfig email = new EmailConfig(new EmailConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), "none", null,
                null, null, null, Duration.ofSeconds(5)), "watchfloor <watchfloor@example.org>", "config/templates",
                Duration.ZERO, Duration.ofHours(4), null, Duration.ofSeconds(30), Duration.ofHours(1), List.of(),
                "duty@example.org", null, silences);
        return new WatchfloorConfig(dir.resolve("var").toString(), null, null, null, null, null, null, null, email,
                null, null);
    }

    private static List<String> alertIds(MimeMessage m) throws Exception {
        return List.of(MimeUtility.unfold(m.getHeader("X-Watchfloor-Alerts")[0]).split(" "));
    }

    @Test
    void alertsHeldBySilencesAreSentOnceWhenTheSilenceEndsOrIsRemoved() throws Exception {
        // Whole milliseconds: the store keeps microseconds, rounded, and a due time rounded up would fall after the
        // same instant read back unrounded.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(start);
        Instant end = clock.instant().plus(Duration.ofHours(2));
        WatchfloorConfig cfg = config(List.of(new EmailConfig.Silence("s1", "PAK-IRN", null, null, end, "exercise")));
        // A second silence, added from the command line, on the seeds' de-escalation rule: removed before its end.
        SilenceSet.write(cfg.silencesFile(), List.of(new EmailConfig.Silence("s2", null, "deescalation-after-escalation",
                null, end.plus(Duration.ofDays(1)), "talks week")));
        FileArticle seed = new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles().get(0);
        try (Database db = Database.inMemory("silence-" + UUID.randomUUID())) {
            LiveEmail live = new LiveEmail(Pipelines.email(cfg, db, clock));
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(live));
            var news = p.process(seed.article(), seed.sha256()).news();
            int raised = news.size();
            long talks = news.stream().filter(c -> c.alert().rule().equals("deescalation-after-escalation")).count();
            assertThat(talks).isPositive().isLessThan(raised);
            assertThat(live.deliverDue()).as("silenced: stored, not sent").isZero();
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            clock.advance(Duration.between(clock.instant(), end.plusSeconds(1)));
            assertThat(live.deliverDue()).as("the pair's silence ended: what it held goes out").isEqualTo(1);
            assertThat(live.deliverDue()).as("once").isZero();
            MimeMessage first = MAIL.getReceivedMessages()[0];
            assertThat(first.getSubject()).contains("IRN-PAK").doesNotContain("UPDATE");
            assertThat(alertIds(first)).as("the de-escalation alerts are still silenced by the rule's silence")
                    .hasSize(raised - (int) talks);

            // The rule's silence removed (as 'watchfloor silence remove' does): its alerts go out, once.
            SilenceSet.write(cfg.silencesFile(), List.of());
            clock.advance(Duration.ofSeconds(1));
            assertThat(live.deliverDue()).isEqualTo(1);
            assertThat(live.deliverDue()).isZero();
            assertThat(alertIds(MAIL.getReceivedMessages()[1])).hasSize((int) talks);
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }
}
