package io.watchfloor.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A step of the start that runs on its own thread while the daemon does the rest (opens and migrates the store):
 * compiling the rules, reading the actor catalogue.
 */
final class StartStep<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile long millis = -1;

    private StartStep() { }

    static <T> StartStep<T> start(String thread, Supplier<T> work) {
        StartStep<T> step = new StartStep<>();
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                step.result.complete(work.get());
            } catch (Throwable e) {
                step.result.completeExceptionally(e);
            } finally {
                step.millis = (System.nanoTime() - start) / 1_000_000;
            }
        }, thread);
        t.setDaemon(true);
        t.start();
        return step;
    }

    /** Waits for the step; its error is thrown as it would have been on the calling thread. */
    T get() {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** How long the step took (-1 while it runs). */
    long millis() {
        return millis;
    }
}
