package io.watchfloor.cli;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.NodeStateStore;
import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SetAsideStore;
import io.watchfloor.store.SourceStateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor status}: sources, last poll, rules loaded, alerts pending delivery. The embedded database is
 * open by one process at a time, so a running daemon keeps a snapshot of this report in the data directory
 * ({@code status.txt}), rewritten after every pass and reload; without a running daemon the store is read directly.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show sources, last poll, rules loaded and alerts pending delivery.")
final class StatusCommand implements Callable<Integer> {
    static final String SNAPSHOT = "status.txt";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
    Path config;

    @Override
    public Integer call() {
        WatchfloorConfig cfg = new ConfigLoader().load(config);
        PrintWriter out = spec.commandLine().getOut();
        out.println("config:   " + (config != null ? config
                : Files.isRegularFile(ConfigLoader.DEFAULT_FILE) ? ConfigLoader.DEFAULT_FILE : "embedded defaults"));
        out.println("data:     " + cfg.dataPath().toAbsolutePath().normalize());
        Optional<List<String>> live = liveSnapshot(cfg.dataPath().resolve(SNAPSHOT));
        if (live.isPresent()) {
            live.get().stream().skip(1).forEach(out::println);
            return Main.OK;
        }
        boolean embedded = cfg.database().url().isBlank();
        if (embedded && !Files.exists(Path.of(cfg.databaseUrl().substring("jdbc:h2:file:".length()) + ".mv.db"))) {
            out.println("daemon:   never run with this data directory (start it with: watchfloor run)");
            return Main.OK;
        }
        try (Database db = Database.open(cfg.databaseUrl(), cfg.database().user(),
                System.getenv(cfg.database().passwordEnv()))) {
            out.print(render(cfg, db, daemon(new NodeStateStore(db).all())));
        }
        return Main.OK;
    }

    /** The report body (from the daemon line on), as the daemon writes it and as this command prints it. */
    static String render(WatchfloorConfig cfg, Database db, String daemon) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        Map<String, String> node = new NodeStateStore(db).all();
        out.println("daemon:   " + daemon);
        out.println("rules:    " + node.getOrDefault("rules.loaded", "none loaded yet"));
        out.println("sources:");
        var states = new SourceStateStore(db).all();
        if (states.isEmpty()) {
            out.println("  (not polled yet)");
        }
        for (var s : states) {
            out.printf("  %-7s %-30s last poll %s, %s, %d articles%n", s.kind(), s.name(),
                    s.lastPoll() == null ? "never" : s.lastPoll(),
                    s.lastError() == null ? "ok" : "ERROR " + s.lastError(), s.articlesSeen());
        }
        FeedStatusReport.render(cfg, db, out);
        out.println("articles: " + new ArticleStore(db).count() + " processed");
        List<SetAsideStore.SetAside> aside = new SetAsideStore(db).all();
        if (!aside.isEmpty()) {
            out.println("set aside by the rules: " + aside.size() + " article" + (aside.size() == 1 ? "" : "s")
                    + " (retried after the next rule change)");
            for (SetAsideStore.SetAside a : aside) {
                out.printf("  %s (%s), %s: %s%n", a.articleId(), a.title(), a.at(), a.reason());
            }
        }
        OutboxStore outbox = new OutboxStore(db);
        int pending = outbox.countPending();
        out.println("alerts:   " + new AlertStore(db).count() + " on record, " + pending + " email"
                + (pending == 1 ? "" : "s") + " pending delivery, " + outbox.countSent() + " sent ("
                + (cfg.email().smtp().configured() ? "SMTP " + cfg.email().smtp().host() : ".eml files in "
                + cfg.outboxDir()) + "; also " + cfg.alertsFile() + ")");
        out.flush();
        return sw.toString();
    }

    /** Writes the snapshot a running daemon leaves for {@code status}: its pid, then the report. */
    static synchronized void writeSnapshot(Path file, String report) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, "pid " + ProcessHandle.current().pid() + "\n" + report, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The snapshot's lines when the daemon that wrote it is still running. */
    private static Optional<List<String>> liveSnapshot(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).startsWith("pid ")) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).substring(4).trim());
            boolean alive = pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(lines) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String daemon(Map<String, String> node) {
        String started = node.get("daemon.started");
        if (started == null) {
            return "never run";
        }
        return "not running (last started " + started + ", stopped " + node.getOrDefault("daemon.stopped", "?")
                + ")";
    }
}
