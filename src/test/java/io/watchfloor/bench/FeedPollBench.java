package io.watchfloor.bench;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.ingest.dedup.StoryClusterer;
import io.watchfloor.ingest.feed.FeedFetcher;
import io.watchfloor.ingest.feed.FeedPoller;
import io.watchfloor.ingest.feed.FeedRound;
import io.watchfloor.ingest.feed.FeedSpec;
import io.watchfloor.ingest.feed.FetchSettings;
import io.watchfloor.ingest.feed.LoopbackFeedServer;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.Database;
import io.watchfloor.store.FeedItemStore;
import io.watchfloor.store.FeedStateStore;
import io.watchfloor.store.StoryStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feed-polling benchmark: a loopback server with N generated feeds (RSS 2.0, K items each, ETag/Last-Modified),
 * polled by the real poller (HTTP client, Rome, dedup and story stores on an H2 file database) in one fresh round
 * and one all-304 round. By default new items go to a sink that only counts them (the polling cost alone); with
 * {@code --pipeline} they go through the whole article pipeline (extraction, rules, alerts).
 *
 * <pre>bench/feeds.sh [--feeds 1000] [--items 5] [--concurrency 16] [--pipeline]</pre>
 */
public final class FeedPollBench {
    /** A news-sized vocabulary of made-up words; drawn with a skew, so that some words are common, most rare. */
    private static final String[] WORDS = vocabulary(20_000);

    private static String[] vocabulary(int n) {
        String[] syllables = ("ka ri to man sel vor dan pe lu ba tin gor ma shi ven ra col ter nis bo quel ar "
                + "den fi ho ju les mor nal os pra rum sta tor ul vin wes yan zel").split(" ");
        Random r = new Random(7);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + r.nextInt(3);
            for (int k = 0; k < parts; k++) {
                w.append(syllables[r.nextInt(syllables.length)]);
            }
            out[i] = w.toString();
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int feeds = 1000;
        int items = 5;
        int concurrency = 16;
        boolean pipeline = false;
        boolean clustering = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--feeds" -> feeds = Integer.parseInt(args[++i]);
                case "--items" -> items = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--pipeline" -> pipeline = true;
                case "--no-stories" -> clustering = false;
                default -> {
                    System.err.println("usage: feeds.sh [--feeds N] [--items K] [--concurrency C] [--pipeline]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("watchfloor-feed-bench");
        try (LoopbackFeedServer server = new LoopbackFeedServer();
             Database db = Database.open("jdbc:h2:file:" + dir.resolve("bench"), "sa", "")) {
            List<FeedSpec> specs = new ArrayList<>();
            List<FeedSpec> warmup = new ArrayList<>();
            Random random = new Random(42);
            long bytes = 0;
            int warm = Math.max(50, feeds / 5);
            for (int f = 0; f < feeds + warm; f++) {
                String xml = feed(f, items, random);
                if (f < feeds) {
                    bytes += xml.length();
                }
                server.serve("/feed/" + f + ".xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/rss+xml; charset=utf-8", false);
                (f < feeds ? specs : warmup).add(new FeedSpec("feed-" + f, server.url("/feed/" + f + ".xml"),
                        "outlet-" + f, Duration.ofMinutes(5), null, null));
            }
            AtomicInteger processed = new AtomicInteger();
            FeedPoller.ArticleSink sink;
            if (pipeline) {
                WatchfloorConfig cfg = WatchfloorConfig.defaults();
                ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
                sink = (a, sha) -> {
                    p.process(a, sha);
                    processed.incrementAndGet();
                };
            } else {
                sink = (a, sha) -> processed.incrementAndGet();
            }
            StoryClusterer stories = !clustering ? null : new StoryClusterer(StoryClusterer.countryTerms(ActorCatalog.loadDefault()), 2,
                    0.45, new StoryStore(db));
            FetchSettings d = FetchSettings.defaults();
            FetchSettings settings = new FetchSettings(d.connectTimeout(), d.readTimeout(), d.maxBytes(),
                    d.maxRedirects(), d.maxItemChars(), d.userAgent(), d.backoffInitial(), d.backoffMax(), concurrency);
            FeedPoller poller = new FeedPoller(new FeedFetcher(settings), new FeedStateStore(db), new FeedItemStore(db),
                    stories, sink, ZoneOffset.UTC, Clock.systemUTC());
            System.out.printf(Locale.ROOT, "%d feeds x %d items (%.1f MB of RSS) on 127.0.0.1, concurrency %d, %s,"
                            + " %d cores%n", feeds, items, bytes / 1e6, concurrency,
                    pipeline ? "full article pipeline" : "counting sink (polling cost only)",
                    Runtime.getRuntime().availableProcessors());
            try (FeedRound round = new FeedRound(poller, concurrency)) {
                // Warm-up on separate feeds (a fifth as many), so that class loading and JIT compilation, which a
                // running daemon has long done, are not timed.
                round(round, warmup, "warm-up", processed);
                round(round, warmup, "warm-up 304", processed);
                round(round, specs, "fresh round", processed);
                round(round, specs, "all-304 round", processed);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void round(FeedRound round, List<FeedSpec> specs, String name, AtomicInteger processed) {
        if (specs.isEmpty()) {
            return;
        }
        int before = processed.get();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        List<FeedPoller.PollReport> reports = round.run(specs);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        Map<FeedPoller.Outcome, Integer> outcomes = new EnumMap<>(FeedPoller.Outcome.class);
        reports.forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "%-14s %6.2f s  (process CPU %.2f s, load average %.1f)  %s, %d new items%n",
                name, s, cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), outcomes,
                processed.get() - before);
    }

    /** CPU time of this process (client and loopback server together), to read timings on a busy machine. */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static String feed(int f, int items, Random random) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                + "<channel><title>Generated feed " + f + "</title><link>https://feed" + f + ".example/</link>"
                + "<description>benchmark</description>\n");
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(f % 300);
        for (int i = 0; i < items; i++) {
            sb.append("<item><guid isPermaLink=\"false\">f").append(f).append("-i").append(i).append("</guid>")
                    .append("<link>https://feed").append(f).append(".example/story/").append(i).append("</link>")
                    .append("<title>").append(words(random, 8)).append("</title>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            day.atTime(8, i % 60).atOffset(ZoneOffset.UTC))).append("</pubDate>")
                    .append("<description>&lt;p&gt;").append(words(random, 120)).append("&lt;/p&gt;</description>")
                    .append("</item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    private static String words(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(i % 15 == 0 ? ". " : " ");
            }
            String w = WORDS[(int) (WORDS.length * Math.pow(random.nextDouble(), 2.5))];
            sb.append(i % 15 == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return sb.append('.').toString();
    }
}
