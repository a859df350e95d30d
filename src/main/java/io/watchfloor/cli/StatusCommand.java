package io.watchfloor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.health.Health;
import io.watchfloor.store.Database;
import io.watchfloor.store.NodeStateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor status}: sources, last poll, rules loaded, alerts pending delivery, health, and shipped files an
 * upgrade left beside the admin's. A running daemon keeps its report in the data folder ({@code status.txt}, see
 * {@link StatusSnapshot}) and its health comes from its {@code /health}; without a daemon the store is read directly.
 * Exit codes keep to the contract's 0/1: 0 the report is whole and nothing is wrong (a daemon running and healthy, or
 * none running and its last state read from the store; {@code systemctl is-active} tells whether it runs), 1 running
 * but degraded, or a data folder no daemon has ever used.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show sources, last poll, rules loaded, alerts pending delivery and health. "
                + "Exit 0 healthy or stopped, 1 degraded or never run here.",
        footerHeading = "%nExamples:%n",
        footer = {"  watchfloor status",
                "  watchfloor status --config /etc/watchfloor/watchfloor.yaml || echo \"needs a look\""})
final class StatusCommand implements Callable<Integer> {
    static final String SNAPSHOT = StatusSnapshot.FILE;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
    Path config;

    @Override
    public Integer call() {
        ConfigLoader loader = new ConfigLoader();
        WatchfloorConfig cfg = loader.load(config);
        PrintWriter out = spec.commandLine().getOut();
        Path file = loader.chosenFile(config);
        out.println("config:   " + (file == null ? "embedded defaults" : file));
        out.println("data:     " + cfg.dataPath().toAbsolutePath().normalize());
        int exit;
        Optional<StatusSnapshot> live = StatusSnapshot.live(cfg.dataPath().resolve(SNAPSHOT));
        if (live.isPresent()) {
            StatusSnapshot s = live.get();
            out.print(s.report());
            Optional<Health> now = fetch(s.healthUrl());
            StatusReport.health(now.orElse(s.health()), now.isPresent() ? null : "as of " + Times.second(s.written()),
                    out);
            exit = now.orElse(s.health()).ok() ? Main.OK : Main.CHECK_FAILED;
        } else {
            exit = notRunning(cfg, out);
        }
        ShippedFiles.render(ShippedFiles.find(shippedFolders(file, cfg)), out);
        out.flush();
        return exit;
    }

    private static int notRunning(WatchfloorConfig cfg, PrintWriter out) {
        boolean embedded = cfg.database().url().isBlank();
        int exit = Main.OK;
        if (embedded && !Files.exists(Path.of(cfg.databaseUrl().substring("jdbc:h2:file:".length()) + ".mv.db"))) {
            out.println("daemon:   never run with this data directory (start it with: watchfloor run)");
            exit = Main.CHECK_FAILED;
        } else {
            try (Database db = Database.open(cfg.databaseUrl(), cfg.database().user(),
                    System.getenv(cfg.database().passwordEnv()))) {
                out.print(StatusReport.render(cfg, db, StatusReport.stopped(new NodeStateStore(db).all())));
            }
        }
        out.println("health:   not running");
        return exit;
    }

    /** The config file's folder (rules and templates usually live under it), the rules and the templates. */
    private static List<Path> shippedFolders(Path configFile, WatchfloorConfig cfg) {
        List<Path> folders = new ArrayList<>();
        if (configFile != null && configFile.toAbsolutePath().getParent() != null) {
            folders.add(configFile.toAbsolutePath().getParent());
        }
        folders.add(cfg.rulesPath());
        if (cfg.email().templates() != null && !cfg.email().templates().isBlank()) {
            folders.add(Path.of(cfg.email().templates()));
        }
        return folders;
    }

    /** The daemon's health now, from its endpoint; empty when it serves none or does not answer in time. */
    private static Optional<Health> fetch(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(r.body());
            List<String> reasons = new ArrayList<>();
            body.path("reasons").forEach(n -> reasons.add(n.asText()));
            return Optional.of(new Health(body.path("status").asText("unknown"), reasons));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
