package io.watchfloor.cli;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a command finds its config, said once for every command's help, and the warnings that go with it. */
final class ConfigChoice {
    static final String HELP = "Config file (default: the file named by WATCHFLOOR_CONFIG, which the installed "
            + "launcher sets; else config/watchfloor.yaml when present; else the embedded defaults).";

    private ConfigChoice() { }

    /**
     * Warns before a command writes to a data folder that no daemon uses: no daemon runs with it now and none ever
     * ran with it (no node id kept there), so what is written there will be seen by nobody. A folder a stopped daemon
     * used is fine: it reads it again when it starts.
     */
    static void warnIfNoDaemonUses(WatchfloorConfig cfg, Path configFile, String what, PrintWriter err) {
        Path data = cfg.dataPath().toAbsolutePath().normalize();
        boolean running = StatusSnapshot.live(cfg.dataPath().resolve(StatusSnapshot.FILE)).isPresent();
        boolean used = Files.isRegularFile(cfg.dataPath().resolve("node-id"));
        if (!running && !used) {
            err.println("watchfloor: warning: no watchfloor daemon uses the data folder " + data + " ("
                    + (configFile == null ? "embedded defaults" : "config " + configFile) + "); " + what
                    + " there, where no daemon will see it. Give --config FILE, or set WATCHFLOOR_CONFIG"
                    + " (the installed launcher sets it to /etc/watchfloor/watchfloor.yaml).");
        }
    }
}
