package io.watchfloor.cli;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The rules compiling on their own thread while the daemon does the rest of its start. */
final class RuleCompilation {
    private final CompletableFuture<CompiledRules> result = new CompletableFuture<>();
    private volatile long millis = -1;

    private RuleCompilation() { }

    static RuleCompilation start(WatchfloorConfig cfg) {
        RuleCompilation c = new RuleCompilation();
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                c.result.complete(Pipelines.compileRules(cfg));
            } catch (Throwable e) {
                c.result.completeExceptionally(e);
            } finally {
                c.millis = (System.nanoTime() - start) / 1_000_000;
            }
        }, "watchfloor-rule-compiler");
        t.setDaemon(true);
        t.start();
        return c;
    }

    /** Waits for the rules; a compile error is thrown as it would have been on the calling thread. */
    CompiledRules rules() {
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

    /** How long the compilation took (-1 while it runs). */
    long millis() {
        return millis;
    }
}
