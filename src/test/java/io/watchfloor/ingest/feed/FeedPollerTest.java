package io.watchfloor.ingest.feed;

import static io.watchfloor.ingest.feed.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.ingest.dedup.StoryClusterer;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.notify.Notifier;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.FeedItemStore;
import io.watchfloor.store.FeedStateStore;
import io.watchfloor.store.FeedStateStore.FeedState;
import io.watchfloor.store.StoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {
    static final Duration INTERVAL = Duration.ofMinutes(5);
    LoopbackFeedServer server;
    Database db;
    final List<Article> processed = Collections.synchronizedList(new ArrayList<>());
    final List<Instant> processedAt = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackFeedServer();
        db = Database.inMemory("feeds-" + System.nanoTime());
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    FeedSpec spec(String name, String path) {
        return new FeedSpec(name, server.url(path), null, INTERVAL, null, null);
    }

    FeedPoller poller(FetchSettings settings, Clock clock) {
        return new FeedPoller(new FeedFetcher(settings, clock), new FeedStateStore(db), new FeedItemStore(db),
                null, (a, sha) -> {
                    processed.add(a);
                    processedAt.add(Instant.now());
                }, ZoneOffset.UTC, clock);
    }

    static FetchSettings settings(Duration readTimeout, Duration backoffInitial) {
        FetchSettings d = FetchSettings.defaults();
        return new FetchSettings(d.connectTimeout(), readTimeout, d.maxBytes(), d.maxRedirects(), d.maxItemChars(),
                d.userAgent(), backoffInitial, Duration.ofHours(1), 8);
    }

    @Test
    void notModifiedIsNotReprocessedAndOnlyNewItemsAreProcessedLater() {
        String two = Rss.feed("t", List.of(
                new Rss.Item("g1", "https://example.org/1", "First item", "Body one.", java.time.LocalDate.of(2024, 1, 20)),
                new Rss.Item("g2", "https://example.org/2", "Second item", "Body two.", java.time.LocalDate.of(2024, 1, 21))));
        server.serve("/rss", two);
        FeedPoller p = poller(FetchSettings.defaults(), Clock.systemUTC());
        FeedSpec feed = spec("example", "/rss");

        FeedPoller.PollReport first = p.poll(feed);
        assertThat(first.outcome()).isEqualTo(FeedPoller.Outcome.FETCHED);
        assertThat(first.fresh()).isEqualTo(2);
        assertThat(processed).extracting(Article::title).containsExactly("First item", "Second item");
        assertThat(processed.get(0).source()).isEqualTo("example");
        assertThat(processed.get(0).link()).isEqualTo("https://example.org/1");
        assertThat(processed.get(0).id()).isEqualTo("example/g1");

        FeedPoller.PollReport second = p.poll(feed);
        assertThat(second.outcome()).isEqualTo(FeedPoller.Outcome.NOT_MODIFIED);
        assertThat(processed).hasSize(2);
        FeedState s = new FeedStateStore(db).get("example").orElseThrow();
        assertThat(s.notModified()).isEqualTo(1);
        assertThat(s.polls()).isEqualTo(2);
        assertThat(s.etag()).isNotBlank();
        assertThat(s.ok()).isTrue();

        // The feed changes: one item added; the two old ones are recognised and skipped.
        server.serve("/rss", Rss.feed("t", List.of(
                new Rss.Item("g3", null, "Third item", "Body three.", java.time.LocalDate.of(2024, 1, 22)),
                new Rss.Item("g1", "https://example.org/1", "First item", "Body one.", java.time.LocalDate.of(2024, 1, 20)),
                new Rss.Item("g2", "https://example.org/2", "Second item", "Body two.", java.time.LocalDate.of(2024, 1, 21)))));
        FeedPoller.PollReport third = p.poll(feed);
        assertThat(third.fresh()).isEqualTo(1);
        assertThat(third.duplicates()).isEqualTo(2);
        assertThat(processed).extracting(Article::title).containsExactly("First item", "Second item", "Third item");
    }

    @Test
    void backoffAfterFailuresAndRecoveryAfter() {
        MutableClock clock = new MutableClock(Instant.parse("2024-02-01T00:00:00Z"));
        server.serve("/ok", fixture("rss10.rdf"), "application/rdf+xml", false);
        var ok = server.lastHeaders("/ok");
        assertThat(ok).isNull();
        server.sequence("/flaky", List.of(LoopbackFeedServer.statusOnly(500), LoopbackFeedServer.statusOnly(502),
                LoopbackFeedServer.statusOnly(500), ex -> {
                    byte[] b = fixture("rss10.rdf");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                }));
        FeedPoller p = poller(settings(Duration.ofSeconds(5), Duration.ofMinutes(10)), clock);
        FeedSpec feed = spec("flaky", "/flaky");
        FeedStateStore states = new FeedStateStore(db);

        assertThat(p.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        FeedState s1 = states.get("flaky").orElseThrow();
        assertThat(s1.consecutiveFailures()).isEqualTo(1);
        assertThat(s1.lastError()).isEqualTo("HTTP 500");
        assertThat(s1.backoffUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(s1.nextPoll()).isEqualTo(s1.backoffUntil());

        // Within the backoff: not even asked, also by a restarted daemon (the backoff is in the store).
        clock.advance(Duration.ofMinutes(9));
        assertThat(p.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.BACKING_OFF);
        FeedPoller restarted = poller(settings(Duration.ofSeconds(5), Duration.ofMinutes(10)), clock);
        assertThat(restarted.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.BACKING_OFF);
        assertThat(server.hits("/flaky")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(p.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        FeedState s2 = states.get("flaky").orElseThrow();
        assertThat(s2.consecutiveFailures()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), s2.backoffUntil())).isEqualTo(Duration.ofMinutes(20));

        clock.advance(Duration.ofMinutes(20));
        assertThat(p.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        FeedState s3 = states.get("flaky").orElseThrow();
        assertThat(s3.consecutiveFailures()).isEqualTo(3);
        assertThat(Duration.between(clock.instant(), s3.backoffUntil())).isEqualTo(Duration.ofMinutes(40));

        clock.advance(Duration.ofMinutes(40));
        FeedPoller.PollReport recovered = p.poll(feed);
        assertThat(recovered.outcome()).isEqualTo(FeedPoller.Outcome.FETCHED);
        assertThat(recovered.fresh()).isEqualTo(2);
        FeedState s4 = states.get("flaky").orElseThrow();
        assertThat(s4.ok()).isTrue();
        assertThat(s4.consecutiveFailures()).isZero();
        assertThat(s4.backoffUntil()).isNull();
        assertThat(s4.lastError()).isEqualTo("HTTP 500");   // kept for the record, with its time
        assertThat(s4.lastSuccess()).isEqualTo(clock.instant());
        assertThat(s4.nextPoll()).isEqualTo(clock.instant().plus(INTERVAL));
        assertThat(server.hits("/flaky")).isEqualTo(4);
    }

    @Test
    void tooManyRequestsIsRespected() {
        MutableClock clock = new MutableClock(Instant.parse("2024-02-01T00:00:00Z"));
        server.status("/limited", 429, Map.of("Retry-After", "3600"));
        FeedPoller p = poller(settings(Duration.ofSeconds(5), Duration.ofMinutes(1)), clock);
        FeedSpec feed = spec("limited", "/limited");
        assertThat(p.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        FeedState s = new FeedStateStore(db).get("limited").orElseThrow();
        assertThat(s.lastStatus()).isEqualTo(429);
        assertThat(s.backoffUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(59));
        assertThat(p.poll(feed).outcome()).isEqualTo(FeedPoller.Outcome.BACKING_OFF);
        assertThat(server.hits("/limited")).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void aSlowServerTimesOutWithoutStallingOtherFeeds() {
        server.handle("/slow", ex -> FeedFetcherTest.sleep(15_000));
        server.serve("/a", fixture("rss20.xml"), "application/rss+xml", false);
        server.serve("/b", fixture("atom10.xml"), "application/atom+xml", true);
        server.serve("/c", fixture("rss10.rdf"), "application/rdf+xml", false);
        FeedPoller p = poller(settings(Duration.ofSeconds(2), Duration.ofMinutes(1)), Clock.systemUTC());
        Instant start = Instant.now();
        List<FeedPoller.PollReport> reports;
        try (FeedRound round = new FeedRound(p, 4)) {
            reports = round.run(List.of(spec("slow", "/slow"), spec("a", "/a"), spec("b", "/b"), spec("c", "/c")));
        }
        Duration took = Duration.between(start, Instant.now());
        assertThat(reports.get(0).outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(reports.get(0).error()).contains("timed out");
        assertThat(reports.subList(1, 4)).allMatch(r -> r.outcome() == FeedPoller.Outcome.FETCHED);
        assertThat(processed).hasSize(5 + 2 + 2);
        // Every good item was processed well before the slow feed's deadline; the round ends at that deadline.
        assertThat(processedAt).allMatch(t -> Duration.between(start, t).compareTo(Duration.ofMillis(1500)) < 0);
        assertThat(took).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    @Timeout(20)
    void aFeedIsNeverPolledTwiceAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        server.handle("/slowish", ex -> {
            inside.countDown();
            FeedFetcherTest.sleep(1500);
            byte[] b = fixture("rss10.rdf");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        });
        FeedPoller p = poller(FetchSettings.defaults(), Clock.systemUTC());
        FeedSpec feed = spec("slowish", "/slowish");
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> p.poll(feed));
        inside.await();
        FeedPoller.PollReport second = p.poll(feed);   // e.g. a manual pass while the scheduled one runs
        assertThat(second.outcome()).isEqualTo(FeedPoller.Outcome.BUSY);
        assertThat(first.get().outcome()).isEqualTo(FeedPoller.Outcome.FETCHED);
        assertThat(server.hits("/slowish")).isEqualTo(1);
        assertThat(processed).hasSize(2);
    }

    @Test
    void malformedAndHostileFeedsAreReportedWhileGoodOnesFlow() {
        server.serve("/good", fixture("rss20.xml"), "application/rss+xml", false);
        server.serve("/broken", fixture("broken.xml"), "application/rss+xml", false);
        server.serve("/xxe", fixture("xxe.xml"), "application/rss+xml", false);
        server.serve("/lol", fixture("billion-laughs.xml"), "application/rss+xml", false);
        server.serve("/html", fixture("not-a-feed.html"), "text/html", false);
        FeedPoller p = poller(FetchSettings.defaults(), Clock.systemUTC());
        List<FeedPoller.PollReport> reports;
        try (FeedRound round = new FeedRound(p, 4)) {
            reports = round.run(List.of(spec("good", "/good"), spec("broken", "/broken"), spec("xxe", "/xxe"),
                    spec("lol", "/lol"), spec("html", "/html")));
        }
        assertThat(reports.get(0).outcome()).isEqualTo(FeedPoller.Outcome.FETCHED);
        assertThat(reports.get(0).fresh()).isEqualTo(5);
        assertThat(reports.subList(1, 5)).allMatch(r -> r.outcome() == FeedPoller.Outcome.FAILED);
        assertThat(processed).hasSize(5).noneMatch(a -> a.body().contains("root:") || a.body().contains("lol"));

        FeedStateStore states = new FeedStateStore(db);
        assertThat(states.get("good").orElseThrow().ok()).isTrue();
        assertThat(states.get("broken").orElseThrow().lastError()).startsWith("not a valid feed");
        assertThat(states.get("xxe").orElseThrow().lastError()).contains("DOCTYPE");
        assertThat(states.get("lol").orElseThrow().lastError()).contains("DOCTYPE");
        assertThat(states.get("html").orElseThrow().consecutiveFailures()).isEqualTo(1);
        // A broken document's validators are not kept: the next poll fetches it in full, not a 304 that hides it.
        assertThat(states.get("broken").orElseThrow().etag()).isNull();
    }

    // ---- with the real pipeline: articles, signals, alerts ----

    static List<Article> seeds() {
        return new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles().stream()
                .map(f -> f.article()).toList();
    }

    /** Runs a "daemon" (store, pipeline, poller) on a database URL, polls each feed once, closes. */
    static final class Daemon implements AutoCloseable {
        final Database db;
        final ArticlePipeline pipeline;
        final FeedPoller poller;
        final List<AlertChange> news = Collections.synchronizedList(new ArrayList<>());

        Daemon(String url) {
            WatchfloorConfig cfg = WatchfloorConfig.defaults();
            db = Database.open(url, "sa", "");
            Notifier n = news::add;
            pipeline = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(n));
            pipeline.restoreHistory(cfg.rules().retentionDays());
            StoryClusterer stories = new StoryClusterer(StoryClusterer.countryTerms(ActorCatalog.loadDefault()), 2,
                    0.45, new StoryStore(db));
            stories.restore(java.time.LocalDate.of(2024, 1, 1));
            poller = new FeedPoller(new FeedFetcher(FetchSettings.defaults()), new FeedStateStore(db),
                    new FeedItemStore(db), stories, pipeline::process, ZoneOffset.UTC, Clock.systemUTC());
        }

        List<FeedPoller.PollReport> poll(List<FeedSpec> feeds) {
            return feeds.stream().map(poller::poll).toList();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @Test
    void replayingAFeedOrRestartingBetweenPollsGivesNoDuplicateArticlesOrAlerts(@TempDir Path dir) {
        List<Article> seeds = seeds();
        String xml = Rss.feed("Wire", List.of(Rss.Item.of(seeds.get(0), "wire-000", "https://wire.example/000"),
                Rss.Item.of(seeds.get(1), "wire-002", "https://wire.example/002")));
        // A server that ignores validators: every poll gets the whole feed again (the worst case for duplicates).
        server.handle("/wire", ex -> {
            byte[] b = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        });
        FeedSpec wire = spec("wire", "/wire");
        String url = "jdbc:h2:file:" + dir.resolve("store");
        int alerts;
        List<String> alertState;
        try (Daemon d = new Daemon(url)) {
            FeedPoller.PollReport r = d.poll(List.of(wire)).get(0);
            assertThat(r.fresh()).isEqualTo(2);
            assertThat(d.news).isNotEmpty();
            alerts = new AlertStore(d.db).count();
            alertState = state(d.db);
            // Replay within the same run.
            FeedPoller.PollReport again = d.poll(List.of(wire)).get(0);
            assertThat(again.fresh()).isZero();
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(new ArticleStore(d.db).count()).isEqualTo(2);
        }
        try (Daemon d = new Daemon(url)) {   // a restart between polls
            FeedPoller.PollReport r = d.poll(List.of(wire)).get(0);
            assertThat(r.outcome()).isEqualTo(FeedPoller.Outcome.FETCHED);
            assertThat(r.fresh()).isZero();
            assertThat(r.duplicates()).isEqualTo(2);
            assertThat(d.news).isEmpty();
            assertThat(new ArticleStore(d.db).count()).isEqualTo(2);
            assertThat(new AlertStore(d.db).count()).isEqualTo(alerts);
            assertThat(state(d.db)).isEqualTo(alertState);
        }
    }

    private static List<String> state(Database db) {
        return new AlertStore(db).all().stream().map(a -> a.id() + " " + a.sources() + " " + a.evidence().size())
                .sorted().toList();
    }

    @Test
    void theSameStoryFromTwoOutletsCountsTwoSourcesButNotFromOneOutlet(@TempDir Path dir) {
        List<Article> seeds = seeds();
        // Outlet A publishes seed 000; outlet B publishes seed 002, the same story told differently.
        server.serve("/a", Rss.feed("A", List.of(Rss.Item.of(seeds.get(0), "a-1", "https://a.example/1"))));
        server.serve("/b", Rss.feed("B", List.of(Rss.Item.of(seeds.get(1), "b-1", "https://b.example/1"))));
        // Outlet A again, in a second section feed, re-posting its story under a new GUID and link.
        server.serve("/a2", Rss.feed("A asia", List.of(Rss.Item.of(
                new Article("x", seeds.get(0).title() + " - update", seeds.get(0).body(), seeds.get(0).published(),
                        null, null), "a-asia-7", "https://a.example/asia/7"))));
        FeedSpec a = new FeedSpec("a-world", server.url("/a"), "Outlet A", INTERVAL, null, null);
        FeedSpec a2 = new FeedSpec("a-asia", server.url("/a2"), "Outlet A", INTERVAL, null, null);
        FeedSpec b = new FeedSpec("b-world", server.url("/b"), "Outlet B", INTERVAL, null, null);

        try (Daemon d = new Daemon("jdbc:h2:file:" + dir.resolve("one"))) {
            d.poll(List.of(a, a2));
            Alert visit = visitAlert(d.db);
            assertThat(visit.sources()).isEqualTo(1);   // one outlet, however many times it posts the story
            StoryStore stories = new StoryStore(d.db);
            assertThat(stories.clusterOf("a-asia/a-asia-7")).isEqualTo(stories.clusterOf("a-world/a-1"));

            d.poll(List.of(b));
            assertThat(visitAlert(d.db).sources()).isEqualTo(2);   // a second outlet corroborates
            assertThat(stories.clusterOf("b-world/b-1")).isEqualTo(stories.clusterOf("a-world/a-1"));
            assertThat(stories.counts()).containsExactly(3, 1);
        }
    }

    private static Alert visitAlert(Database db) {
        return new AlertStore(db).all().stream().filter(x -> x.type().equals("TALKS") || x.type().equals("VISIT"))
                .filter(x -> Set.copyOf(x.actors()).equals(Set.of("IRN", "PAK"))).findFirst().orElseThrow();
    }
}
