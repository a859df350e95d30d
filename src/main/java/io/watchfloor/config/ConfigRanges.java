package io.watchfloor.config;

import java.time.Duration;
import java.util.List;

/**
 * The range of every number, duration and size in the configuration: a value out of range is named with its key
 * (and, by the loader, its file and line) before anything starts, rather than failing later with a stack trace.
 */
final class ConfigRanges {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String PASSWORD_HASH = "pbkdf2-sha256\\$[0-9]{4,8}\\$[A-Za-z0-9+/=]{8,}\\$[A-Za-z0-9+/=]{16,}";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private ConfigRanges() { }

    static void check(WatchfloorConfig c, List<String> problems) {
        Ranges r = new Ranges(problems);
        WatchfloorConfig.Sources s = c.sources();
        r.between("sources.scanInterval", s.scanInterval(), SECOND, DAY);
        r.between("sources.settleDelay", s.settleDelay(), Duration.ZERO, MINUTE);
        for (int i = 0; i < s.feeds().size(); i++) {
            WatchfloorConfig.Feed f = s.feeds().get(i);
            if (f != null && f.interval() != null) {
                r.between("sources.feeds[" + i + "].interval", f.interval(), SECOND, Duration.ofDays(7));
            }
        }
        WatchfloorConfig.Fetch f = s.fetch();
        r.between("sources.fetch.interval", f.interval(), SECOND, Duration.ofDays(7));
        r.between("sources.fetch.connectTimeout", f.connectTimeout(), Duration.ofMillis(100), Duration.ofMinutes(5));
        r.between("sources.fetch.readTimeout", f.readTimeout(), Duration.ofMillis(100), HOUR);
        r.size("sources.fetch.maxBytes", f.maxBytes(), 1024, 1L << 30);
        r.between("sources.fetch.maxRedirects", f.maxRedirects(), 0, 20);
        r.between("sources.fetch.maxItemChars", f.maxItemChars(), 100, 10_000_000);
        r.between("sources.fetch.backoffInitial", f.backoffInitial(), SECOND, DAY);
        r.between("sources.fetch.backoffMax", f.backoffMax(), SECOND, Duration.ofDays(30));
        r.notShorter("sources.fetch.backoffMax", f.backoffMax(), "backoffInitial", f.backoffInitial());
        r.between("sources.fetch.concurrency", f.concurrency(), 1, 256);
        r.between("sources.stories.windowDays", s.stories().windowDays(), 0, 30);
        if (s.stories().threshold() <= 0 || s.stories().threshold() > 1) {
            problems.add("key 'sources.stories.threshold': must be above 0 and at most 1");
        }

        WatchfloorConfig.Rules rules = c.rules();
        r.between("rules.freshnessDays", rules.freshnessDays(), 0, 3650);
        r.between("rules.corroborationDays", rules.corroborationDays(), 0, 365);
        r.between("rules.retentionDays", rules.retentionDays(), 1, 3650);
        r.between("rules.evaluationTimeout", rules.evaluationTimeout(), Duration.ofMillis(100), Duration.ofMinutes(10));

        EmailConfig e = c.email();
        r.between("email.smtp.port", e.smtp().port(), 1, 65535);
        r.between("email.smtp.timeout", e.smtp().timeout(), SECOND, Duration.ofMinutes(10));
        r.between("email.groupWait", e.groupWait(), Duration.ZERO, DAY);
        r.between("email.repeatInterval", e.repeatInterval(), MINUTE, Duration.ofDays(30));
        r.between("email.deliveryInterval", e.deliveryInterval(), SECOND, HOUR);
        r.between("email.retryInitial", e.retryInitial(), SECOND, DAY);
        r.between("email.retryMax", e.retryMax(), SECOND, Duration.ofDays(7));
        r.notShorter("email.retryMax", e.retryMax(), "retryInitial", e.retryInitial());

        WatchfloorConfig.Http h = c.http();
        r.between("http.port", h.port(), 0, 65535);
        r.between("http.outboxLimit", h.outboxLimit(), 1, 10_000_000);
        r.between("http.deliveryFailureWindow", h.deliveryFailureWindow(), Duration.ofSeconds(10), DAY);
        r.between("http.stallAfter", h.stallAfter(), Duration.ofSeconds(10), DAY);
        if (h.stallAfter().compareTo(rules.evaluationTimeout()) <= 0) {
            problems.add("key 'http.stallAfter': must be longer than rules.evaluationTimeout ("
                    + DurationDeserializer.human(rules.evaluationTimeout()) + ")");
        }
        r.size("http.diskFreeMin", h.diskFreeMin(), 0, 1L << 50);
        r.between("http.board.sessionIdle", h.board().sessionIdle(), MINUTE, Duration.ofDays(30));
        for (int i = 0; i < h.board().users().size(); i++) {
            WatchfloorConfig.BoardUser u = h.board().users().get(i);
            if (u.name() == null || u.name().isBlank()) {
                problems.add("key 'http.board.users[" + i + "].name': must not be empty");
            }
            // pbkdf2-sha256$ITERATIONS$SALT$HASH, as 'watchfloor board hash-password' prints it.
            if (u.passwordHash() == null
                    || !u.passwordHash().matches(PASSWORD_HASH)) {
                problems.add("key 'http.board.users[" + i + "].passwordHash': not a hash made by"
                        + " 'watchfloor board hash-password'");
            }
        }
        r.between("cluster.checkinInterval", c.cluster().checkinInterval(), Duration.ofMillis(500), Duration.ofMinutes(5));
    }

    /** Collects "key 'K': must be ..." problems. */
    private record Ranges(List<String> problems) {
        void between(String key, long value, long min, long max) {
            if (value < min) {
                problems.add("key '" + key + "': must be " + min + " or more");
            } else if (value > max) {
                problems.add("key '" + key + "': must be " + max + " or less");
            }
        }

        void size(String key, long value, long min, long max) {
            if (value < min) {
                problems.add("key '" + key + "': must be " + SizeDeserializer.human(min) + " or more");
            } else if (value > max) {
                problems.add("key '" + key + "': must be " + SizeDeserializer.human(max) + " or less");
            }
        }

        void between(String key, Duration value, Duration min, Duration max) {
            if (value.compareTo(min) < 0) {
                problems.add("key '" + key + "': must be " + DurationDeserializer.human(min) + " or more");
            } else if (value.compareTo(max) > 0) {
                problems.add("key '" + key + "': must be " + DurationDeserializer.human(max) + " or less");
            }
        }

        void notShorter(String key, Duration value, String otherKey, Duration other) {
            if (value.compareTo(other) < 0) {
                problems.add("key '" + key + "': must not be shorter than " + otherKey);
            }
        }
    }
}
