package io.watchfloor.ingest.feed;

import java.net.URI;
import java.time.Duration;

/** What one fetch of a feed gave. */
public sealed interface FetchResult {
    /** A body came (HTTP 2xx). {@code uri} is where it came from after redirects. */
    record Fetched(int status, byte[] body, URI uri, String etag, String lastModified, String contentType)
            implements FetchResult { }

    /** HTTP 304: nothing changed since the validators we sent. */
    record NotModified(URI uri) implements FetchResult { }

    /**
     * No usable body: a network error, a timeout, an HTTP error status, too many redirects, a body over the size cap.
     *
     * @param status     HTTP status, 0 when no response came
     * @param retryAfter what the server asked for in Retry-After (429, 503), or null
     */
    record Failed(int status, String error, Duration retryAfter) implements FetchResult { }
}
