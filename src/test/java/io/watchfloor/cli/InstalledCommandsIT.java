package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installed watchfloor, in a scratch root standing for / (its /opt, /etc and /var): its commands, run from any
 * folder, use the installed config; a write to a data folder no daemon uses is warned about; the shipped rule tests
 * pass where the rules are installed; an upgrade's shipped files that differ are listed by status; completion works.
 */
class InstalledCommandsIT {
    record Run(int exit, String out, String err) { }

    private static Run run(Path cwd, List<String> cmd) throws Exception {
        Path out = Files.createTempFile("wf-out", ".txt");
        Path err = Files.createTempFile("wf-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("WATCHFLOOR_CONFIG");
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished in time: %s", cmd).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Installs without the class-data archive (the launcher's path when there is none; a few seconds less). */
    private static Run install(Path root) throws Exception {
        return install(root, false);
    }

    private static Run install(Path root, boolean classArchive) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "config/install.sh").redirectErrorStream(true);
        pb.environment().put("DESTDIR", root.toString());
        pb.environment().put("WATCHFLOOR_ROOT", root.toString());
        pb.environment().put("WATCHFLOOR_CDS", classArchive ? "1" : "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, "");
    }

    private static Run watchfloor(Path root, Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("opt/watchfloor/bin/watchfloor").toString()));
        cmd.addAll(List.of(args));
        return run(cwd, cmd);
    }

    @Test
    void installedCommandsFindTheInstalledConfigFromAnyFolder(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path elsewhere = Files.createDirectory(dir.resolve("home"));
        Run installed = install(root);
        assertThat(installed.exit()).as(installed.out()).isZero();
        Path data = root.resolve("var/lib/watchfloor");
        Path config = root.resolve("etc/watchfloor/watchfloor.yaml");

        Run version = watchfloor(root, elsewhere, "--version");
        assertThat(version.out()).startsWith("watchfloor " + System.getProperty("watchfloor.version", "0.1.0-SNAPSHOT")
                + "\n").doesNotContain("development build");

        // No daemon has ever used the installed data folder: the silence is kept there, with a warning saying so.
        Run first = watchfloor(root, elsewhere, "silence", "add", "--pair", "IRN-PAK", "--for", "2h");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("added until").contains(data.resolve("silences.yaml").toString());
        assertThat(first.err()).contains("warning: no watchfloor daemon uses the data folder " + data);
        assertThat(data.resolve("silences.yaml")).content().contains("IRN-PAK");
        assertThat(elsewhere.resolve("var")).doesNotExist();

        // Once the service has run there, the same command writes without a warning.
        Run once = watchfloor(root, elsewhere, "run", "--once");
        assertThat(once.exit()).as(once.err()).isZero();
        Run second = watchfloor(root, elsewhere, "silence", "add", "--rule", "tit-for-tat", "--for", "1d");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("warning");
        assertThat(data.resolve("silences.yaml")).content().contains("IRN-PAK").contains("tit-for-tat");

        Run validate = watchfloor(root, elsewhere, "rules", "validate");
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out()).startsWith("OK: ");
        Run tests = watchfloor(root, elsewhere, "rules", "test", "seeds", "tit-for-tat");
        assertThat(tests.exit()).as(tests.out() + tests.err()).isZero();
        assertThat(tests.out()).contains("PASS " + root.resolve("etc/watchfloor/rules/tests/seeds.yaml"))
                .containsPattern("(?m)^2 passed, 0 failed$");

        // An upgrade over an edited rule: the admin's copy is kept, the shipped one put beside it, status lists it.
        Path rule = root.resolve("etc/watchfloor/rules/escalation.drl");
        Files.writeString(rule, Files.readString(rule) + "\n// local change\n");
        assertThat(install(root).exit()).isZero();
        Run after = watchfloor(root, elsewhere, "status");
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).startsWith("config:   " + config + "\ndata:     " + data + "\n")
                .contains("daemon:   not running (last started")
                .contains("shipped:  1 shipped file differs from yours")
                .contains("  " + rule + "  (shipped: escalation.drl.new)");
        // Merged (here: the shipped one taken back): the next upgrade leaves nothing beside it.
        Files.copy(root.resolve("etc/watchfloor/rules/escalation.drl.new"), rule,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(install(root).exit()).isZero();
        assertThat(root.resolve("etc/watchfloor/rules/escalation.drl.new")).doesNotExist();
    }

    @Test
    void theInstalledCommandStartsFromTheClassArchiveMadeForItsJar(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Run installed = install(root, true);
        assertThat(installed.exit()).as(installed.out()).isZero();
        assertThat(installed.out()).doesNotContain("no class-data archive");
        Path archive = root.resolve("var/cache/watchfloor/watchfloor.jsa");
        assertThat(archive).isNotEmptyFile();
        Path jar = root.resolve("opt/watchfloor/lib/watchfloor.jar");
        assertThat(archive.resolveSibling("watchfloor.jsa.key")).content()
                .isEqualTo(Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() / 1000 + "\n");

        // Where each class came from, in a log the admin's JAVA_OPTS ask for.
        Path classes = dir.resolve("classes.log");
        Path defaults = root.resolve("etc/default/watchfloor");
        Files.writeString(defaults, Files.readString(defaults).replace("JAVA_OPTS=\"-Xmx1g\"",
                "JAVA_OPTS=\"-Xmx1g -Xlog:class+load=info:file=" + classes + "\""));
        Run once = watchfloor(root, dir, "run", "--once");
        assertThat(once.exit()).as(once.err()).isZero();
        assertThat(once.out()).startsWith("0 new articles of 0 scanned;");
        assertThat(classes).content().contains("io.watchfloor.cli.RunCommand source: shared objects file (top)");

        // A jar replaced without a new archive (an upgrade by hand): the archive is not used, and nothing is said.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Run version = watchfloor(root, dir, "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("watchfloor ");
        assertThat(version.out() + version.err()).doesNotContain("cds").doesNotContain("archive");
        assertThat(classes).content().contains("io.watchfloor.cli.Main source: file:")
                .doesNotContain("io.watchfloor.cli.Main source: shared objects file");
    }

    @Test
    void replayRunsForThroughputUnlessJavaOptsChooseOtherwise(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        assertThat(install(root).exit()).isZero();
        List<String> replay = List.of(root.resolve("opt/watchfloor/bin/watchfloor").toString(), "replay",
                Path.of("seeds").toAbsolutePath().toString(), "--format", "jsonl");

        Run batch = run(dir, replay);
        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(batch.out()).contains("\"kind\":\"alert\"");
        assertThat(batch.err()).contains("garbage collector: parallel")
                .contains("JIT inlining: FreqInlineSize=150, InlineSmallCode=500")
                .contains("transparent huge pages: on");

        // The admin's JAVA_OPTS, where the service reads them, name a collector, an inlining limit and no huge pages:
        // those are used.
        Path defaults = root.resolve("etc/default/watchfloor");
        Files.writeString(defaults, Files.readString(defaults).replace("JAVA_OPTS=\"-Xmx1g\"",
                "JAVA_OPTS=\"-Xmx1g -XX:+UseSerialGC -XX:FreqInlineSize=325 -XX:-UseTransparentHugePages\""));
        assertThat(defaults).content().contains("-XX:+UseSerialGC");
        Run chosen = run(dir, replay);
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(chosen.err()).contains("garbage collector: serial")
                .contains("JIT inlining: FreqInlineSize=325, InlineSmallCode=500")
                .contains("transparent huge pages: off");
    }

    @Test
    void bashCompletesTheCommandsFromThePicocliScript(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        assertThat(install(root).exit()).isZero();
        Path completion = root.resolve("usr/share/bash-completion/completions/watchfloor");
        assertThat(Files.readString(completion)).doesNotStartWith("#!");
        Run r = run(dir, List.of("bash", "-c", "source '" + completion + "'; COMP_LINE='watchfloor sil';"
                + " COMP_WORDS=(watchfloor sil); COMP_CWORD=1; COMP_POINT=${#COMP_LINE}; _complete_watchfloor;"
                + " echo \"${COMPREPLY[@]}\"; COMP_LINE='watchfloor rules v'; COMP_WORDS=(watchfloor rules v);"
                + " COMP_CWORD=2; COMP_POINT=${#COMP_LINE}; _complete_watchfloor; echo \"${COMPREPLY[@]}\""));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("silence", "validate");
    }
}
