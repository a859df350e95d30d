package io.watchfloor.ingest.feed;

import io.watchfloor.ingest.ContentHash;
import io.watchfloor.ingest.dedup.StoryClusterer;
import io.watchfloor.model.Article;
import io.watchfloor.model.Sha256;
import io.watchfloor.store.FeedItemStore;
import io.watchfloor.store.FeedStateStore;
import io.watchfloor.store.FeedStateStore.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: skips it while it backs off, fetches it conditionally, parses it, and sends each item not seen
 * before through the article pipeline (via {@link ArticleSink}) after story clustering; then records the feed's
 * health, validators and backoff in the store. A feed is never polled twice at once (a second caller gets
 * {@link Outcome#BUSY}). Problems are reported, never thrown: one bad feed never stops the others.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** Where new items go: the same pipeline as folder files ({@code ArticlePipeline::process}). */
    @FunctionalInterface
    public interface ArticleSink {
        void process(Article article, String sha256);
    }

    public enum Outcome { FETCHED, NOT_MODIFIED, BACKING_OFF, BUSY, FAILED }

    /**
     * What one poll did.
     *
     * @param items      items in the feed
     * @param fresh      new items processed
     * @param duplicates items already processed (by GUID, link or content hash), not processed again
     * @param sameStory  new items that joined an existing story (cluster)
     */
    public record PollReport(String feed, Outcome outcome, int items, int fresh, int duplicates, int sameStory,
                             String error, List<String> warnings) {
        public PollReport {
            warnings = List.copyOf(warnings);
        }
    }

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedStateStore states;
    private final FeedItemStore items;
    private final StoryClusterer stories;
    private final ArticleSink sink;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** The kinds of note already logged, per feed. */
    private final Map<String, Set<String>> logged = new ConcurrentHashMap<>();

    /** @param stories story clusterer, or null to skip clustering */
    public FeedPoller(FeedFetcher fetcher, FeedStateStore states, FeedItemStore items, StoryClusterer stories,
                      ArticleSink sink, ZoneId zone, Clock clock) {
        this.fetcher = fetcher;
        this.parser = new FeedParser(fetcher.settings().maxItemChars());
        this.states = states;
        this.items = items;
        this.stories = stories;
        this.sink = sink;
        this.zone = zone;
        this.clock = clock;
    }

    public PollReport poll(FeedSpec feed) {
        ReentrantLock lock = locks.computeIfAbsent(feed.name(), k -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new PollReport(feed.name(), Outcome.BUSY, 0, 0, 0, 0, null, List.of());
        }
        try {
            return pollLocked(feed);
        } catch (RuntimeException e) {
            // A store failure or a bug: recorded as the feed's error when possible, never thrown at the scheduler.
            LOG.error("feed {}: poll failed: {}", feed.name(), e.getMessage(), e);
            try {
                FeedState prev = states.get(feed.name()).orElse(FeedState.fresh(feed.name(), feed.url()));
                states.put(failure(feed, prev, clock.instant(), 0, "internal error: " + e.getMessage(), null));
            } catch (RuntimeException ignored) {
                // the store itself is failing; the log has it
            }
            return new PollReport(feed.name(), Outcome.FAILED, 0, 0, 0, 0, e.getMessage(), List.of());
        } finally {
            lock.unlock();
        }
    }

    private PollReport pollLocked(FeedSpec feed) {
        FeedState prev = states.get(feed.name()).orElse(FeedState.fresh(feed.name(), feed.url()));
        Instant now = clock.instant();
        if (prev.backoffUntil() != null && now.isBefore(prev.backoffUntil())) {
            return new PollReport(feed.name(), Outcome.BACKING_OFF, 0, 0, 0, 0, null, List.of());
        }
        boolean sameUrl = prev.url().equals(feed.url());
        FetchResult r = fetcher.fetch(feed.url(), sameUrl ? prev.etag() : null, sameUrl ? prev.lastModified() : null);
        Instant done = clock.instant();
        if (r instanceof FetchResult.NotModified) {
            states.put(new FeedState(feed.name(), feed.url(), prev.etag(), prev.lastModified(), done, 304, done,
                    prev.lastError(), prev.lastErrorAt(), 0, null, done.plus(feed.interval()), prev.polls() + 1,
                    prev.notModified() + 1, prev.itemsNew()).withDocument(prev.removedChars(), prev.parseNotes()));
            return new PollReport(feed.name(), Outcome.NOT_MODIFIED, 0, 0, 0, 0, null, List.of());
        }
        if (r instanceof FetchResult.Failed f) {
            LOG.warn("feed {}: {}", feed.name(), f.error());
            states.put(failure(feed, prev, done, f.status(), f.error(), f.retryAfter()));
            return new PollReport(feed.name(), Outcome.FAILED, 0, 0, 0, 0, f.error(), List.of());
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) r;
        FeedParser.ParsedFeed parsed;
        try {
            parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.uri(), done);
        } catch (FeedParseException e) {
            LOG.warn("feed {}: {}", feed.name(), e.getMessage());
            // The validators of a broken document are not kept: the next poll fetches it in full again.
            states.put(failure(feed, prev, done, fetched.status(), e.getMessage(), null));
            return new PollReport(feed.name(), Outcome.FAILED, 0, 0, 0, 0, e.getMessage(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        Set<String> loggedKinds = logged.computeIfAbsent(feed.name(), k -> ConcurrentHashMap.newKeySet());
        for (FeedNote note : parsed.notes()) {
            String m = "feed " + feed.name() + ": " + note.message();
            // Once per feed and kind: a feed that always repeats its GUIDs or misdates its items says so once.
            if (loggedKinds.add(note.kind())) {
                LOG.warn(m);
            }
            warnings.add(m);
        }

        List<FeedItem> fresh = new ArrayList<>();
        int duplicates = 0;
        Set<String> keysThisPoll = new HashSet<>();
        for (FeedItem item : parsed.items()) {
            if (!keysThisPoll.add(item.key()) || items.seen(feed.name(), item.key(), identifyingLink(item))) {
                duplicates++;
            } else {
                fresh.add(item);
            }
        }
        fresh.sort(Comparator.comparing(FeedItem::published));   // stable: document order within a date
        int processed = 0;
        int joined = 0;
        String itemError = null;
        for (FeedItem item : fresh) {
            Article article = article(feed, item);
            String sha = ContentHash.of(article);
            // The claim is what makes cross-feed dedup atomic: of two feeds listing one link, one claims it.
            if (items.claim(feed.name(), item.key(), identifyingLink(item), article.id(), sha, item.dateNote(), done)
                    == FeedItemStore.Claim.DUPLICATE) {
                duplicates++;
                continue;
            }
            try {
                if (stories != null) {
                    if (stories.assign(article).joined()) {
                        joined++;
                    }
                }
                sink.process(article, sha);
                items.done(feed.name(), item.key());
                processed++;
            } catch (RuntimeException e) {
                itemError = "item " + article.id() + ": " + e.getMessage();
                LOG.error("feed {}: cannot process {}: {}", feed.name(), article.id(), e.getMessage(), e);
                try {
                    items.release(feed.name(), item.key());
                } catch (RuntimeException re) {
                    // left claimed and unprocessed: this feed's next poll takes it up again all the same
                }
            }
        }
        // When an item failed, the validators are dropped so that the next poll fetches the feed again in full and
        // retries it (items already processed are recognised and skipped).
        states.put(new FeedState(feed.name(), feed.url(), itemError == null ? fetched.etag() : null,
                itemError == null ? fetched.lastModified() : null, done, fetched.status(), done,
                itemError != null ? itemError : prev.lastError(), itemError != null ? done : prev.lastErrorAt(), 0,
                null, done.plus(feed.interval()), prev.polls() + 1, prev.notModified(), prev.itemsNew() + processed)
                .withDocument(parsed.removedChars(), summary(parsed)));
        return new PollReport(feed.name(), Outcome.FETCHED, parsed.items().size(), processed, duplicates, joined,
                itemError, warnings);
    }

    private FeedState failure(FeedSpec feed, FeedState prev, Instant at, int status, String error, Duration retryAfter) {
        int failures = prev.consecutiveFailures() + 1;
        FetchSettings s = fetcher.settings();
        Duration wait = s.backoff(failures);
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(s.backoffMax()) > 0 ? s.backoffMax() : retryAfter;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        Instant until = at.plus(wait);
        Instant next = at.plus(feed.interval());
        return new FeedState(feed.name(), feed.url(), prev.url().equals(feed.url()) ? prev.etag() : null,
                prev.url().equals(feed.url()) ? prev.lastModified() : null, at, status, prev.lastSuccess(), error, at,
                failures, until, until.isAfter(next) ? until : next, prev.polls() + 1, prev.notModified(),
                prev.itemsNew()).withDocument(prev.removedChars(), prev.parseNotes());
    }

    /** The link that identifies an item across feeds: none when it has none or shares it with other items. */
    private static String identifyingLink(FeedItem item) {
        return item.linkShared() ? null : item.link();
    }

    /** The last document's notes for the feed's status, or null when there were none. */
    private static String summary(FeedParser.ParsedFeed parsed) {
        if (parsed.notes().isEmpty()) {
            return null;
        }
        String s = String.join("; ", parsed.warnings());
        return s.length() > 2000 ? s.substring(0, 1996) + " ..." : s;
    }

    /** The article an item becomes: the feed's outlet is its source, the item's link its link. */
    Article article(FeedSpec feed, FeedItem item) {
        String key = item.guid() != null ? item.guid() : item.link() != null ? item.link() : item.key();
        String id = feed.name() + "/" + key;
        if (id.length() > 900) {
            id = feed.name() + "/sha:" + Sha256.hex(key);
        }
        LocalDate published = LocalDate.ofInstant(item.published(), zone);
        return new Article(id, item.title(), item.body(), published, item.link(), feed.outlet(), item.datedAtFetch());
    }

}
