package io.watchfloor.bench;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.model.Alert;
import io.watchfloor.pipeline.ArrivalOrders;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How much the alerts depend on the order articles arrive in: the articles under the given folders all at once (in
 * publication order, as {@code watchfloor replay} takes them), then dropped one at a time into a watched folder in
 * shuffled orders, a folder pass after each; what differs. Prints one line per order, and with {@code -v} the alerts
 * and situations that differ.
 *
 * <pre>bench/arrival.sh [N] [PER_DAY] [SEED] [ORDERS]     (generates N articles with bench/gen_articles.py)
 * java -cp target/watchfloor.jar:target/test-classes io.watchfloor.bench.ArrivalOrderBench [-v] [--orders 3] DIR...</pre>
 */
public final class ArrivalOrderBench {
    private ArrivalOrderBench() { }

    public static void main(String[] args) throws Exception {
        int orders = 3;
        boolean verbose = false;
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-v" -> verbose = true;
                case "--orders" -> orders = Integer.parseInt(args[++i]);
                default -> folders.add(Path.of(args[i]));
            }
        }
        if (folders.isEmpty()) {
            System.err.println("usage: ArrivalOrderBench [-v] [--orders N] DIR...");
            System.exit(2);
        }
        WatchfloorConfig cfg = WatchfloorConfig.defaults();
        CompiledRules rules = Pipelines.compileRules(cfg);
        ArrivalOrders runs = new ArrivalOrders(cfg, rules);
        List<Path> files = ArrivalOrders.articles(folders);
        Path work = Files.createTempDirectory("watchfloor-arrival-");
        try {
            long start = System.nanoTime();
            List<Alert> reference = runs.atOnce(files, work);
            System.out.printf("%d articles, all at once in publication order (as replay takes them): %d alerts (%d ms)%n",
                    files.size(), reference.size(), (System.nanoTime() - start) / 1_000_000);
            for (int seed = 1; seed <= orders; seed++) {
                start = System.nanoTime();
                List<Alert> other = runs.oneByOne(ArrivalOrders.shuffled(files, seed), work);
                ArrivalOrders.Comparison c = ArrivalOrders.compare(reference, other,
                        cfg.rules().corroborationDays());
                System.out.printf("one at a time, shuffled (seed %d): %s (%d ms)%n", seed, c.summary(),
                        (System.nanoTime() - start) / 1_000_000);
                if (verbose) {
                    c.lost().forEach(l -> System.out.println("    only in the reference: " + l));
                    c.found().forEach(l -> System.out.println("    only in this order:    " + l));
                    c.familiesDiffering().forEach(l -> System.out.println("    other reports or severity: " + l));
                    c.severitiesDiffering().forEach(l -> System.out.println("    another severity: " + l));
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
