package io.watchfloor.bench;

import io.watchfloor.board.BoardSite;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.health.HealthCheck;
import io.watchfloor.health.HttpEndpoint;
import io.watchfloor.health.WatchfloorMetrics;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The board's pages with many alerts on record: fills an H2 file store (the daemon's kind) with N alerts (default
 * 100,000) over 1,000 days between 60 pairs of 40 countries, one pair (IRN-PAK) getting a tenth of them, each alert with one
 * evidence sentence, an article with two signals per two alerts, a fifth of the alerts acknowledged; then serves
 * the board on loopback as the daemon does and times each page over HTTP (after a warm-up): p50, p95, max.
 * Exits 1 when the p95 of the board or the pair page is 200 ms or more.
 * <pre>java -cp target/watchfloor.jar:target/test-classes io.watchfloor.bench.BoardBench DIR [N] [REQUESTS]</pre>
 */
public final class BoardBench {
    private static final LocalDate LAST = LocalDate.of(2026, 11, 30);
    private static final int DAYS = 1000;
    private static final String[] COUNTRIES = {"IRN", "PAK", "IND", "CHN", "USA", "RUS", "UKR", "ISR", "SYR", "TUR",
        "SAU", "YEM", "EGY", "ETH", "SDN", "KOR", "PRK", "JPN", "TWN", "VNM", "PHL", "AZE", "ARM", "SRB", "XKX",
        "AFG", "IRQ", "LBN", "VEN", "COL", "MAR", "DZA", "ERI", "SOM", "KEN", "COD", "RWA", "MLI", "NER", "LBY"};
    private static final int PAIRS = 60;
    private static final String[] UP = {"STRIKE", "CLASH", "THREAT", "DIPLOMATIC_DOWNGRADE"};
    private static final String[] DOWN = {"VISIT", "TALKS", "CEASEFIRE", "PLEDGE"};

    private BoardBench() { }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Files.createDirectories(dir);
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("watchfloor").toAbsolutePath(), "sa", "")) {
            long t0 = System.nanoTime();
            fill(db, n);
            System.out.printf("filled: %d alerts, %d articles, %d acknowledgements in %.1f s%n",
                    new AlertStore(db).count(), new ArticleStore(db).count(), new AcknowledgementStore(db).count(),
                    (System.nanoTime() - t0) / 1e9);
            measure(db, dir, requests);
        }
    }

    private static void fill(Database db, int n) {
        AlertStore alerts = new AlertStore(db);
        ArticleStore articles = new ArticleStore(db);
        AcknowledgementStore acks = new AcknowledgementStore(db);
        Random rnd = new Random(17);
        List<String> acked = new ArrayList<>();
        for (int start = 0; start < n; start += 1000) {
            int from = start;
            alerts.together(() -> {
                for (int i = from; i < Math.min(n, from + 1000); i++) {
                    // One alert in ten is IRN-PAK; the rest between PAIRS pairs of neighbours and rivals.
                    int k = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(PAIRS);
                    String a = COUNTRIES[(2 * k) % COUNTRIES.length];
                    String b = COUNTRIES[(2 * k + 1 + k / 20) % COUNTRIES.length];
                    if (rnd.nextBoolean()) {
                        String t = a;
                        a = b;
                        b = t;
                    }
                    LocalDate day = LAST.minusDays(rnd.nextInt(DAYS));
                    boolean up = rnd.nextInt(3) > 0;
                    String type = up ? UP[rnd.nextInt(UP.length)] : DOWN[rnd.nextInt(DOWN.length)];
                    Article art = new Article("bench/" + (i / 2) + ".txt", "Report " + i + ": " + a + " and " + b,
                            "body", day.plusDays(1), "https://news.example/" + i, "wire" + (i % 7));
                    if (i % 2 == 0) {
                        articles.save(art, "h" + i, List.of(
                                signal(up ? "STRIKE" : "VISIT", a, b, day, art),
                                signal(up ? "THREAT" : "TALKS", b, a, day, art)));
                    }
                    String id = String.format("b%015x", i);
                    alerts.save(new Alert(id, up ? "bench-escalation" : "bench-deescalation",
                            up ? Category.ESCALATION : Category.DEESCALATION, type,
                            Severity.values()[rnd.nextInt(Severity.values().length)], List.of(a, b), day,
                            a + " " + type.toLowerCase() + " " + b + " #" + i, "summary " + i,
                            List.of(new Evidence("Officials in " + a + " said " + type + " against " + b + ".",
                                    art.id(), art.title(), art.link(), art.published(), art.source())),
                            1 + rnd.nextInt(3)));
                    if (rnd.nextInt(5) == 0) {
                        acked.add(id);
                    }
                }
                return null;
            });
        }
        for (int start = 0; start < acked.size(); start += 1000) {
            List<String> batch = acked.subList(start, Math.min(acked.size(), start + 1000));
            alerts.together(() -> {
                // Acknowledged the day after the event, as a watch floor would.
                batch.forEach(id -> acks.acknowledge(id, "duty", "seen",
                        alerts.find(id).orElseThrow().eventDate().plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC)));
                return null;
            });
        }
    }

    private static Signal signal(String type, String actor, String target, LocalDate day, Article art) {
        return new Signal(SignalType.valueOf(type), actor, target, day, false, "Evidence of " + type + ".", art, 0.9);
    }

    private static void measure(Database db, Path dir, int requests) throws Exception {
        WatchfloorConfig cfg = new WatchfloorConfig(dir.toString(), null, null, null, null, null, null, null, null,
                null, null);
        Clock clock = Clock.fixed(LAST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", 0, new HealthCheck(List.of()), new WatchfloorMetrics());
        endpoint.mount(BoardSite.create(cfg, db, clock));
        endpoint.start();
        HttpClient http = HttpClient.newHttpClient();
        String someAlert = String.format("b%015x", 1_234);
        boolean ok = true;
        try {
            System.out.printf("%-24s %8s %8s %8s %9s%n", "page", "p50 ms", "p95 ms", "max ms", "bytes");
            for (String page : List.of("/", "/pair/IRN-PAK", "/pair/CHN-IND", "/alert/" + someAlert, "/silences",
                    "/api/board", "/api/pair/IRN-PAK", "/api/stamp")) {
                URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + page);
                int size = 0;
                for (int i = 0; i < 20; i++) {
                    size = get(http, uri).length();
                }
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    get(http, uri);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                double p95 = ms[(int) Math.ceil(0.95 * requests) - 1];
                System.out.printf("%-24s %8.1f %8.1f %8.1f %9d%n", page, ms[requests / 2], p95, ms[requests - 1],
                        size);
                if ((page.equals("/") || page.equals("/pair/IRN-PAK")) && p95 >= 200) {
                    ok = false;
                }
            }
        } finally {
            endpoint.close();
        }
        System.out.println(ok ? "board and pair page p95 under 200 ms" : "OVER 200 ms");
        if (!ok) {
            System.exit(1);
        }
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + ": HTTP " + r.statusCode());
        }
        return r.body();
    }
}
