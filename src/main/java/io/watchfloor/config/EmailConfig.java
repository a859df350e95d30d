package io.watchfloor.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Email delivery. With no SMTP host, messages are written as .eml files to the data directory's outbox folder, so a
 * new user can open them in any mail client.
 */
public record EmailConfig(Smtp smtp, String from, String templates,
                          @JsonDeserialize(using = DurationDeserializer.ZeroOrMore.class) Duration groupWait,
                          @JsonDeserialize(using = DurationDeserializer.class) Duration repeatInterval,
                          @JsonDeserialize(using = DurationDeserializer.class) Duration deliveryInterval,
                          @JsonDeserialize(using = DurationDeserializer.class) Duration retryInitial,
                          @JsonDeserialize(using = DurationDeserializer.class) Duration retryMax,
                          List<Recipient> recipients, String defaultRecipient, Digest digest,
                          List<Silence> silences, List<String> admins) {
    public EmailConfig {
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null, null) : smtp;
        from = blank(from) ? "watchfloor <watchfloor@localhost>" : from;
        templates = blank(templates) ? "config/templates" : templates;
        groupWait = groupWait == null ? Duration.ofSeconds(30) : groupWait;
        repeatInterval = repeatInterval == null ? Duration.ofHours(4) : repeatInterval;
        deliveryInterval = deliveryInterval == null ? Duration.ofSeconds(10) : deliveryInterval;
        retryInitial = retryInitial == null ? Duration.ofSeconds(30) : retryInitial;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        defaultRecipient = defaultRecipient == null ? "watch-officer@localhost" : defaultRecipient;
        digest = digest == null ? new Digest(null, null) : digest;
        silences = silences == null ? List.of() : List.copyOf(silences);
        admins = admins == null ? List.of() : List.copyOf(admins);
    }

    /** Without admins: nobody is emailed notices for admins (refused rule changes, rules that throw). */
    public EmailConfig(Smtp smtp, String from, String templates, Duration groupWait, Duration repeatInterval,
                       Duration deliveryInterval, Duration retryInitial, Duration retryMax, List<Recipient> recipients,
                       String defaultRecipient, Digest digest, List<Silence> silences) {
        this(smtp, from, templates, groupWait, repeatInterval, deliveryInterval, retryInitial, retryMax, recipients,
                defaultRecipient, digest, silences, null);
    }

    public static EmailConfig defaults() {
        return new EmailConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The SMTP server; the password comes from an environment variable or a file, never from this file. */
    public record Smtp(String host, Integer port, String security, String user, String passwordEnv,
                       String passwordFile, String trust,
                       @JsonDeserialize(using = DurationDeserializer.class) Duration timeout) {
        public Smtp {
            trust = trust == null ? "" : trust.trim();
            host = host == null ? "" : host.trim();
            security = blank(security) ? "starttls" : security.trim().toLowerCase(java.util.Locale.ROOT);
            port = port == null ? ("tls".equals(security) ? 465 : "none".equals(security) ? 25 : 587) : port;
            user = user == null ? "" : user;
            passwordEnv = blank(passwordEnv) ? "WATCHFLOOR_SMTP_PASSWORD" : passwordEnv;
            passwordFile = passwordFile == null ? "" : passwordFile;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        public boolean configured() {
            return !host.isEmpty();
        }
    }

    /** A watch officer and what they follow. Without pairs, countries or regions, they follow everything. */
    public record Recipient(String name, String address, List<String> pairs, List<String> countries,
                            List<String> regions, String minSeverity, List<String> categories) {
        public Recipient {
            pairs = pairs == null ? List.of() : List.copyOf(pairs);
            countries = countries == null ? List.of() : List.copyOf(countries);
            regions = regions == null ? List.of() : List.copyOf(regions);
            minSeverity = blank(minSeverity) ? "INFO" : minSeverity;
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** The daily digest: a Quartz cron expression (seconds first) in the configured time zone. */
    public record Digest(Boolean enabled, String cron) {
        public Digest {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            cron = blank(cron) ? "0 0 7 * * ?" : cron;
        }
    }

    /**
     * Alerts matching every key given (a pair, a rule, a type) are stored but not sent until {@code until}; who added
     * it, when known ({@code watchfloor silence add} or the board).
     */
    public record Silence(String id, String pair, String rule, String type, Instant until, String comment,
                          String author) {
        /** A silence whose author is not recorded (the config's own, and those of earlier versions). */
        public Silence(String id, String pair, String rule, String type, Instant until, String comment) {
            this(id, pair, rule, type, until, comment, null);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
