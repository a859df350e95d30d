package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.OutboxStore;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real SMTP exchanges with GreenMail on loopback: what a watch officer finds in the mailbox. */
class EmailDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** A clock the test moves forward, so group waits and retry delays pass without sleeping. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-29T08:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    private static EmailConfig email(int port, List<EmailConfig.Recipient> recipients, String defaultRecipient,
                                     List<EmailConfig.Silence> silences) {
        return new EmailConfig(new EmailConfig.Smtp("127.0.0.1", port, "none", null, null, null, null,
                Duration.ofSeconds(5)), "watchfloor <watchfloor@example.org>", "config/templates",
                Duration.ofSeconds(30), Duration.ofHours(4), null, Duration.ofSeconds(30), Duration.ofHours(1),
                recipients, defaultRecipient, null, silences);
    }

    private static WatchfloorConfig config(EmailConfig email) {
        return new WatchfloorConfig(null, null, null, null, null, null, null, null, email, null, null);
    }

    /** The pipeline with email, and the delivery job. */
    record Setup(ArticlePipeline pipeline, Pipelines.Email email, Database db) { }

    private static Setup setup(WatchfloorConfig cfg, Database db, Clock clock) {
        Pipelines.Email email = Pipelines.email(cfg, db, clock);
        return new Setup(Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(email.notifier())), email,
                db);
    }

    /**
     * The seeds, and the report of Pakistan's answer published the day after it: the seeds alone came eleven days
     * late, and their alerts are background; with it the tit-for-tat is CRITICAL news.
     */
    private static void processSeeds(ArticlePipeline p) {
        for (FileArticle f : new FolderSource(List.of(Path.of("seeds"),
                Path.of("src/test/resources/corpus/001_iran_pakistan_tit_for_tat.txt")), ZoneOffset.UTC).scan()
                .articles()) {
            p.process(f.article(), f.sha256());
        }
    }

    private static String text(MimeMessage m, String type) throws Exception {
        MimeMultipart alt = (MimeMultipart) m.getContent();
        for (int i = 0; i < alt.getCount(); i++) {
            BodyPart p = alt.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void aQueuedMessageAnnouncesWhenItIsDueSoTheDaemonCanSendItThen() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), List.of(), "duty@example.org", List.of()));
        try (Database db = Database.inMemory("mail-" + UUID.randomUUID())) {
            List<Instant> due = new java.util.concurrent.CopyOnWriteArrayList<>();
            Pipelines.Email email = Pipelines.email(cfg, db, clock, java.util.function.UnaryOperator.identity(),
                    due::add);
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(email.notifier()));
            processSeeds(p);
            Instant groupWaitEnds = clock.instant().plus(Duration.ofSeconds(30));
            assertThat(due).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(groupWaitEnds));
            clock.now.set(groupWaitEnds);
            assertThat(email.delivery().deliverDue()).as("due at the time announced").isEqualTo(1);
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void seedAlertsArriveAsOneWellFormedMultipartMessage() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), List.of(), "duty@example.org", List.of()));
        try (Database db = Database.inMemory("mail-" + UUID.randomUUID())) {
            Setup s = setup(cfg, db, clock);
            processSeeds(s.pipeline());
            assertThat(s.email().delivery().deliverDue()).as("held for the group wait").isZero();
            clock.advance(Duration.ofSeconds(31));
            assertThat(s.email().delivery().deliverDue()).isEqualTo(1);
        }
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        MimeMessage m = got[0];
        assertThat(m.getSubject()).isEqualTo(
                "[CRITICAL] ESCALATION IRN-PAK: Iranian strike on Pakistan (+10 more)");
        assertThat(Arrays.stream(m.getAllRecipients()).map(Address::toString)).containsExactly("duty@example.org");
        // Given when the message was created (the pair names it) and kept: a repeat would carry the same.
        assertThat(m.getMessageID()).matches("<alert\\.IRN-PAK\\.[0-9a-f-]{36}@watchfloor>");
        assertThat(jakarta.mail.internet.MimeUtility.unfold(m.getHeader("X-Watchfloor-Alerts")[0]).split(" "))
                .as("every alert of the message, whole").hasSize(11).contains("200b820dce0b9461");
        assertThat(m.isMimeType("multipart/alternative")).isTrue();
        String plain = text(m, "text/plain");
        assertThat(plain).contains("Rule: tit-for-tat").contains("Independent sources: 2")
                .contains("Earlier Tehran launched missile attacks on militant bases in southwestern Pakistan")
                .contains("Iran Foreign Minister visits Pakistan to ease tensions post airstrikes")
                .contains("Independent sources: 2 (2 articles with no named outlet)")
                .as("every alert of the pair is in the message: no history below it")
                .doesNotContain("Recent history of IRN-PAK");
        String html = text(m, "text/html");
        assertThat(html).contains("<code>tit-for-tat</code>").contains("Pakistan strikes Iran two days after");
    }

    @Test
    void alertsQueuedWhileTheirGroupsMessageIsBeingSentGoIntoTheNextMessage() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), List.of(), "duty@example.org", List.of()));
        List<FileArticle> seeds = new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles();
        try (Database db = Database.inMemory("race-" + UUID.randomUUID())) {
            AtomicReference<ArticlePipeline> pipeline = new AtomicReference<>();
            // The second article arrives while the first message is with the SMTP server: the moment of the race.
            java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
            Pipelines.Email email = Pipelines.email(cfg, db, clock, smtp -> new Mailer() {
                @Override
                public void send(MimeMessage m) throws jakarta.mail.MessagingException {
                    if (first.getAndSet(false)) {
                        pipeline.get().process(seeds.get(1).article(), seeds.get(1).sha256());
                    }
                    smtp.send(m);
                }

                @Override
                public String describe() {
                    return smtp.describe();
                }
            });
            pipeline.set(Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(email.notifier())));
            pipeline.get().process(seeds.get(0).article(), seeds.get(0).sha256());
            List<String> beforeSend = new AlertStore(db).all().stream().map(Alert::id).toList();
            clock.advance(Duration.ofSeconds(31));
            assertThat(email.delivery().deliverDue()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(31));
            assertThat(email.delivery().deliverDue()).as("the next message").isEqualTo(1);

            MimeMessage[] got = MAIL.getReceivedMessages();
            assertThat(got).hasSize(2);
            assertThat(alertIds(got[0])).as("frozen when claimed").containsExactlyInAnyOrderElementsOf(beforeSend);
            List<String> mailed = new ArrayList<>(alertIds(got[0]));
            mailed.addAll(alertIds(got[1]));
            assertThat(mailed).as("every alert on record, each once")
                    .containsExactlyInAnyOrderElementsOf(new AlertStore(db).all().stream().map(Alert::id).toList());
            assertThat(got[1].getMessageID()).isNotEqualTo(got[0].getMessageID());
        }
    }

    @Test
    void aMessageRetriedAfterAFailureIsTheSameMessageFrozenWhenFirstClaimed() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(freePort(), List.of(), "duty@example.org", List.of()));
        com.icegreen.greenmail.util.GreenMail mail = serverDownFor(cfg);
        List<FileArticle> seeds = new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles();
        try (Database db = Database.inMemory("retry-" + UUID.randomUUID())) {
            Setup s = setup(cfg, db, clock);
            s.pipeline().process(seeds.get(0).article(), seeds.get(0).sha256());
            clock.advance(Duration.ofSeconds(31));
            assertThat(s.email().delivery().deliverDue()).as("the server is down").isZero();
            String frozenId;
            try (var c = db.connection(); var rs = c.createStatement().executeQuery(
                    "SELECT message_id FROM outbox_message")) {
                rs.next();
                frozenId = rs.getString(1);
            }
            // The second report corroborates the alerts of the frozen message: they do not join it.
            s.pipeline().process(seeds.get(1).article(), seeds.get(1).sha256());
            mail.start();
            clock.advance(Duration.ofMinutes(5));
            s.email().delivery().deliverDue();
            MimeMessage first = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> messageId(m).equals(frozenId)).findFirst().orElseThrow();
            assertThat(text(first, "text/plain")).as("as it was when first claimed")
                    .contains("Independent sources: 1").doesNotContain("Independent sources: 2");
        } finally {
            mail.stop();
        }
    }

    private static List<String> alertIds(MimeMessage m) throws jakarta.mail.MessagingException {
        return List.of(jakarta.mail.internet.MimeUtility.unfold(m.getHeader("X-Watchfloor-Alerts")[0]).split(" "));
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void routingSendsEachAlertOnlyToTheOfficersWhoFollowIt() throws Exception {
        TestClock clock = new TestClock();
        List<EmailConfig.Recipient> officers = List.of(
                new EmailConfig.Recipient("pair desk", "pairs@example.org", List.of("PAK-IRN"), null, null, null,
                        null),
                new EmailConfig.Recipient("india desk", "india@example.org", null, List.of("IND"), null, null, null),
                new EmailConfig.Recipient("south asia escalation", "south-asia@example.org", null, null,
                        List.of("South Asia"), "CRITICAL", List.of("ESCALATION")),
                new EmailConfig.Recipient("europe", "europe@example.org", null, null, List.of("Europe"), null,
                        null));
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), officers, "default@example.org", List.of()));
        try (Database db = Database.inMemory("route-" + UUID.randomUUID())) {
            Setup s = setup(cfg, db, clock);
            processSeeds(s.pipeline());
            clock.advance(Duration.ofMinutes(1));
            s.email().delivery().deliverDue();
        }
        List<String> to = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                to.add(a + " " + m.getSubject());
            }
        }
        assertThat(to).anySatisfy(t -> assertThat(t).startsWith("pairs@example.org [CRITICAL]"));
        assertThat(to).anySatisfy(t -> assertThat(t).startsWith("south-asia@example.org [CRITICAL]")
                .doesNotContain("+6 more"));
        assertThat(to).noneSatisfy(t -> assertThat(t).startsWith("india@example.org"));
        assertThat(to).noneSatisfy(t -> assertThat(t).startsWith("europe@example.org"));
        assertThat(to).noneSatisfy(t -> assertThat(t).startsWith("default@example.org"));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A server of the test's own on a fixed port, not started yet: until it is, SMTP is down. */
    private static com.icegreen.greenmail.util.GreenMail serverDownFor(WatchfloorConfig cfg) {
        return new com.icegreen.greenmail.util.GreenMail(new ServerSetup(cfg.email().smtp().port(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
    }

    @Test
    void smtpDownThenBackDeliversEveryMessageOnce() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(freePort(), List.of(), "duty@example.org", List.of()));
        com.icegreen.greenmail.util.GreenMail mail = serverDownFor(cfg);
        try (Database db = Database.inMemory("down-" + UUID.randomUUID())) {
            Setup s = setup(cfg, db, clock);
            processSeeds(s.pipeline());
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.email().delivery().deliverDue()).isZero();
            clock.advance(Duration.ofSeconds(31));
            assertThat(s.email().delivery().deliverDue()).as("second attempt, still down").isZero();
            OutboxStore outbox = new OutboxStore(db);
            assertThat(outbox.countPending()).isEqualTo(1);

            mail.start();
            clock.advance(Duration.ofSeconds(30));
            assertThat(s.email().delivery().deliverDue()).as("backoff: 60 s after the second failure").isZero();
            clock.advance(Duration.ofSeconds(31));
            assertThat(s.email().delivery().deliverDue()).isEqualTo(1);
            clock.advance(Duration.ofHours(2));
            assertThat(s.email().delivery().deliverDue()).isZero();
            assertThat(outbox.countPending()).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(1);
        } finally {
            mail.stop();
        }
    }

    @Test
    void anUpdateWithMoreSourcesWaitsForTheRepeatIntervalAndSilencedAlertsAreNotSent() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), List.of(), "duty@example.org",
                List.of(new EmailConfig.Silence(null, "IND-PAK", null, null, Instant.parse("2030-01-01T00:00:00Z"),
                        "exercise"))));
        List<FileArticle> seeds = new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles();
        try (Database db = Database.inMemory("repeat-" + UUID.randomUUID())) {
            Setup s = setup(cfg, db, clock);
            s.pipeline().process(seeds.get(0).article(), seeds.get(0).sha256());
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.email().delivery().deliverDue()).isEqualTo(1);
            // The second report adds a source to alerts already sent: no resend before the repeat interval.
            s.pipeline().process(seeds.get(1).article(), seeds.get(1).sha256());
            clock.advance(Duration.ofMinutes(1));
            s.email().delivery().deliverDue();
            long afterSecond = MAIL.getReceivedMessages().length;
            assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(EmailDeliveryTest::subject))
                    .noneSatisfy(x -> assertThat(x).contains("tit-for-tat"));

            // A silenced pair: stored, not sent.
            Article a = new Article("silenced.txt", "Indian jets strike Pakistan", "Indian jets struck targets "
                    + "inside Pakistan on Tuesday, the army said.", LocalDate.parse("2024-01-30"), null, "wire");
            s.pipeline().process(a, "h");
            clock.advance(Duration.ofMinutes(1));
            s.email().delivery().deliverDue();
            assertThat(MAIL.getReceivedMessages()).hasSize((int) afterSecond);
            assertThat(new AlertStore(db).all()).anySatisfy(x -> assertThat(x.actors()).containsExactly("IND", "PAK"));
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void injectionInFeedTitlesStaysHarmlessText() throws Exception {
        TestClock clock = new TestClock();
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), List.of(), "duty@example.org", List.of()));
        try (Database db = Database.inMemory("inject-" + UUID.randomUUID())) {
            Setup s = setup(cfg, db, clock);
            Article a = new Article("evil.txt", "Iran strikes Pakistan\r\nBcc: attacker@evil.example <script>alert(1)</script>",
                    "Iran launched missile strikes on targets inside Pakistan on Tuesday <img src=x onerror=alert(1)>.",
                    LocalDate.parse("2024-01-16"), "javascript:alert(1)", "evil-feed");
            s.pipeline().process(a, "h1");
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.email().delivery().deliverDue()).isEqualTo(1);
        }
        MimeMessage m = MAIL.getReceivedMessages()[0];
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getAllRecipients()).hasSize(1);
        assertThat(m.getSubject()).doesNotContain("\r").doesNotContain("\n");
        String html = text(m, "text/html");
        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x")
                .doesNotContain("javascript:").contains("&lt;img src").contains("&lt;script&gt;");
    }

    @Test
    void twoNodesDeliveringFromOneOutboxSendEachMessageOnce() throws Exception {
        TestClock clock = new TestClock();
        List<EmailConfig.Recipient> officers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            officers.add(new EmailConfig.Recipient("officer " + i, "officer" + i + "@example.org", null, null, null,
                    null, null));
        }
        WatchfloorConfig cfg = config(email(MAIL.getSmtp().getPort(), officers, "", List.of()));
        try (Database db = Database.inMemory("nodes-" + UUID.randomUUID())) {
            Setup nodeA = setup(cfg, db, clock);
            Pipelines.Email nodeB = Pipelines.email(cfg, db, clock);
            processSeeds(nodeA.pipeline());
            clock.advance(Duration.ofMinutes(1));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> nodeA.email().delivery().deliverDue());
                var b = pool.submit(() -> nodeB.delivery().deliverDue());
                assertThat(a.get() + b.get()).isEqualTo(20);
            } finally {
                pool.shutdown();
            }
            assertThat(new OutboxStore(db).countPending()).isZero();
        }
        List<String> to = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            to.add(m.getAllRecipients()[0].toString());
        }
        assertThat(to).hasSize(20).doesNotHaveDuplicates();
    }
}
