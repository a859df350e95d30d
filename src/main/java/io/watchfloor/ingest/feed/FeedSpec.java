package io.watchfloor.ingest.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * A feed to poll.
 *
 * @param name     identifies the feed (store, status, article ids)
 * @param outlet   the articles' source: feeds of one outlet share it, so they count as one source
 * @param interval how often it is polled
 * @param region   free-form tag, or null
 * @param language free-form tag, or null
 */
public record FeedSpec(String name, String url, String outlet, Duration interval, String region, String language) {
    public FeedSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        outlet = outlet == null || outlet.isBlank() ? name : outlet;
        Objects.requireNonNull(interval, "interval");
    }
}
