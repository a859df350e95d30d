package io.watchfloor.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls many feeds at once on a bounded pool of threads ({@code sources.fetch.concurrency}): a slow feed holds one
 * thread until its timeout, never the others. Feeds are processed into the pipeline one article at a time (the
 * pipeline serialises), fetching and parsing run in parallel.
 */
public final class FeedRound implements AutoCloseable {
    private final FeedPoller poller;
    private final ExecutorService pool;

    public FeedRound(FeedPoller poller, int concurrency) {
        this.poller = poller;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "feed-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls every feed once, concurrently; reports in the order of {@code feeds}. */
    public List<FeedPoller.PollReport> run(List<FeedSpec> feeds) {
        List<Future<FeedPoller.PollReport>> futures = new ArrayList<>();
        for (FeedSpec f : feeds) {
            futures.add(pool.submit(() -> poller.poll(f)));
        }
        List<FeedPoller.PollReport> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(fu -> fu.cancel(true));
                break;
            } catch (ExecutionException e) {
                out.add(new FeedPoller.PollReport(feeds.get(i).name(), FeedPoller.Outcome.FAILED, 0, 0, 0, 0,
                        String.valueOf(e.getCause()), List.of()));
            }
        }
        return out;
    }

    public FeedPoller poller() {
        return poller;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
