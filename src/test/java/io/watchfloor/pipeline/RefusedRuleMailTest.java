package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.TestFiles;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.store.Database;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A refused rule change reaches the admins' mailbox once, with the file, the line and what is wrong there. */
class RefusedRuleMailTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static String plain(MimeMessage m) throws Exception {
        return ((String) ((Multipart) m.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    @Test
    void aRefusedRuleChangeIsEmailedToTheAdminsOncePerDistinctRefusal() throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        EmailConfig email = new EmailConfig(new EmailConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), "none", null,
                null, null, null, Duration.ofSeconds(5)), "watchfloor <watchfloor@example.org>", "config/templates",
                Duration.ZERO, Duration.ofHours(4), null, Duration.ofSeconds(30), Duration.ofHours(1), List.of(),
                "duty@example.org", null, List.of(), List.of("ops@example.org", "rules-admin@example.org"));
        WatchfloorConfig cfg = new WatchfloorConfig(dir.resolve("var").toString(), rules.toString(), null, null,
                null, null, null, null, email, null, null);
        Path file = rules.resolve("escalation.drl");
        List<String> lines = Files.readAllLines(file);
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("severity(\"WARNING\")")).findFirst()
                .orElseThrow()) + 1;
        try (Database db = Database.inMemory("refused-" + UUID.randomUUID())) {
            LiveEmail live = new LiveEmail(Pipelines.email(cfg, db, Clock.systemUTC()));
            ArticlePipeline pipeline = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(live));
            RuleReload reload = new RuleReload(rules, pipeline, ActorCatalog.loadDefault(), Pipelines.parser(cfg),
                    Clock.systemUTC());
            String good = Files.readString(file);
            Files.writeString(file, good.replaceFirst("severity\\(\"WARNING\"\\)", "severity(\"WARNNG\")"));
            assertThat(reload.reload().swapped()).isFalse();
            assertThat(reload.reload().swapped()).as("the same broken file, read again").isFalse();
            assertThat(live.deliverDue()).as("one message per admin").isEqualTo(2);
            assertThat(live.deliverDue()).isZero();

            // A different mistake is another refusal: told again.
            Files.writeString(file, good.replaceFirst("severity\\(\"WARNING\"\\)", "severity(\"CRITCAL\")"));
            assertThat(reload.reload().swapped()).isFalse();
            assertThat(live.deliverDue()).isEqualTo(2);
        }
        MimeMessage[] ops = received("ops@example.org");
        assertThat(ops).hasSize(2);
        assertThat(received("rules-admin@example.org")).hasSize(2);
        assertThat(received("duty@example.org")).as("watch officers are not sent rule errors").isEmpty();
        MimeMessage first = ops[0];
        assertThat(first.getSubject()).startsWith("[watchfloor admin] Rule change rejected in ")
                .endsWith("the last good rules keep running");
        String body = plain(first);
        assertThat(body).contains("escalation.drl:" + line + ": ")
                .contains("\"WARNNG\" is not a severity (INFO, WARNING, CRITICAL): did you mean WARNING?");
        assertThat(plain(ops[1])).contains("escalation.drl:" + line + ": ").contains("\"CRITCAL\" is not a severity");
    }

    private static MimeMessage[] received(String address) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
