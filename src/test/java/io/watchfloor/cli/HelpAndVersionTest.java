package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What --version, --help and the completion script tell a user. */
class HelpAndVersionTest {
    @Test
    void versionIsThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>watchfloor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("watchfloor " + m.group(1) + "\n").contains("Java 17");
    }

    @Test
    void helpShowsExamplesAndHowTheConfigIsFound() {
        CliRunner top = CliRunner.run("--help");
        assertThat(top.out()).contains("Examples:").contains("watchfloor silence add --pair IRN-PAK --for 2h")
                .contains("WATCHFLOOR_CONFIG");
        for (String[] cmd : new String[][] {{"status", "--help"}, {"rules", "validate", "--help"},
            {"rules", "test", "--help"}, {"silence", "add", "--help"}}) {
            CliRunner r = CliRunner.run(cmd);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Examples:").contains("  watchfloor ");
        }
        assertThat(CliRunner.run("status", "--help").out()).contains("1 degraded or never run here");
    }

    @Test
    void completionScriptKnowsTheCommands() {
        CliRunner r = CliRunner.run("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F _complete_watchfloor").contains("silence").contains("validate");
    }
}
