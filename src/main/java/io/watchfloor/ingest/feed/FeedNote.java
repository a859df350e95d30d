package io.watchfloor.ingest.feed;

import java.util.Objects;

/**
 * Something noticed while reading a feed that did not stop it: a guessed encoding, characters removed, a document
 * that broke off, a repeated GUID, an unreadable date. The kind lets the poller log each kind once per feed.
 */
public record FeedNote(String kind, String message) {
    public FeedNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
