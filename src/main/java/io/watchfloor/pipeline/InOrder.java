package io.watchfloor.pipeline;

import java.util.ArrayDeque;
import java.util.Iterator;
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
 */
public final class InOrder implements AutoCloseable {
    private final ExecutorService workers;
    private final int ahead;

    public InOrder(int threads, int ahead) {
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "watchfloor-worker");
            t.setDaemon(true);
            return t;
        });
        this.ahead = ahead;
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

    /** Inputs on their way through the parallel step; results leave in the order inputs came. */
    public final class Feed<I, O> implements Consumer<I> {
        private final Function<I, O> step;
        private final Consumer<O> then;
        private final ArrayDeque<Future<O>> inFlight = new ArrayDeque<>();

        private Feed(Function<I, O> step, Consumer<O> then) {
            this.step = step;
            this.then = then;
        }

        @Override
        public void accept(I in) {
            if (inFlight.size() >= ahead) {
                then.accept(await(inFlight.poll()));
            }
            inFlight.add(workers.submit(() -> step.apply(in)));
        }

        /** Waits for the inputs still in flight and hands on their results. */
        public void finish() {
            while (!inFlight.isEmpty()) {
                then.accept(await(inFlight.poll()));
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
