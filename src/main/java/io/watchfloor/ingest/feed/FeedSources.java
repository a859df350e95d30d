package io.watchfloor.ingest.feed;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.ingest.dedup.StoryClusterer;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.FeedItemStore;
import io.watchfloor.store.FeedStateStore;
import io.watchfloor.store.StoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured feeds, ready to poll: the fetcher, poller, story clusterer (shared with the folder pass) and a
 * bounded pool, built from the configuration. The daemon schedules one Quartz job per distinct poll interval ({@link #bySchedule()}); a job polls
 * its feeds concurrently, and a feed still being polled is never polled again at the same time.
 */
public final class FeedSources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSources.class);

    private final List<FeedSpec> feeds;
    private final FeedRound round;
    private final StoryClusterer stories;

    private FeedSources(List<FeedSpec> feeds, FeedRound round, StoryClusterer stories) {
        this.feeds = List.copyOf(feeds);
        this.round = round;
        this.stories = stories;
    }

    /**
     * @param sink where new items go ({@code pipeline::process})
     */
    public static FeedSources create(WatchfloorConfig cfg, Database db, FeedPoller.ArticleSink sink, Clock clock) {
        WatchfloorConfig.Fetch f = cfg.sources().fetch();
        FetchSettings settings = new FetchSettings(f.connectTimeout(), f.readTimeout(), f.maxBytes(),
                f.maxRedirects(), f.maxItemChars(), f.userAgent(), f.backoffInitial(), f.backoffMax(),
                f.concurrency());
        List<FeedSpec> specs = new ArrayList<>();
        for (WatchfloorConfig.Feed feed : cfg.sources().feeds()) {
            specs.add(new FeedSpec(feed.name(), feed.url(), feed.outlet(), intervalOf(cfg, feed),
                    feed.tags().region(), feed.tags().language()));
        }
        WatchfloorConfig.Stories s = cfg.sources().stories();
        StoryClusterer stories = new StoryClusterer(StoryClusterer.countryTerms(ActorCatalog.loadDefault()),
                s.windowDays(), s.threshold(), new StoryStore(db));
        LocalDate latest = new ArticleStore(db).latestPublished().orElse(LocalDate.now(clock));
        int restored = stories.restore(latest.minusDays(s.windowDays() + 1L));
        if (specs.isEmpty()) {
            return new FeedSources(List.of(), null, stories);   // nothing to poll: no HTTP client, no threads
        }
        LOG.info("{} feeds configured; {} recent stories restored", specs.size(), restored);
        AddressPolicy policy = new AddressPolicy(f.allowAddresses().stream().map(Cidr::parse).toList());
        FeedPoller poller = new FeedPoller(new FeedFetcher(settings, clock, policy, HostResolver.SYSTEM),
                new FeedStateStore(db),
                new FeedItemStore(db), stories, sink, cfg.zone(), clock);
        return new FeedSources(specs, new FeedRound(poller, Math.min(f.concurrency(), specs.size())), stories);
    }

    /** The story clusterer every article goes through (folder files too), restored from the store. */
    public StoryClusterer stories() {
        return stories;
    }

    public List<FeedSpec> feeds() {
        return feeds;
    }

    /** How many poll intervals the configured feeds have: the scheduled jobs {@link #bySchedule()} will ask for. */
    public static int schedules(WatchfloorConfig cfg) {
        return (int) cfg.sources().feeds().stream().map(feed -> intervalOf(cfg, feed)).distinct().count();
    }

    private static Duration intervalOf(WatchfloorConfig cfg, WatchfloorConfig.Feed feed) {
        return feed.interval() != null ? feed.interval() : cfg.sources().fetch().interval();
    }

    /** Feeds grouped by poll interval, in configuration order: one scheduled job per group. */
    public Map<Duration, List<FeedSpec>> bySchedule() {
        Map<Duration, List<FeedSpec>> out = new LinkedHashMap<>();
        for (FeedSpec f : feeds) {
            out.computeIfAbsent(f.interval(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** Polls the given feeds once, concurrently. */
    public List<FeedPoller.PollReport> poll(List<FeedSpec> some) {
        if (round == null || some.isEmpty()) {
            return List.of();
        }
        List<FeedPoller.PollReport> reports = round.run(some);
        int fresh = reports.stream().mapToInt(FeedPoller.PollReport::fresh).sum();
        long failed = reports.stream().filter(r -> r.outcome() == FeedPoller.Outcome.FAILED).count();
        if (fresh > 0 || failed > 0) {
            LOG.info("feed poll: {} feeds, {} new items, {} failed", reports.size(), fresh, failed);
        }
        return reports;
    }

    /** Polls every feed once. */
    public List<FeedPoller.PollReport> pollAll() {
        return poll(feeds);
    }

    /** One line for {@code run --once}. */
    public static String summary(List<FeedPoller.PollReport> reports) {
        int fresh = reports.stream().mapToInt(FeedPoller.PollReport::fresh).sum();
        long notModified = reports.stream().filter(r -> r.outcome() == FeedPoller.Outcome.NOT_MODIFIED).count();
        long failed = reports.stream().filter(r -> r.outcome() == FeedPoller.Outcome.FAILED).count();
        long waiting = reports.stream().filter(r -> r.outcome() == FeedPoller.Outcome.BACKING_OFF).count();
        return reports.size() + " feed" + (reports.size() == 1 ? "" : "s") + " polled: " + fresh + " new item"
                + (fresh == 1 ? "" : "s") + ", " + notModified + " not modified, " + failed + " failed"
                + (waiting > 0 ? ", " + waiting + " backing off" : "")
                + (failed > 0 ? " (see watchfloor status)" : "");
    }

    @Override
    public void close() {
        if (round != null) {
            round.close();
        }
    }
}
