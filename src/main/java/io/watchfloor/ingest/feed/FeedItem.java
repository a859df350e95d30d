package io.watchfloor.ingest.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * One feed item, made safe: plain-text title and body, an absolute http(s) link or none, a publication time that is
 * never missing and never in the future.
 *
 * @param key       what identifies the item within its feed: "guid:..." (GUID or Atom id), else "link:...", else
 *                  "sha:..." (hash of title and body)
 * @param guid      the GUID / Atom id, or null
 * @param link      the item's link resolved against the feed URL, or null
 * @param title     plain text
 * @param body      plain text, paragraphs separated by blank lines, at most maxItemChars
 * @param published the item's date; the fetch time when missing or later than the fetch
 */
public record FeedItem(String key, String guid, String link, String title, String body, Instant published) {
    public FeedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(published, "published");
    }
}
