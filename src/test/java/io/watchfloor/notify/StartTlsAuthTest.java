package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.config.EmailConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/** SMTP that requires STARTTLS and a login, on loopback: the mailer upgrades, authenticates, and is accepted. */
class StartTlsAuthTest {
    private SMTPServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        // A self-signed certificate for 127.0.0.1, made with the JDK's keytool.
        Path ks = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("127.0.0.1")
                .enableTLS().requireTLS().startTlsSocketFactory(ssl)
                .requireAuth().authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, pass, ctx) -> {
                    if (!user.equals("watchfloor") || !pass.equals("s3cret")) {
                        throw new LoginFailedException();
                    }
                    logins.add(user);
                }))
                .messageHandler((ctx, from, to, data) -> received.add(to + "\n" + new String(data)))
                .build();
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private MimeMessage message(SmtpMailer mailer) throws MessagingException {
        return new MessageBuilder(mailer.session(), "watchfloor@example.org").build("duty@example.org",
                "<alert-test-1@watchfloor>", new Rendered("[CRITICAL] ESCALATION IRN-PAK: test", "plain", "<p>html</p>",
                        Map.of()), Map.of());
    }

    private SmtpMailer mailer(String password) {
        return new SmtpMailer(new EmailConfig.Smtp("127.0.0.1", server.getPortAllocated(), "starttls", "watchfloor",
                null, null, "127.0.0.1", Duration.ofSeconds(10)), password);
    }

    @Test
    void upgradesWithStartTlsLogsInAndIsAccepted() throws Exception {
        SmtpMailer mailer = mailer("s3cret");
        mailer.send(message(mailer));
        assertThat(logins).containsExactly("watchfloor");
        assertThat(received).singleElement().satisfies(m -> assertThat(m).startsWith("duty@example.org\n")
                .contains("Message-ID: <alert-test-1@watchfloor>").contains("Subject: [CRITICAL] ESCALATION IRN-PAK"));
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsDelivered() throws Exception {
        SmtpMailer mailer = mailer("wrong");
        assertThatThrownBy(() -> mailer.send(message(mailer))).isInstanceOf(MessagingException.class);
        assertThat(received).isEmpty();
    }
}
