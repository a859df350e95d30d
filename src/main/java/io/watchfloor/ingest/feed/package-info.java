/**
 * RSS and Atom feeds: {@link io.watchfloor.ingest.feed.FeedFetcher} fetches politely (conditional GET, gzip, bounded
 * redirects, timeouts, size cap), {@link io.watchfloor.ingest.feed.FeedParser} parses safely with Rome (no DTDs,
 * encoding repair, HTML to text with jsoup), {@link io.watchfloor.ingest.feed.FeedPoller} turns new items into
 * articles for the pipeline and keeps each feed's health and backoff in the store, and
 * {@link io.watchfloor.ingest.feed.FeedRound} polls many feeds at once on a bounded pool.
 */
package io.watchfloor.ingest.feed;
