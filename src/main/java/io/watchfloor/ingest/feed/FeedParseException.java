package io.watchfloor.ingest.feed;

/** A feed that cannot be read at all (not XML, not a feed, a DOCTYPE, ...). The message says why, for `status`. */
public final class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedParseException(String message) {
        super(message);
    }
}
