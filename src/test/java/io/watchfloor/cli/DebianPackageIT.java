package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian package `mvn package` builds, looked at with dpkg-deb and lintian as an admin or a reviewer would. */
class DebianPackageIT {
    private static Path deb;

    record Run(int exit, String out) { }

    private static Run run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: %s", List.of(cmd)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @BeforeAll
    static void findThePackage() throws Exception {
        assumeFalse(Boolean.getBoolean("watchfloor.deb.skipped"), "built with -Ddeb.skip=true");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed");
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> debs = s.filter(p -> p.getFileName().toString().matches("watchfloor_.*_all\\.deb")).toList();
            assertThat(debs).as("one package in target/").hasSize(1);
            deb = debs.get(0);
        }
    }

    @Test
    void controlNamesThePackageItsVersionAndWhatItNeeds() throws Exception {
        Run info = run("dpkg-deb", "--field", deb.toString(), "Package", "Version", "Architecture", "Depends");
        assertThat(info.exit()).as(info.out()).isZero();
        String version = System.getProperty("watchfloor.version", "0.1.0-SNAPSHOT").replace('-', '~');
        assertThat(info.out()).contains("Package: watchfloor").contains("Version: " + version)
                .contains("Architecture: all").contains("default-jre-headless").contains("adduser");
        Run postinst = run("dpkg-deb", "--info", deb.toString(), "postinst");
        assertThat(postinst.out()).contains("adduser --system").contains("chown watchfloor:watchfloor /var/lib/watchfloor")
                .contains("/opt/watchfloor/lib/class-archive");
    }

    @Test
    void holdsTheProgramTheUnitTheConfigAsConffilesAndTheDataFolders(@TempDir Path dir) throws Exception {
        Run contents = run("dpkg-deb", "--contents", deb.toString());
        assertThat(contents.exit()).isZero();
        assertThat(contents.out())
                .containsPattern("-rwxr-xr-x root/root .* \\./opt/watchfloor/bin/watchfloor\\n")
                .contains("./opt/watchfloor/lib/watchfloor.jar")
                .containsPattern("-rwxr-xr-x root/root .* \\./opt/watchfloor/lib/class-archive\\n")
                .contains("./lib/systemd/system/watchfloor.service")
                .containsPattern("-rw-r----- root/root .* \\./etc/default/watchfloor\\n")
                .contains("./etc/watchfloor/watchfloor.yaml").contains("./etc/watchfloor/rules/tests/seeds.yaml")
                .contains("./etc/watchfloor/rules/tests/articles/000_89c3de90ed6096f9.txt")
                .contains("./var/lib/watchfloor/inbox/").contains("./var/log/watchfloor/")
                .contains("./usr/share/bash-completion/completions/watchfloor")
                .contains("./usr/bin/watchfloor -> /opt/watchfloor/bin/watchfloor")
                .contains("./usr/share/doc/watchfloor/copyright");

        Path control = Files.createDirectory(dir.resolve("control"));
        assertThat(run("dpkg-deb", "--control", deb.toString(), control.toString()).exit()).isZero();
        List<String> conffiles = Files.readAllLines(control.resolve("conffiles"));
        assertThat(conffiles).contains("/etc/watchfloor/watchfloor.yaml", "/etc/default/watchfloor",
                "/etc/watchfloor/logback.xml", "/etc/watchfloor/rules/escalation.drl",
                "/etc/watchfloor/templates/alert.html.mustache");
        assertThat(conffiles).allSatisfy(f -> assertThat(f).startsWith("/etc/"));

        // The files as installed: the service's paths in the config, the launcher pointing at the installed config.
        Path tree = Files.createDirectory(dir.resolve("tree"));
        assertThat(run("dpkg-deb", "--extract", deb.toString(), tree.toString()).exit()).isZero();
        assertThat(tree.resolve("etc/watchfloor/watchfloor.yaml")).content()
                .contains("dataDir: /var/lib/watchfloor").contains("rulesDir: /etc/watchfloor/rules");
        assertThat(tree.resolve("opt/watchfloor/bin/watchfloor")).content()
                .contains("WATCHFLOOR_CONFIG:=/etc/watchfloor/watchfloor.yaml")
                .contains("jar=\"/opt/watchfloor/lib/watchfloor.jar\"").contains("-jar \"$jar\"");
        assertThat(tree.resolve("lib/systemd/system/watchfloor.service")).content()
                .contains("ExecStart=/opt/watchfloor/bin/watchfloor run --config /etc/watchfloor/watchfloor.yaml");
    }

    @Test
    void lintianFindsNothingToSay() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lintian")), "lintian is not installed");
        Run r = run("lintian", "--tag-display-limit", "0", "--fail-on", "error,warning", deb.toString());
        List<String> tags = r.out().lines().filter(l -> l.matches("^[EWI]: .*")).toList();
        assertThat(tags).as(r.out()).isEmpty();
        assertThat(r.exit()).as(r.out()).isZero();
    }
}
