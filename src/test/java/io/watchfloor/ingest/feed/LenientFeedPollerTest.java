package io.watchfloor.ingest.feed;

import static io.watchfloor.ingest.feed.LenientFeedParserTest.lenient;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Evidence;
import io.watchfloor.notify.JsonLines;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.FeedItemStore;
import io.watchfloor.store.FeedStateStore;
import io.watchfloor.store.FeedStateStore.FeedState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The lenient feeds of issue 15 served over real HTTP on 127.0.0.1 and polled into a real store: every item of
 * every feed arrives once, what was mended shows in the feed's state and the log (once per feed), and the refused
 * stay refused.
 */
class LenientFeedPollerTest {
    static final Duration INTERVAL = Duration.ofMinutes(5);
    LoopbackFeedServer server;
    Database db;
    final List<Article> processed = Collections.synchronizedList(new ArrayList<>());
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger pollerLog = (Logger) LoggerFactory.getLogger(FeedPoller.class);

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackFeedServer();
        db = Database.inMemory("lenient-" + System.nanoTime());
        log.start();
        pollerLog.addAppender(log);
    }

    @AfterEach
    void stop() {
        pollerLog.detachAppender(log);
        server.close();
        db.close();
    }

    FeedSpec spec(String name) {
        return new FeedSpec(name, server.url("/" + name), null, INTERVAL, null, null);
    }

    FeedPoller poller(FeedPoller.ArticleSink sink) {
        return new FeedPoller(new FeedFetcher(FetchSettings.defaults()), new FeedStateStore(db), new FeedItemStore(db),
                null, sink, ZoneOffset.UTC, Clock.systemUTC());
    }

    /** Serves the fixture at /name, ignoring validators: every poll gets the whole document again. */
    void serveAlways(String name, String fixture, String contentType) {
        byte[] body = lenient(fixture);
        server.handle("/" + name, ex -> {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
    }

    List<String> warnings(String containing) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(containing)).toList();
    }

    @Test
    void everyLenientFixtureIsReadOverHttpWhileDoctypesAndPagesAreRefused() {
        Map<String, String> fixtures = new java.util.LinkedHashMap<>();
        fixtures.put("control", "control-character.xml");
        fixtures.put("broken-off", "broken-off.xml");
        fixtures.put("no-channel", "rss-without-channel.xml");
        fixtures.put("atom-no-ns", "atom-without-namespace.xml");
        fixtures.put("rss21", "rss21.xml");
        fixtures.put("rss30", "rss30.xml");
        fixtures.put("utf16le", "utf16le-bom.xml");
        fixtures.put("u16", "u16-declared.xml");
        fixtures.put("unknown-enc", "unknown-encoding.xml");
        fixtures.put("guids", "repeated-guid.xml");
        fixtures.put("dates", "dates.xml");
        fixtures.put("atom03", "atom03.xml");
        fixtures.put("links", "links.xml");
        fixtures.put("markup", "markup-only.xml");
        fixtures.put("text", "text-cleanup.xml");
        fixtures.forEach((name, file) -> server.serve("/" + name, lenient(file), "application/xml", false));
        server.serve("/xxe", FeedParserTest.fixture("xxe.xml"), "application/rss+xml", false);
        server.serve("/page", FeedParserTest.fixture("not-a-feed.html"), "text/html; charset=utf-8", false);
        List<FeedSpec> specs = new ArrayList<>(fixtures.keySet().stream().map(this::spec).toList());
        specs.add(spec("xxe"));
        specs.add(spec("page"));

        List<FeedPoller.PollReport> reports;
        try (FeedRound round = new FeedRound(poller((a, sha) -> processed.add(a)), 4)) {
            reports = round.run(specs);
        }
        Map<String, FeedPoller.PollReport> by = reports.stream()
                .collect(Collectors.toMap(FeedPoller.PollReport::feed, Function.identity()));
        Map<String, Integer> expected = Map.ofEntries(Map.entry("control", 3), Map.entry("broken-off", 2),
                Map.entry("no-channel", 2), Map.entry("atom-no-ns", 2), Map.entry("rss21", 1), Map.entry("rss30", 1),
                Map.entry("utf16le", 1), Map.entry("u16", 1), Map.entry("unknown-enc", 1), Map.entry("guids", 3),
                Map.entry("dates", 7), Map.entry("atom03", 2), Map.entry("links", 3), Map.entry("markup", 3),
                Map.entry("text", 3));
        expected.forEach((name, n) -> {
            assertThat(by.get(name).outcome()).as(name + ": " + by.get(name).error())
                    .isEqualTo(FeedPoller.Outcome.FETCHED);
            assertThat(by.get(name).fresh()).as(name).isEqualTo(n);
        });
        assertThat(processed).hasSize(expected.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(processed).extracting(Article::title).contains("Customs officers seize counterfeit medicine",
                "Réunion du conseil à Genève", "Élections anticipées à Zürich", "Why <blink> died",
                "Café owners welcome the pedestrian zone");

        FeedStateStore states = new FeedStateStore(db);
        FeedState control = states.get("control").orElseThrow();
        assertThat(control.ok()).isTrue();
        assertThat(control.removedChars()).isEqualTo(2);
        assertThat(control.parseNotes()).contains("2 characters that XML forbids removed");
        assertThat(states.get("broken-off").orElseThrow().parseNotes()).contains("breaks off", "2 items before it");
        assertThat(states.get("rss21").orElseThrow().parseNotes()).isNull();   // nothing to say about a sound feed

        assertThat(by.get("xxe").outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(states.get("xxe").orElseThrow().lastError())
                .isEqualTo("refused: the feed declares a DOCTYPE (DTDs and entities are not allowed)");
        assertThat(by.get("page").outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(states.get("page").orElseThrow().lastError()).isEqualTo("not a feed: an HTML page");
    }

    @Test
    void repeatedGuidsAreAllStoredOnceAndLoggedOncePerFeed() {
        serveAlways("ministry", "repeated-guid.xml", "application/rss+xml");
        FeedPoller p = poller((a, sha) -> processed.add(a));
        FeedPoller.PollReport first = p.poll(spec("ministry"));
        assertThat(first.fresh()).isEqualTo(3);
        assertThat(processed).extracting(Article::link).containsExactly(
                "https://coastal-ministry.example/press/2024/storm-survey",
                "https://coastal-ministry.example/press/2024/dredging-rules",
                "https://coastal-ministry.example/press/2024/northern-cooperatives");
        FeedPoller.PollReport second = p.poll(spec("ministry"));
        assertThat(second.fresh()).isZero();
        assertThat(second.duplicates()).isEqualTo(3);
        assertThat(processed).hasSize(3);
        assertThat(second.warnings()).anyMatch(w -> w.contains("3 items share a GUID"));   // reported every poll
        assertThat(warnings("share a GUID")).hasSize(1);                                   // logged once
        assertThat(new FeedItemStore(db).count()).isEqualTo(3);
    }

    @Test
    void anUnreadableDateIsMarkedInTheStoreAndItsAlertsSayTheDateIsTheFetchTime(@TempDir Path dir) {
        List<Article> seeds = FeedPollerTest.seeds();
        String xml = Rss.feed("Wire", List.of(Rss.Item.of(seeds.get(0), "wire-000", "https://wire.example/000"),
                Rss.Item.of(seeds.get(1), "wire-002", "https://wire.example/002")));
        xml = xml.replaceFirst("<pubDate>[^<]*</pubDate>", "<pubDate>sometime on Tuesday</pubDate>");
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        server.handle("/wire", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        try (FeedPollerTest.Daemon d = new FeedPollerTest.Daemon("jdbc:h2:file:" + dir.resolve("store"))) {
            FeedPoller.PollReport r = d.poll(List.of(spec("wire"))).get(0);
            assertThat(r.fresh()).isEqualTo(2);
            d.poll(List.of(spec("wire")));

            FeedItemStore items = new FeedItemStore(d.db);
            assertThat(items.dateNote("wire", "guid:wire-000")).isEqualTo("unreadable: sometime on Tuesday");
            assertThat(items.dateNote("wire", "guid:wire-002")).isNull();
            ArticleStore articles = new ArticleStore(d.db);
            assertThat(articles.processed("wire/wire-000").orElseThrow().article().datedAtFetch()).isTrue();
            assertThat(articles.processed("wire/wire-002").orElseThrow().article().datedAtFetch()).isFalse();
            assertThat(warnings("cannot be read")).singleElement().asString()
                    .contains("'sometime on Tuesday'", "dated at the fetch time");

            List<Alert> alerts = new AlertStore(d.db).all().stream().filter(a -> a.evidence().stream()
                    .anyMatch(e -> e.articleId().equals("wire/wire-000"))).toList();
            assertThat(alerts).isNotEmpty();
            for (Alert a : alerts) {
                Evidence e = a.evidence().stream().filter(x -> x.articleId().equals("wire/wire-000")).findFirst()
                        .orElseThrow();
                assertThat(e.publishedText()).isEqualTo(LocalDate.now(ZoneOffset.UTC)
                        + " (fetch time: the feed gave no readable date)");
                assertThat(JsonLines.alert(a)).contains("\"datedAtFetch\":true");
            }
        }
    }

    @Test
    @Timeout(30)
    void twoFeedsSharingLinksPolledAtOnceStoreEachStoryOnce() {
        // Two section feeds of one site list the same ten stories (their own GUIDs, the same links), each after
        // one story of its own that is older, so processed first.
        String world = section("world", "Harbour dispute flares again");
        String region = section("region", "Regional council elects a chair");
        server.serve("/world", world);
        server.serve("/region", region);
        // Each poll waits in its first item until the other poll got there too: by then both have checked every
        // shared link and found it new, so only the store's unique key can keep a story from being stored twice.
        CountDownLatch bothInside = new CountDownLatch(2);
        FeedPoller p = poller((a, sha) -> {
            if (!a.link().contains("/story-")) {
                bothInside.countDown();
                try {
                    assertThat(bothInside.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            processed.add(a);
        });
        List<FeedPoller.PollReport> reports;
        try (FeedRound round = new FeedRound(p, 2)) {
            reports = round.run(List.of(spec("world"), spec("region")));
        }
        assertThat(reports).allMatch(r -> r.outcome() == FeedPoller.Outcome.FETCHED && r.error() == null);
        assertThat(reports.stream().mapToInt(FeedPoller.PollReport::fresh).sum()).isEqualTo(12);
        assertThat(reports.stream().mapToInt(FeedPoller.PollReport::duplicates).sum()).isEqualTo(10);
        Map<String, Long> perLink = processed.stream().collect(Collectors.groupingBy(Article::link,
                Collectors.counting()));
        assertThat(perLink).hasSize(12).allSatisfy((link, n) -> assertThat(n).as(link).isEqualTo(1L));
        assertThat(new FeedItemStore(db).count()).isEqualTo(12);
    }

    private static String section(String name, String ownStory) {
        List<Rss.Item> items = new ArrayList<>();
        items.add(new Rss.Item(name + "-own", "https://site.example/" + name + "/own", ownStory,
                "A story only the " + name + " section carries.", LocalDate.of(2024, 1, 1)));
        for (int i = 1; i <= 10; i++) {
            items.add(new Rss.Item(name + "-" + i, "https://site.example/story-" + i, "Shared story number " + i,
                    "Both sections carry story " + i + ".", LocalDate.of(2024, 1, 10 + i)));
        }
        return Rss.feed(name, items);
    }
}
