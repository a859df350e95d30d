package io.watchfloor.notify;

import io.watchfloor.config.EmailConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** SMTP through Angus Mail: STARTTLS (required, not opportunistic), implicit TLS, or plain; optional login. */
public final class SmtpMailer implements Mailer {
    private final Session session;
    private final String description;

    public SmtpMailer(EmailConfig.Smtp smtp, String password) {
        Properties p = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        boolean tls = smtp.security().equals("tls");
        String proto = tls ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", smtp.host());
        p.put("mail." + proto + ".port", Integer.toString(smtp.port()));
        p.put("mail." + proto + ".connectiontimeout", timeout);
        p.put("mail." + proto + ".timeout", timeout);
        p.put("mail." + proto + ".writetimeout", timeout);
        if (smtp.security().equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (tls || smtp.security().equals("starttls")) {
            p.put("mail." + proto + ".ssl.checkserveridentity", "true");
            if (!smtp.trust().isBlank()) {
                p.put("mail." + proto + ".ssl.trust", smtp.trust());
            }
        }
        Authenticator auth = null;
        if (!smtp.user().isBlank()) {
            p.put("mail." + proto + ".auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.user(), password == null ? "" : password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
        this.description = proto + "://" + smtp.host() + ":" + smtp.port() + " (" + smtp.security() + ")";
    }

    /** The session messages are built in, so they carry its settings. */
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    @Override
    public String describe() {
        return description;
    }
}
