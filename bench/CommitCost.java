import io.watchfloor.store.Database;
import io.watchfloor.store.NodeStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a durable commit costs on this disk: small transactions (a row replaced) on an H2 file, committed as the
 * daemon's store commits them (each forced to the disk: Database.open) and as H2 does by default (written within half
 * a second, never forced: Database.scratch, what a replay uses); three rounds of each, alternating.
 * usage: mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 *        java -cp target/classes:$(cat cp.txt) bench/CommitCost.java [COMMITS]   (default 2000)
 */
public class CommitCost {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        for (int round = 0; round < 3; round++) {
            for (boolean durable : new boolean[] {false, true}) {
                Path dir = Files.createTempDirectory("commit-cost");
                String url = "jdbc:h2:file:" + dir.resolve("store");
                try (Database db = durable ? Database.open(url, "sa", "") : Database.scratch(url)) {
                    NodeStateStore rows = new NodeStateStore(db);
                    for (int i = 0; i < 200; i++) {
                        rows.put("warm-up " + i, "v");
                    }
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        rows.put("row " + (i % 50), "value " + i);
                    }
                    System.out.printf("%-10s %.2f ms per commit (%d commits), load average %s%n",
                            durable ? "durable" : "H2 default", (System.nanoTime() - t0) / 1e6 / n, n,
                            Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
                } finally {
                    delete(dir);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
