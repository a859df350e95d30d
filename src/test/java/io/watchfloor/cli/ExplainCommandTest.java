package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchfloor explain}: why a sentence gave a signal, or why it gave none. */
class ExplainCommandTest {

    @Test
    void aSentenceShowsItsCountriesTriggerRolesAndSignal() {
        CliRunner r = CliRunner.run("explain", "--text", "Pakistan struck militant hideouts in Iran on Thursday.",
                "--date", "2024-01-19");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Pakistan=PAK").contains("Iran=IRN").contains("trigger 'struck' STRIKE")
                .contains("doers [Pakistan]").contains("STRIKE PAK>IRN 2024-01-18");
    }

    @Test
    void aTriggerThatGivesNoSignalSaysWhy() {
        CliRunner r = CliRunner.run("explain", "--text", "India and Japan struck a deal on rail links on Monday.",
                "--date", "2024-01-19");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("-- signals: none").doesNotContain("STRIKE IND");
    }

    @Test
    void anArticleFileIsReadWithItsPublicationDate(@TempDir Path dir) throws Exception {
        Path article = dir.resolve("a.txt");
        Files.writeString(article, "title: Envoy summoned\npublished: 2023-05-02\n\n"
                + "Azerbaijan summoned Iran's ambassador on Tuesday over the remarks.\n");
        CliRunner r = CliRunner.run("explain", article.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(published 2023-05-02)").contains("PROTEST AZE>IRN 2023-05-02");
    }

    @Test
    void badUsageIsRefusedPlainly(@TempDir Path dir) {
        CliRunner missing = CliRunner.run("explain", dir.resolve("nothing.txt").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nothing.txt: no such file");
        CliRunner badDate = CliRunner.run("explain", "--text", "Iran struck Pakistan.", "--date", "19/01/2024");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("--date: expected YYYY-MM-DD, got '19/01/2024'");
    }
}
