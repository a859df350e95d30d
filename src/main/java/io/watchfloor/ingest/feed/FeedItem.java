package io.watchfloor.ingest.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * One feed item, made safe: plain-text title and body, an absolute http(s) link or none, a publication time that is
 * never missing and never in the future.
 *
 * @param key        what identifies the item within its feed: "guid:..." (GUID or Atom id), else "link:...", else
 *                   "sha:..." (hash of title and body)
 * @param guid       the GUID / Atom id, or null; when several items of one document share a GUID, each one's is
 *                   followed by '#' and a hash of its link and title, so that each is kept
 * @param link       the item's link resolved against the feed URL and xml:base, or null
 * @param title      plain text
 * @param body       plain text, paragraphs separated by blank lines, at most maxItemChars
 * @param published  the item's date; the fetch time when missing, unreadable or later than the fetch
 * @param date       how the date was found
 * @param rawDate    the date as the feed wrote it when it was unreadable or in the future, else null
 * @param linkShared the link is shared by several items of the document, so it identifies none of them
 */
public record FeedItem(String key, String guid, String link, String title, String body, Instant published,
                       DateNote date, String rawDate, boolean linkShared) {
    /** Where an item's date came from. */
    public enum DateNote { READ, MISSING, UNREADABLE, FUTURE }

    public FeedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(date, "date");
    }

    /** An item whose date was read from the feed. */
    public FeedItem(String key, String guid, String link, String title, String body, Instant published) {
        this(key, guid, link, title, body, published, DateNote.READ, null, false);
    }

    /** Dated at the fetch time: the feed gave no date, an unreadable one, or one in the future. */
    public boolean datedAtFetch() {
        return date != DateNote.READ;
    }

    /** What the store keeps about the date: null when it was read, else why the fetch time stands in for it. */
    public String dateNote() {
        return switch (date) {
            case READ -> null;
            case MISSING -> "missing";
            case UNREADABLE -> "unreadable: " + rawDate;
            case FUTURE -> "in the future: " + rawDate;
        };
    }
}
