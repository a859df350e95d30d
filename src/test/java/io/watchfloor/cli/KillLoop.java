package io.watchfloor.cli;

import io.watchfloor.notify.RecordingSmtpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The crash test of delivery, for the CI test ({@link DeliveryUnderKillsIT}) and the soak outside CI
 * ({@code bench/soak.sh}): generated articles dropped into the watched folder of a real daemon (the packaged jar)
 * while it is killed with SIGKILL again and again (at random moments, and some the instant the SMTP server has
 * taken a message, before the daemon hears "250") and restarted each time; then a last run finishes the work and
 * stops. A loopback SMTP server records every message. The verdict compares the alerts on record (read from the
 * store) with what reached the server, per recipient: an officer follows everything, another only CRITICAL alerts.
 */
final class KillLoop {
    static final String ALL = "all@example.org";
    static final String CRITICAL = "critical@example.org";

    /** What a run does; {@code finishSeconds}: how long the last run may take to finish the work. */
    record Settings(int crises, int kills, long seed, String groupWait, int finishSeconds) { }

    /**
     * What reached the officers.
     *
     * @param expected  deliveries due: each alert on record for each recipient who follows it
     * @param lost      of those, alerts no message carried to the recipient
     * @param sentTwice alerts a recipient got under two different Message-IDs
     * @param repeats   messages received again under the same Message-ID (a kill between the server's acceptance and
     *                  the daemon's record of it), counted apart
     * @param problems  what is wrong, readable
     */
    record Verdict(int articles, int alerts, int expected, int delivered, int lost, int sentTwice, int repeats,
                   int messages, int randomKills, int acceptanceKills, int notInJsonl, int pendingAtEnd,
                   long seconds, List<String> problems) {
        String summary() {
            return String.format("%d articles, %d alerts on record, %d deliveries due (alert x recipient): %d delivered,"
                            + " lost %d, sent twice %d (repeats under the same Message-ID: %d); %d messages received;"
                            + " %d kills (%d at random moments, %d at SMTP acceptance); alerts missing from"
                            + " alerts.jsonl %d; messages pending at the end %d; %d s",
                    articles, alerts, expected, delivered, lost, sentTwice, repeats, messages,
                    randomKills + acceptanceKills, randomKills, acceptanceKills, notInJsonl, pendingAtEnd, seconds);
        }
    }

    private KillLoop() { }

    static Verdict run(Path dir, Settings s) throws Exception {
        long t0 = System.nanoTime();
        List<GeneratedArticles.Article> articles = GeneratedArticles.crises(s.crises(), s.seed());
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path stage = Files.createDirectories(dir.resolve("stage"));
        Path var = dir.resolve("var");
        Random rnd = new Random(s.seed());
        AtomicReference<Process> daemon = new AtomicReference<>();
        AtomicInteger killAtAcceptance = new AtomicInteger(-1);
        AtomicInteger acceptanceKills = new AtomicInteger();
        try (RecordingSmtpServer smtp = new RecordingSmtpServer()) {
            // The n-th message the current process hands over kills it before the server says "250".
            AtomicInteger acceptedThisRun = new AtomicInteger();
            smtp.beforeReply(r -> {
                if (acceptedThisRun.incrementAndGet() == killAtAcceptance.get()) {
                    Process p = daemon.get();
                    if (p != null && p.isAlive()) {
                        p.destroyForcibly();
                        acceptanceKills.incrementAndGet();
                    }
                }
            });
            Path cfg = dir.resolve("watchfloor.yaml");
            Files.writeString(cfg, "dataDir: " + var + "\n"
                    + "sources:\n  scanInterval: 2s\n  folders: [" + inbox + "]\n"
                    + "email:\n  smtp: {host: 127.0.0.1, port: " + smtp.port() + ", security: none}\n"
                    + "  groupWait: " + s.groupWait() + "\n  deliveryInterval: 1s\n  retryInitial: 1s\n"
                    + "  defaultRecipient: duty@example.org\n"
                    + "  recipients:\n    - {name: desk, address: " + ALL + "}\n"
                    + "    - {name: crises, address: " + CRITICAL + ", minSeverity: CRITICAL}\n"
                    + "  digest: {enabled: false}\n"
                    + "http:\n  enabled: false\n"
                    // Delivery under kills, not extraction: the parser's models would need 1 GB and seconds a start.
                    + "extract:\n  parser: none\n");
            Thread feeder = feeder(articles, stage, inbox);
            feeder.start();
            int randomKills = 0;
            for (int k = 0; k < s.kills(); k++) {
                acceptedThisRun.set(0);
                boolean atAcceptance = k % 3 == 2;
                killAtAcceptance.set(atAcceptance ? 1 + rnd.nextInt(4) : -1);
                Path log = dir.resolve("run-" + k + ".log");
                Process p = start(cfg, log);
                daemon.set(p);
                // A random moment: mostly while articles and mail flow, one kill in four during the start (the store
                // opening, the reconciliation of what the previous kill left).
                boolean duringStart = !atAcceptance && rnd.nextInt(4) == 0;
                if (!duringStart) {
                    waitForStart(p, log);
                }
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                        atAcceptance ? 20_000 : duringStart ? 500 + rnd.nextInt(3_000) : 200 + rnd.nextInt(2_500));
                while (p.isAlive() && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                if (p.isAlive()) {
                    p.destroyForcibly();
                    randomKills++;
                }
                p.waitFor(30, TimeUnit.SECONDS);
            }
            feeder.join();
            killAtAcceptance.set(-1);
            Path log = dir.resolve("final.log");
            Process last = start(cfg, log);
            daemon.set(last);
            finish(last, log, var, articles.size(), smtp, s.finishSeconds());
            last.destroy(); // SIGTERM: a clean stop
            if (!last.waitFor(60, TimeUnit.SECONDS)) {
                last.destroyForcibly();
                throw new IllegalStateException("the last run did not stop: " + Files.readString(log));
            }
            return verdict(var, articles.size(), smtp.received(), randomKills, acceptanceKills.get(),
                    (System.nanoTime() - t0) / 1_000_000_000L);
        }
    }

    /** Drops the articles into the folder in publication order, a few at a time, whether the daemon runs or not. */
    private static Thread feeder(List<GeneratedArticles.Article> articles, Path stage, Path inbox) {
        return new Thread(() -> {
            try {
                for (int i = 0; i < articles.size(); i++) {
                    GeneratedArticles.Article a = articles.get(i);
                    Path tmp = stage.resolve(a.name());
                    Files.writeString(tmp, a.text(), StandardCharsets.UTF_8);
                    Files.move(tmp, inbox.resolve(a.name()), StandardCopyOption.ATOMIC_MOVE);
                    if (i % 8 == 7) {
                        Thread.sleep(150);
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "article-feeder");
    }

    private static void waitForStart(Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (p.isAlive() && !(Files.exists(log) && Files.readString(log).contains("watchfloor started"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the daemon did not start: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    private static Process start(Path cfg, Path log) throws IOException {
        return new ProcessBuilder(Daemons.command(List.of("-Xmx256m"), "run", "--config", cfg.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until every article is processed and nothing waits in the outbox (status.txt says so), then a little. */
    private static void finish(Process p, Path log, Path var, int articles, RecordingSmtpServer smtp, int seconds)
            throws Exception {
        Path status = var.resolve("status.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int quietRounds = 0;
        int seen = -1;
        while (quietRounds < 10) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the last run did not finish: " + Files.readString(log));
            }
            String st = Files.exists(status) ? Files.readString(status) : "";
            boolean done = st.contains("articles: " + articles + " processed") && st.contains(" 0 emails pending");
            int now = smtp.received().size();
            quietRounds = done && now == seen ? quietRounds + 1 : 0;
            seen = now;
            Thread.sleep(300);
        }
    }

    private static Verdict verdict(Path var, int articles, List<RecordingSmtpServer.Received> received,
                                   int randomKills, int acceptanceKills, long seconds) throws SQLException,
            IOException {
        Map<String, String> severity = new TreeMap<>();
        int pending;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + var.resolve("watchfloor"), "sa", "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, severity FROM alert")) {
                while (rs.next()) {
                    severity.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'")) {
                rs.next();
                pending = rs.getInt(1);
            }
        }
        // (recipient, alert) -> the Message-IDs that carried it; Message-ID -> how many times it arrived.
        Map<String, Set<String>> carriedBy = new HashMap<>();
        Map<String, Integer> arrivals = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RecordingSmtpServer.Received r : received) {
            arrivals.merge(r.messageId(), 1, Integer::sum);
            for (String to : r.recipients()) {
                for (String id : r.alertIds()) {
                    carriedBy.computeIfAbsent(to + " " + id, x -> new HashSet<>()).add(r.messageId());
                    if (!severity.containsKey(id)) {
                        problems.add("mailed to " + to + " but not on record: alert " + id);
                    }
                }
            }
        }
        int expected = 0;
        int delivered = 0;
        int lost = 0;
        int twice = 0;
        for (Map.Entry<String, String> a : severity.entrySet()) {
            List<String> to = a.getValue().equals("CRITICAL") ? List.of(ALL, CRITICAL) : List.of(ALL);
            for (String r : to) {
                expected++;
                Set<String> ids = carriedBy.getOrDefault(r + " " + a.getKey(), Set.of());
                if (ids.isEmpty()) {
                    lost++;
                    problems.add("lost: alert " + a.getKey() + " (" + a.getValue() + ") never reached " + r);
                } else {
                    delivered++;
                }
                if (ids.size() > 1) {
                    twice++;
                    problems.add("sent twice: alert " + a.getKey() + " reached " + r + " under " + ids);
                }
            }
        }
        int repeats = arrivals.values().stream().mapToInt(n -> n - 1).sum();
        String jsonl = Files.readString(var.resolve("alerts.jsonl"));
        int notInJsonl = (int) severity.keySet().stream().filter(id -> !jsonl.contains("\"id\":\"" + id + "\""))
                .count();
        if (notInJsonl > 0) {
            problems.add(notInJsonl + " alerts on record are not in alerts.jsonl");
        }
        if (pending > 0) {
            problems.add(pending + " messages still pending at the end");
        }
        return new Verdict(articles, severity.size(), expected, delivered, lost, twice, repeats, received.size(),
                randomKills, acceptanceKills, notInJsonl, pending, seconds, problems);
    }

    /**
     * The soak: {@code KillLoop DIR CRISES KILLS [SEED] [GROUP_WAIT] [FINISH_SECONDS]}; prints the verdict, exit 1 if
     * it fails.
     */
    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                args.length > 3 ? Long.parseLong(args[3]) : 1, args.length > 4 ? args[4] : "0s",
                args.length > 5 ? Integer.parseInt(args[5]) : 120);
        Verdict v = run(Files.createDirectories(Path.of(args[0])), s);
        System.out.println(v.summary());
        v.problems().stream().limit(30).forEach(p -> System.out.println("  " + p));
        System.exit(v.problems().isEmpty() ? 0 : 1);
    }
}
