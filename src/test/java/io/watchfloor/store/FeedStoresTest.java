package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FeedStoresTest {
    @Test
    void itemsAreKnownByKeyWithinAFeedAndByLinkAcrossFeeds() {
        try (Database db = Database.inMemory("items-" + System.nanoTime())) {
            FeedItemStore items = new FeedItemStore(db);
            Instant now = Instant.parse("2024-02-01T00:00:00Z");
            assertThat(items.seen("a", "guid:1", "https://x.example/1")).isFalse();
            items.record("a", "guid:1", "https://x.example/1", "a/1", "0".repeat(64), now);
            items.record("a", "guid:1", "https://x.example/1", "a/1", "0".repeat(64), now);   // ignored
            assertThat(items.count()).isEqualTo(1);
            assertThat(items.seen("a", "guid:1", null)).isTrue();
            assertThat(items.seen("b", "guid:1", null)).isFalse();               // GUIDs are per feed
            assertThat(items.seen("b", "guid:9", "https://x.example/1")).isTrue(); // a link is one article anywhere
            assertThat(items.seen("a", "sha:" + "1".repeat(64), null)).isFalse();
        }
    }

    @Test
    void feedStateRoundTrips() {
        try (Database db = Database.inMemory("state-" + System.nanoTime())) {
            FeedStateStore states = new FeedStateStore(db);
            assertThat(states.get("a")).isEmpty();
            Instant t = Instant.parse("2024-02-01T10:00:00Z");
            FeedStateStore.FeedState s = new FeedStateStore.FeedState("a", "https://a.example/rss", "\"e1\"",
                    "Thu, 18 Jan 2024 16:40:12 GMT", t, 500, t.minusSeconds(60), "HTTP 500", t, 2,
                    t.plusSeconds(120), t.plusSeconds(300), 7, 3, 12);
            states.put(s);
            assertThat(states.get("a")).contains(s);
            FeedStateStore.FeedState ok = FeedStateStore.FeedState.fresh("a", "https://a.example/rss");
            states.put(ok);
            assertThat(states.all()).containsExactly(ok);
            assertThat(ok.ok()).isFalse();   // never polled
        }
    }

    @Test
    void storiesAreSavedAndReplaced() {
        try (Database db = Database.inMemory("stories-" + System.nanoTime())) {
            StoryStore stories = new StoryStore(db);
            LocalDate d = LocalDate.of(2024, 1, 29);
            stories.save(new StoryStore.StoryRow("x", "s1", "wire", d, null, null, "iran=0.5000"));
            stories.save(new StoryStore.StoryRow("x", "s2", "wire", d, "y", 0.7, "iran=0.5000"));
            assertThat(stories.clusterOf("x")).contains("s2");
            assertThat(stories.publishedSince(d)).singleElement()
                    .satisfies(r -> assertThat(r.similarity()).isEqualTo(0.7));
            assertThat(stories.publishedSince(d.plusDays(1))).isEmpty();
        }
    }
}
