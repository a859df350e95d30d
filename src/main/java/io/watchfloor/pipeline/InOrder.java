package io.watchfloor.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a slow, independent step (reading and extracting an article) on several threads a little ahead of a step
 * that must see items one by one and in order (the rules): results are handed on in input order, and at most
 * {@code ahead} are in flight, so memory does not grow with the input.
 *
 * <p>Inputs go to the threads in batches: handing each one over alone (a queue, a wake-up, a wait for its result)
 * cost more CPU than reading a small article does.
 */
public final class InOrder implements AutoCloseable {
    /** Inputs handed to a thread at a time, unless the window is smaller. */
    public static final int BATCH = 32;

    private final ExecutorService workers;
    private final int ahead;
    private final int batch;

    /** @param ahead at most this many inputs accepted and not yet handed on; batches of up to {@link #BATCH} */
    public InOrder(int threads, int ahead) {
        this(threads, ahead, BATCH);
    }

    /** @param batch inputs handed to a thread at a time (at most {@code ahead}) */
    public InOrder(int threads, int ahead, int batch) {
        if (ahead < 1 || batch < 1) {
            throw new IllegalArgumentException("ahead and batch must be at least 1: " + ahead + ", " + batch);
        }
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "watchfloor-worker");
            t.setDaemon(true);
            return t;
        });
        this.ahead = ahead;
        this.batch = Math.min(batch, ahead);
    }

    /** Threads for the parallel step: every core but one, which runs the ordered step; at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Maps every input with {@code step} (in parallel) and gives the results to {@code then} in input order. */
    public <I, O> void run(Iterator<I> inputs, Function<I, O> step, Consumer<O> then) {
        Feed<I, O> feed = feed(step, then);
        inputs.forEachRemaining(feed);
        feed.finish();
    }

    /** The same for inputs that are pushed (a folder walk): accept each, then {@link Feed#finish()}. */
    public <I, O> Feed<I, O> feed(Function<I, O> step, Consumer<O> then) {
        return new Feed<>(step, then);
    }

    /**
     * A batch's results in input order, up to the first input whose step failed, and that failure: the results
     * before it are handed on before the failure is thrown, as they would be one by one.
     */
    private record Done<O>(List<O> results, RuntimeException failure) { }

    /** A batch on a thread: how many inputs it took, and its results to come. */
    private record Batch<O>(int size, Future<Done<O>> done) { }

    /** Inputs on their way through the parallel step; results leave in the order inputs came. */
    public final class Feed<I, O> implements Consumer<I> {
        private final Function<I, O> step;
        private final Consumer<O> then;
        private final ArrayDeque<Batch<O>> inFlight = new ArrayDeque<>();
        private List<I> filling = new ArrayList<>();
        private int submitted;

        private Feed(Function<I, O> step, Consumer<O> then) {
            this.step = step;
            this.then = then;
        }

        @Override
        public void accept(I in) {
            while (submitted + filling.size() >= ahead) {
                handOnOldest();
            }
            filling.add(in);
            if (filling.size() >= batch) {
                submit();
            }
        }

        /** Waits for the inputs still in flight and hands on their results. */
        public void finish() {
            submit();
            while (!inFlight.isEmpty()) {
                handOnOldest();
            }
        }

        private void submit() {
            if (filling.isEmpty()) {
                return;
            }
            List<I> inputs = filling;
            filling = new ArrayList<>(batch);
            inFlight.add(new Batch<>(inputs.size(), workers.submit(() -> apply(inputs))));
            submitted += inputs.size();
        }

        private Done<O> apply(List<I> inputs) {
            List<O> results = new ArrayList<>(inputs.size());
            for (I in : inputs) {
                try {
                    results.add(step.apply(in));
                } catch (RuntimeException e) {
                    return new Done<>(results, e);
                }
            }
            return new Done<>(results, null);
        }

        private void handOnOldest() {
            Batch<O> oldest = inFlight.poll();
            Done<O> done = await(oldest.done());
            submitted -= oldest.size();
            done.results().forEach(then);
            if (done.failure() != null) {
                throw done.failure();
            }
        }
    }

    private static <O> O await(Future<O> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
