package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Running as a service", followed where a test can: the unit verifies, the installer keeps edits. */
class ServiceInstallIT {
    record Run(int exit, String output) { }

    private static Run run(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerifyWithoutAWarning(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        // verify checks that ExecStart exists and that the targets named exist: give it both, and nothing else.
        Path stub = dir.resolve("watchfloor-launcher");
        Files.writeString(stub, "#!/bin/sh\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path units = Files.createDirectory(dir.resolve("units"));
        Path targets = Files.createDirectory(dir.resolve("targets"));
        for (String t : new String[] {"sysinit.target", "basic.target", "network-online.target", "multi-user.target",
            "shutdown.target"}) {
            Files.writeString(targets.resolve(t), "[Unit]\nDescription=stand-in\n");
        }
        String unit = Files.readString(Path.of("config/watchfloor.service"));
        assertThat(unit).contains("Type=exec").contains("Restart=on-failure").contains("SuccessExitStatus=143")
                .contains("ExecReload=/bin/kill -HUP $MAINPID").contains("NoNewPrivileges=yes")
                .contains("ProtectSystem=strict").contains("ProtectHome=yes").contains("PrivateTmp=yes")
                .contains("ReadWritePaths=/var/lib/watchfloor /var/log/watchfloor").doesNotContainPattern("(?m)^MemoryDenyWriteExecute")
                .contains("User=watchfloor");
        Files.writeString(units.resolve("watchfloor.service"),
                unit.replace("/opt/watchfloor/bin/watchfloor", stub.toString()));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/systemd-analyze", "verify",
                units.resolve("watchfloor.service").toString());
        pb.environment().put("SYSTEMD_UNIT_PATH", units + ":" + targets + ":");
        Run r = run(pb);
        assertThat(r.output()).as("systemd-analyze prints warnings but exits 0 on some: any output fails").isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void installerLaysOutTheServiceAndNeverOverwritesAnAdminsEdits(@TempDir Path root) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "config/install.sh");
        pb.environment().put("DESTDIR", root.toString());
        Run first = run(pb);
        assertThat(first.exit()).as(first.output()).isZero();
        for (String f : new String[] {"opt/watchfloor/lib/watchfloor.jar", "opt/watchfloor/bin/watchfloor",
            "etc/watchfloor/watchfloor.yaml", "etc/watchfloor/logback.xml", "etc/watchfloor/rules/escalation.drl",
            "etc/watchfloor/rules/lexicon/events.yaml", "etc/watchfloor/templates/alert.html.mustache",
            "etc/default/watchfloor", "etc/systemd/system/watchfloor.service"}) {
            assertThat(root.resolve(f)).as(f).exists();
        }
        assertThat(root.resolve("var/lib/watchfloor/inbox")).isDirectory();
        assertThat(root.resolve("var/log/watchfloor")).isDirectory();
        assertThat(Files.isExecutable(root.resolve("opt/watchfloor/bin/watchfloor"))).isTrue();

        Path cfg = root.resolve("etc/watchfloor/watchfloor.yaml");
        WatchfloorConfig installed = new ConfigLoader().read(cfg);
        assertThat(installed.dataDir()).isEqualTo("/var/lib/watchfloor");
        assertThat(installed.rulesDir()).isEqualTo("/etc/watchfloor/rules");
        assertThat(installed.email().templates()).isEqualTo("/etc/watchfloor/templates");
        assertThat(installed.sources().folders()).containsExactly("/var/lib/watchfloor/inbox");

        // An upgrade keeps what the admin edited and puts the shipped version beside it.
        String edited = Files.readString(cfg).replace("scanInterval: 1m", "scanInterval: 5m");
        Files.writeString(cfg, edited);
        Path rule = root.resolve("etc/watchfloor/rules/escalation.drl");
        Files.writeString(rule, Files.readString(rule) + "\n// local change\n");
        Run second = run(pb);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(Files.readString(cfg)).isEqualTo(edited);
        assertThat(root.resolve("etc/watchfloor/watchfloor.yaml.new")).exists();
        assertThat(Files.readString(rule)).endsWith("// local change\n");
        assertThat(root.resolve("etc/watchfloor/rules/escalation.drl.new")).exists();
        assertThat(root.resolve("etc/watchfloor/rules/tit-for-tat.drl.new")).doesNotExist();
    }
}
