package io.watchfloor.cli;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.NodeStateStore;
import io.watchfloor.store.SourceStateStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor status}: sources, last poll, rules loaded, alerts pending delivery. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show sources, last poll, rules loaded and alerts pending delivery.")
final class StatusCommand implements Callable<Integer> {
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
        boolean embedded = cfg.database().url().isBlank();
        if (embedded && !Files.exists(Path.of(cfg.databaseUrl().substring("jdbc:h2:file:".length()) + ".mv.db"))) {
            out.println("daemon:   never run with this data directory (start it with: watchfloor run)");
            return Main.OK;
        }
        try (Database db = Database.open(cfg.databaseUrl() + (embedded ? ";AUTO_SERVER=TRUE" : ""),
                cfg.database().user(), System.getenv(cfg.database().passwordEnv()))) {
            Map<String, String> node = new NodeStateStore(db).all();
            out.println("daemon:   " + daemon(node));
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
            out.println("articles: " + new ArticleStore(db).count() + " processed");
            out.println("alerts:   " + new AlertStore(db).count() + " on record, 0 pending delivery"
                    + " (alerts go to the log and " + cfg.alertsFile() + ")");
        }
        return Main.OK;
    }

    private static String daemon(Map<String, String> node) {
        String pid = node.get("daemon.pid");
        if (pid == null) {
            return "never run";
        }
        Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(pid));
        String started = node.getOrDefault("daemon.started", "?");
        boolean alive = p.isPresent() && p.get().isAlive() && p.get().pid() != ProcessHandle.current().pid();
        return alive ? "running (pid " + pid + ", started " + started + ")"
                : "not running (last started " + started + ", stopped " + node.getOrDefault("daemon.stopped", "?")
                  + ")";
    }
}
