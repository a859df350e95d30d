package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database, one watched folder and one feed: one is killed mid-run; the other keeps
 * polling both, and every alert reaches the SMTP server exactly once.
 */
class ClusterIT {
    @Test
    void twoNodesOneKilledEveryAlertMailedOnceAndFolderAndFeedStillPolled(@TempDir Path dir) throws Exception {
        int smtpPort = Daemons.freeLoopbackPort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        // A feed on loopback: the nodes share its polling; it must go on after a node dies.
        java.util.concurrent.atomic.AtomicInteger feedPolls = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer feed = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Loop</title>"
                + "<link>http://127.0.0.1/</link><description>test</description><item><title>Markets calm</title>"
                + "<link>http://127.0.0.1/a</link><guid>a</guid><description>Trade talks resumed in Geneva."
                + "</description></item></channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        feed.createContext("/feed.xml", ex -> {
            feedPolls.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, rss.length);
            try (var out = ex.getResponseBody()) {
                out.write(rss);
            }
        });
        feed.start();
        List<Process> nodes = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Path inbox = Files.createDirectory(dir.resolve("inbox"));
            String url = pg.getJdbcUrl("postgres", "postgres");
            List<Path> logs = new ArrayList<>();
            for (String node : new String[] {"a", "b"}) {
                Path cfg = dir.resolve(node + ".yaml");
                Files.writeString(cfg, "dataDir: " + dir.resolve(node) + "\n"
                        + "sources:\n  scanInterval: 1s\n  folders: [" + inbox + "]\n"
                        + "  feeds:\n    - {url: \"http://127.0.0.1:" + feed.getAddress().getPort()
                        + "/feed.xml\", name: loop, interval: 1s}\n"
                        + "database:\n  url: \"" + url + "\"\n  user: postgres\n"
                        + "email:\n  smtp: {host: 127.0.0.1, port: " + smtpPort + ", security: none}\n"
                        + "  groupWait: 1s\n  deliveryInterval: 1s\n  defaultRecipient: duty@example.org\n"
                        + "http:\n  port: 0\ncluster:\n  enabled: true\n  checkinInterval: 1s\n");
                Path err = dir.resolve(node + ".log");
                logs.add(err);
                Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                        .redirectErrorStream(true).redirectOutput(err.toFile()).start();
                nodes.add(p);
                Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            }
            Files.copy(Path.of("seeds/000_89c3de90ed6096f9.txt"), inbox.resolve("000_89c3de90ed6096f9.txt"));
            waitUntil(() -> mail.getReceivedMessages().length >= 1, nodes.get(1), logs.get(1));

            System.out.println(Files.readString(logs.get(0)));
            nodes.get(0).destroyForcibly(); // kill -9 node a
            assertThat(nodes.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();
            int before = mail.getReceivedMessages().length;
            int pollsAtKill = feedPolls.get();
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt.meta.yaml"),
                    inbox.resolve("002_333d6fb679bd7709.txt.meta.yaml"));
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt"), inbox.resolve("002_333d6fb679bd7709.txt"));
            // The second article brings new alerts (restored relations): node b polled and mailed them.
            waitUntil(() -> mail.getReceivedMessages().length > before, nodes.get(1), logs.get(1));

            waitUntil(() -> feedPolls.get() >= pollsAtKill + 3, nodes.get(1), logs.get(1));
            System.out.println(Files.readString(logs.get(1)));
            Set<String> mailed = new HashSet<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                for (String id : MimeUtility.unfold(m.getHeader("X-Watchfloor-Alerts")[0]).split(" ")) {
                    assertThat(mailed.add(id)).as("alert %s mailed once", id).isTrue();
                }
            }
            Set<String> stored = new HashSet<>();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT id FROM alert")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
                try (ResultSet r2 = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM article")) {
                    r2.next();
                    assertThat(r2.getInt(1)).as("the two seed files and the feed item, each once").isEqualTo(3);
                }
            }
            waitUntil(() -> {
                Set<String> now = new HashSet<>();
                for (MimeMessage m : mail.getReceivedMessages()) {
                    now.addAll(List.of(MimeUtility.unfold(m.getHeader("X-Watchfloor-Alerts")[0]).split(" ")));
                }
                return now.containsAll(stored);
            }, nodes.get(1), logs.get(1));
            // The survivor stops cleanly on SIGTERM (what systemctl stop sends).
            Process b = nodes.get(1);
            b.destroy();
            assertThat(b.waitFor(60, TimeUnit.SECONDS)).as("node b stopped: %s", Files.readString(logs.get(1)))
                    .isTrue();
            System.out.printf("%.1f s: node b stopped%n", (System.nanoTime() - T0) / 1e9);
            assertThat(Files.readString(logs.get(1))).contains("stopped");
        } finally {
            for (Process p : nodes) {
                p.destroyForcibly();
                p.waitFor(60, TimeUnit.SECONDS);
            }
            mail.stop();
            feed.stop(0);
            System.out.printf("%.1f s: torn down%n", (System.nanoTime() - T0) / 1e9);
        }
    }

    private static final long T0 = System.nanoTime();

    private static void waitUntil(Daemons.Check check, Process p, Path log) throws Exception {
        Daemons.waitFor(check, p, log);
        // Where the time goes, in the test's output file.
        System.out.printf("%.1f s: done waiting%n", (System.nanoTime() - T0) / 1e9);
    }
}
