package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchfloor actors lookup}: what a name stands for on a date, and why. */
class ActorsCommandTest {

    @Test
    void aLeaderResolvesInOfficeWithTheEntryAndItsSource() {
        CliRunner r = CliRunner.run("actors", "lookup", "Obama", "--date", "2012-05-01");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("USA (United States), in office on 2012-05-01")
                .contains("Barack Obama (people.tsv:").contains("USA HOS 2009-01-20..2017-01-20")
                .contains("=> USA on 2012-05-01");
    }

    @Test
    void outOfOfficeTheNameStandsForNobody() {
        CliRunner r = CliRunner.run("actors", "lookup", "Obama", "--date", "2005-05-01");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("nobody called so was in office on 2005-05-01").contains("=> no country");
    }

    @Test
    void aCommonWordSurnameSaysWhyItNeedsAnIntroduction() {
        CliRunner r = CliRunner.run("actors", "lookup", "Trump", "--date", "2018-01-01");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("needs the article to name the person in full or with a title");
        assertThat(CliRunner.run("actors", "lookup", "Donald Trump", "--date", "2018-01-01").out())
                .contains("=> USA on 2018-01-01");
    }

    @Test
    void placesGroupsAndDisputedNamesAreExplained() {
        assertThat(CliRunner.run("actors", "lookup", "Balochistan").out()).contains("place of PAK");
        assertThat(CliRunner.run("actors", "lookup", "Taliban", "--date", "2020-01-01").out())
                .contains("a group: where it fights, never a party");
        assertThat(CliRunner.run("actors", "lookup", "Taliban", "--date", "2022-01-01").out())
                .contains("it acts as AFG").contains("=> AFG on 2022-01-01");
        assertThat(CliRunner.run("actors", "lookup", "Kashmir").out()).contains("disputed, claimed by IND, PAK");
        assertThat(CliRunner.run("actors", "lookup", "Punjab").out()).contains("ambiguous, may be IND or PAK");
    }

    @Test
    void anUnknownNameAndABadDateAreSaidPlainly() {
        CliRunner unknown = CliRunner.run("actors", "lookup", "Atlantis");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).contains("'Atlantis': not in the actor catalogue");
        CliRunner bad = CliRunner.run("actors", "lookup", "Obama", "--date", "2012-13-01");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--date: '2012-13-01' is not a date");
    }

    @Test
    void theAdminsAdditionsCountAndABrokenOneIsNamed(@TempDir Path dir) throws Exception {
        Path lexicon = Files.createDirectories(dir.resolve("lexicon"));
        Files.writeString(lexicon.resolve("actors.yaml"),
                "people:\n  - {names: [Jane Roe], short: [Roe], terms: [\"FRA FM 2026-01-01..\"]}\n");
        CliRunner r = CliRunner.run("actors", "lookup", "Roe", "--date", "2026-03-01", "--rules", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("=> FRA on 2026-03-01").contains("actors.yaml: people[0]");
        Files.writeString(lexicon.resolve("actors.yaml"), "people:\n  - {names: [Jane Roe], terms: [\"FRA FM\"]}\n");
        CliRunner broken = CliRunner.run("actors", "lookup", "Roe", "--rules", dir.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("actors.yaml: people[0]").contains("not CODE ROLE FROM..TO");
    }
}
