package io.watchfloor.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The whole configuration, with the embedded defaults filled in for whatever the file leaves out.
 * Relative paths are resolved against the working directory.
 */
public record WatchfloorConfig(String dataDir, String rulesDir, String timezone, Sources sources, Rules rules,
                               Extract extract, Database database, Alerts alerts, EmailConfig email, Http http,
                               Cluster cluster) {

    public WatchfloorConfig {
        dataDir = orDefault(dataDir, "var");
        rulesDir = orDefault(rulesDir, "rules");
        timezone = orDefault(timezone, "UTC");
        sources = sources == null ? new Sources(null, null, null, null, null, null, null) : sources;
        rules = rules == null ? new Rules(null, null, null, null, null) : rules;
        extract = extract == null ? new Extract(null) : extract;
        database = database == null ? new Database(null, null, null) : database;
        alerts = alerts == null ? new Alerts(null) : alerts;
        email = email == null ? EmailConfig.defaults() : email;
        http = http == null ? new Http(null, null, null, null, null, null, null, null) : http;
        cluster = cluster == null ? new Cluster(null, null, null) : cluster;
    }

    /**
     * Several nodes on one PostgreSQL database: one scheduler, each job on one node at a time. {@code nodeId} names
     * this node's claims on outbox messages and its journal of alert changes, across restarts; empty: the one kept
     * in the data folder ({@code node-id}, made on the first start).
     */
    public record Cluster(Boolean enabled,
                          @JsonDeserialize(using = DurationDeserializer.class) Duration checkinInterval,
                          String nodeId) {
        public Cluster {
            enabled = enabled == null ? Boolean.FALSE : enabled;
            checkinInterval = checkinInterval == null ? Duration.ofSeconds(5) : checkinInterval;
            nodeId = nodeId == null ? "" : nodeId.strip();
        }
    }

    /**
     * The health and metrics endpoint, and what /health calls degraded: more than {@code outboxLimit} messages
     * waiting, an SMTP send failed within {@code deliveryFailureWindow}, work waiting while the pipeline has not
     * advanced for {@code stallAfter}, less than {@code diskFreeMin} bytes free on the data disk.
     */
    public record Http(Boolean enabled, String bind, Integer port, Integer outboxLimit,
                       @JsonDeserialize(using = DurationDeserializer.class) Duration deliveryFailureWindow,
                       @JsonDeserialize(using = DurationDeserializer.class) Duration stallAfter,
                       @JsonDeserialize(using = SizeDeserializer.class) Long diskFreeMin, Board board) {
        public Http {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            bind = orDefault(bind, "127.0.0.1");
            port = port == null ? 9107 : port;
            outboxLimit = outboxLimit == null ? 100 : outboxLimit;
            deliveryFailureWindow = deliveryFailureWindow == null ? Duration.ofMinutes(5) : deliveryFailureWindow;
            stallAfter = stallAfter == null ? Duration.ofMinutes(5) : stallAfter;
            diskFreeMin = diskFreeMin == null ? 500L << 20 : diskFreeMin;
            board = board == null ? new Board(null, null, null, null) : board;
        }
    }

    /**
     * Who may write on the situation board (everyone may read): {@code users} with PBKDF2 password hashes (made by
     * {@code watchfloor board hash-password}), or the user a trusted reverse proxy names in {@code proxyHeader}, taken
     * only from {@code proxyAddresses}; a session ends after {@code sessionIdle} without a request.
     */
    public record Board(List<BoardUser> users, String proxyHeader, List<String> proxyAddresses,
                        @JsonDeserialize(using = DurationDeserializer.class) Duration sessionIdle) {
        public Board {
            users = users == null ? List.of() : List.copyOf(users);
            proxyHeader = proxyHeader == null ? "" : proxyHeader.strip();
            proxyAddresses = proxyAddresses == null ? List.of("127.0.0.1", "::1") : List.copyOf(proxyAddresses);
            sessionIdle = sessionIdle == null ? Duration.ofHours(12) : sessionIdle;
        }
    }

    /** A board user: a name and a password hash ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}). */
    public record BoardUser(String name, String passwordHash) { }

    /** A configuration that differs from the defaults only in its rules folder. */
    public static WatchfloorConfig withRules(String rulesDir) {
        return new WatchfloorConfig(null, rulesDir, null, null, null, null, null, null, null, null, null);
    }

    /** The same configuration with another rules folder. */
    public WatchfloorConfig withRulesDir(String dir) {
        return new WatchfloorConfig(dataDir, dir, timezone, sources, rules, extract, database, alerts, email, http,
                cluster);
    }

    /** The embedded defaults: the seeds folder, data under ./var. */
    public static WatchfloorConfig defaults() {
        return new WatchfloorConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Article sources: folders of files (read as soon as they change when {@code watch} is on, after
     * {@code settleDelay} of quiet, and every {@code scanInterval} anyway), RSS/Atom feeds, how feeds are fetched, how
     * stories are grouped.
     */
    public record Sources(@JsonDeserialize(using = DurationDeserializer.class) Duration scanInterval,
                          Boolean watch,
                          @JsonDeserialize(using = DurationDeserializer.ZeroOrMore.class) Duration settleDelay,
                          List<String> folders, List<Feed> feeds, Fetch fetch, Stories stories) {
        public Sources {
            scanInterval = scanInterval == null ? Duration.ofMinutes(1) : scanInterval;
            watch = watch == null ? Boolean.TRUE : watch;
            settleDelay = settleDelay == null ? Duration.ofMillis(200) : settleDelay;
            folders = folders == null ? List.of("seeds") : List.copyOf(folders);
            feeds = feeds == null ? List.of() : List.copyOf(feeds);
            fetch = fetch == null ? new Fetch(null, null, null, null, null, null, null, null, null, null, null) : fetch;
            stories = stories == null ? new Stories(null, null) : stories;
        }
    }

    /**
     * One RSS or Atom feed. {@code name} (default: the URL's host) identifies the feed in the store and in
     * {@code status}; {@code outlet} (default: the name) is the article's source, so that two feeds of one outlet
     * count as one source; {@code interval} (default: {@code sources.fetch.interval}) is how often it is polled.
     */
    public record Feed(String url, String name, String outlet,
                       @JsonDeserialize(using = DurationDeserializer.class) Duration interval, Tags tags) {
        public Feed {
            url = url == null ? "" : url.strip();
            name = orDefault(name == null ? null : name.strip(), hostOf(url));
            outlet = orDefault(outlet == null ? null : outlet.strip(), name);
            tags = tags == null ? new Tags(null, null) : tags;
        }

        private static String hostOf(String url) {
            try {
                String host = java.net.URI.create(url).getHost();
                return host == null ? url : host;
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }

    /** Free-form tags of a feed, shown by {@code status}. */
    public record Tags(String region, String language) { }

    /**
     * How feeds are fetched: politeness, limits and backoff; {@code allowAddresses} are internal address ranges
     * (CIDR) that feeds may reach although they are loopback, private, link-local ... (refused by default).
     */
    public record Fetch(@JsonDeserialize(using = DurationDeserializer.class) Duration interval,
                        @JsonDeserialize(using = DurationDeserializer.class) Duration connectTimeout,
                        @JsonDeserialize(using = DurationDeserializer.class) Duration readTimeout,
                        @JsonDeserialize(using = SizeDeserializer.class) Long maxBytes, Integer maxRedirects, Integer maxItemChars, String userAgent,
                        @JsonDeserialize(using = DurationDeserializer.class) Duration backoffInitial,
                        @JsonDeserialize(using = DurationDeserializer.class) Duration backoffMax,
                        Integer concurrency, List<String> allowAddresses) {
        public Fetch {
            interval = interval == null ? Duration.ofMinutes(5) : interval;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
            maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
            maxRedirects = maxRedirects == null ? 5 : maxRedirects;
            maxItemChars = maxItemChars == null ? 100_000 : maxItemChars;
            userAgent = orDefault(userAgent, "watchfloor/0.1 (news watch daemon; feed reader)");
            backoffInitial = backoffInitial == null ? Duration.ofMinutes(1) : backoffInitial;
            backoffMax = backoffMax == null ? Duration.ofHours(6) : backoffMax;
            concurrency = concurrency == null ? 16 : concurrency;
            allowAddresses = allowAddresses == null ? List.of() : List.copyOf(allowAddresses);
        }
    }

    /**
     * Story clustering: articles published within {@code windowDays} of each other whose term vectors (title,
     * names, words) have a cosine similarity of at least {@code threshold} are one story.
     */
    public record Stories(Integer windowDays, Double threshold) {
        public Stories {
            windowDays = windowDays == null ? 2 : windowDays;
            threshold = threshold == null ? 0.45 : threshold;
        }
    }

    /**
     * Rule evaluation. {@code evaluationTimeout} bounds the rules' work on one article: past it the article is set
     * aside (recorded, retried after the next rule change) and the next one goes on.
     */
    public record Rules(Integer freshnessDays, Integer corroborationDays, Integer retentionDays, Boolean watch,
                        @JsonDeserialize(using = DurationDeserializer.class) Duration evaluationTimeout) {
        public Rules {
            evaluationTimeout = evaluationTimeout == null ? Duration.ofSeconds(10) : evaluationTimeout;
            watch = watch == null ? Boolean.TRUE : watch;
            freshnessDays = freshnessDays == null ? 3 : freshnessDays;
            corroborationDays = corroborationDays == null ? 2 : corroborationDays;
            retentionDays = retentionDays == null ? 45 : retentionDays;
        }
    }

    /**
     * Signal extraction. {@code parser} reads the grammar of the sentences that name an event and a country:
     * {@code corenlp} (Stanford CoreNLP's dependency parse: who did what to whom; its models take about 350 MB of heap
     * and load in the background at start) or {@code none} (roles from the order of words, as before the parse: for
     * machines that cannot spare the memory).
     */
    public record Extract(String parser) {
        /** The parsers {@code parser} may name. */
        public static final List<String> PARSERS = List.of("corenlp", "none");

        public Extract {
            parser = orDefault(parser == null ? null : parser.strip().toLowerCase(Locale.ROOT), "corenlp");
        }

        /** Whether sentences are parsed (by CoreNLP) at all. */
        public boolean parses() {
            return !parser.equals("none");
        }
    }

    /** The store. An empty url means an H2 file database under the data directory. */
    public record Database(String url, String user, String passwordEnv) {
        public Database {
            url = url == null ? "" : url;
            user = orDefault(user, "sa");
            passwordEnv = orDefault(passwordEnv, "WATCHFLOOR_DB_PASSWORD");
        }
    }

    /** Where alerts go besides the log. */
    public record Alerts(String jsonlFile) {
        public Alerts {
            jsonlFile = orDefault(jsonlFile, "alerts.jsonl");
        }
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public Path rulesPath() {
        return Path.of(rulesDir);
    }

    /** The admin's rules as last compiled, so that a restart on the same rules skips the Java compiler. */
    public Path compiledRulesDir() {
        return dataPath().resolve("compiled-rules");
    }

    /** Where .eml files go when no SMTP server is configured. */
    public Path outboxDir() {
        return dataPath().resolve("outbox");
    }

    /** Silences added with `watchfloor silence add` (the config's own silences apply too). */
    public Path silencesFile() {
        return dataPath().resolve("silences.yaml");
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** The JDBC URL in force. */
    public String databaseUrl() {
        if (!database.url().isBlank()) {
            return database.url();
        }
        return "jdbc:h2:file:" + dataPath().toAbsolutePath().normalize().resolve("watchfloor");
    }

    /** Alerts JSON Lines file: relative names live in the data directory. */
    public Path alertsFile() {
        return dataPath().resolve(alerts.jsonlFile());
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }
}
