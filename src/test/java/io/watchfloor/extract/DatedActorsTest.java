package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * People resolved by the article's date, first-level divisions, older names and demonyms, armed groups: what the
 * mention finder makes of sentences written for these tests.
 */
class DatedActorsTest {
    private static final MentionFinder FINDER = new MentionFinder(ActorCatalog.loadDefault());

    /** "CODE KIND" of every mention of the article's sentences (the title "T" names nothing). */
    private static List<String> mentions(String published, String body) {
        ArticleMentions am = FINDER.find(SentenceSplitter.split("T", body), LocalDate.parse(published));
        return am.bySentence().stream().flatMap(List::stream).map(m -> m.code() + " " + m.kind()).toList();
    }

    private static List<Mention> raw(String published, String body) {
        return FINDER.find(SentenceSplitter.split("T", body), LocalDate.parse(published)).bySentence().stream()
                .flatMap(List::stream).toList();
    }

    @Test
    void aLeaderNamedAloneIsHisStateOnlyWhileInOffice() {
        assertThat(mentions("2012-05-01", "Obama and Putin will meet in Vienna next week."))
                .contains("USA PERSON", "RUS PERSON");
        assertThat(mentions("2005-05-01", "Obama and Putin will meet in Vienna next week."))
                .doesNotContain("USA PERSON").contains("RUS PERSON");
        assertThat(mentions("2026-02-01", "Mitterrand arrived in Bonn on a rainy morning."))
                .containsExactly("DEU PLACE");
        assertThat(mentions("1990-02-01", "Mitterrand arrived in Bonn on a rainy morning."))
                .containsExactly("FRA PERSON", "DEU PLACE");
    }

    @Test
    void theSameNameChangesStateWithTheDate() {
        assertThat(mentions("2019-03-01", "Imran Khan chaired the meeting.")).containsExactly("PAK PERSON");
        assertThat(mentions("2024-06-01", "Imran Khan spoke from prison.")).isEmpty();
        assertThat(mentions("2023-06-01", "Li Qiang flew to Berlin.")).contains("CHN PERSON");
    }

    @Test
    void aSurnameThatIsAlsoAWordNeedsTheArticleToIntroduceThePerson() {
        assertThat(mentions("2018-06-12", "Trump spoke to reporters on the lawn.")).isEmpty();
        assertThat(mentions("2018-06-12", "President Donald Trump left early. Trump spoke to reporters later."))
                .containsExactly("USA PERSON", "USA PERSON");
        assertThat(mentions("2018-06-12", "Mr Trump spoke to reporters on the lawn.")).containsExactly("USA PERSON");
    }

    @Test
    void aCommonSurnameAloneNamesNobodyUntilIntroduced() {
        assertThat(mentions("2019-03-01", "Khan said the talks would go on.")).isEmpty();
        assertThat(mentions("2019-03-01", "Imran Khan met the envoy. Khan said the talks would go on."))
                .containsExactly("PAK PERSON", "PAK PERSON");
        // Korean family names come first: "Kim" is Kim Jong-un once the article has named him.
        assertThat(mentions("2018-06-12", "Kim Jong-un arrived by train. Kim then toured the port."))
                .containsExactly("PRK PERSON", "PRK PERSON");
    }

    @Test
    void aFirstNameFollowedByASurnameIsNotSomeoneElsesSurname() {
        // "Gustavo" is the surname of an official of another state; here it is a first name.
        assertThat(mentions("2022-11-01", "President Gustavo Petro arrived in Caracas."))
                .contains("COL PERSON").doesNotContain("STP PERSON");
    }

    @Test
    void aTitleResolvesANameWhoseArticleIsWronglyDated() {
        assertThat(mentions("2000-01-01", "Envoys met President Obama at a lunch.")).containsExactly("USA PERSON");
        assertThat(mentions("2000-01-01", "Envoys met former President Obama at a lunch.")).isEmpty();
    }

    @Test
    void aProvinceIsWhereNotWho() {
        List<Mention> ms = raw("2024-01-17", "A strike hit a village in Balochistan province.");
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("PAK");
            assertThat(m.isWhere()).isTrue();
            assertThat(m.canAct()).isFalse();
        });
        // First-level divisions converted from ISO 3166-2 (not in the hand-written catalogue).
        assertThat(mentions("2024-01-17", "Floods hit Gelderland and Aichi overnight."))
                .containsExactly("NLD PLACE", "JPN PLACE");
    }

    @Test
    void aDivisionTwoStatesShareIsResolvedByTheArticle() {
        assertThat(mentions("2024-01-17", "Shelling hit Punjab. Lahore was on alert."))
                .containsExactly("PAK PLACE", "PAK PLACE");
        assertThat(mentions("2024-01-17", "Shelling hit Punjab. Amritsar was on alert."))
                .containsExactly("IND PLACE", "IND PLACE");
        // The country, not the US state.
        assertThat(mentions("2024-01-17", "Troops left Georgia on Monday.")).containsExactly("GEO NAME");
    }

    @Test
    void olderNamesAndDemonymsAreTheirContinuators() {
        assertThat(mentions("1985-03-01", "Kampuchean troops crossed the river. Soviet advisers left Zaire."))
                .containsExactly("KHM ADJECTIVE", "RUS ADJECTIVE", "COD NAME");
        // Guerrillas of a country are a group that fights there, not its state; protesters and gunmen are neither.
        assertThat(mentions("1985-03-01", "Kampuchean guerrillas crossed the river.")).containsExactly("KHM GROUP");
        assertThat(mentions("1985-03-01", "Sudanese rebel fighters crossed the river.")).containsExactly("SDN GROUP");
        assertThat(mentions("2020-12-01", "Serb protesters and Ethiopian gunmen crossed the river.")).isEmpty();
        assertThat(mentions("1985-03-01", "Filipino peacekeepers and Burmese officials met in Ceylon."))
                .containsExactly("PHL ADJECTIVE", "MMR ADJECTIVE", "LKA NAME");
        assertThat(mentions("2010-03-01", "The post-Soviet states of the former Soviet Union met.")).isEmpty();
    }

    @Test
    void anArmedGroupIsWhereItFightsNeverAParty() {
        List<Mention> ms = raw("2024-03-01", "Hezbollah fired rockets overnight.");
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("LBN");
            assertThat(m.kind()).isEqualTo(Mention.Kind.GROUP);
            assertThat(m.canAct()).isFalse();
            assertThat(m.isWhere()).isFalse();
        });
        // A group that fights in two states stands for the one the article names.
        assertThat(mentions("2024-01-17", "Jaish al-Adl claimed the attack. Pakistan condemned it."))
                .containsExactly("PAK GROUP", "PAK NAME");
        assertThat(mentions("2024-01-17", "Jaish al-Adl claimed the attack.")).isEmpty();
    }

    @Test
    void aGroupThatCameToGovernActsAsItsStateFromThatDay() {
        assertThat(mentions("2020-05-01", "The Taliban attacked a checkpoint.")).containsExactly("AFG GROUP");
        assertThat(mentions("2023-05-01", "The Taliban and Pakistan agreed to a truce."))
                .containsExactly("AFG NAME", "PAK NAME");
        assertThat(mentions("2023-05-01", "Hamas agreed to a truce.")).containsExactly("PSE NAME");
    }

    @Test
    void aBadPeopleLineIsNamedByFileAndLine() {
        String text = "# comment\nJane Roe\tRoe\tFRA FM 2026-01-01..\nJohn Doe\tDoe\tFRA FM 2026-13-01..\n";
        assertThatThrownBy(() -> PeopleFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "extra.tsv")).hasMessageContaining("extra.tsv:3").hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> PeopleFile.parse("Jane Roe\tRoe", "x.tsv:1"))
                .hasMessageContaining("x.tsv:1").hasMessageContaining("3 tab-separated columns");
        for (String bad : List.of("2026-1-01", "2026/01/01", "20260101", "2026-02-30", "2026-00", "26-01-01",
                "2026-01-0x")) {
            assertThatThrownBy(() -> PeopleFile.parse("Jane Roe\tRoe\tFRA FM " + bad + "..", "x.tsv:7"))
                    .as(bad).hasMessageContaining("x.tsv:7").hasMessageContaining("'" + bad + "' is not a date");
        }
        assertThatThrownBy(() -> PeopleFile.parse("Jane Roe\tRoe\tFR FM 2026-01-01..", "x.tsv:8"))
                .hasMessageContaining("x.tsv:8").hasMessageContaining("not CODE ROLE FROM..TO");
    }

    @Test
    void aMonthDateCoversTheMonthAndIsMarkedUncertain() {
        Person p = PeopleFile.parse("Jane Roe\tRoe\tFRA FM 2026-01..2026-02", "x.tsv:1");
        Term t = p.terms().get(0);
        assertThat(t.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(t.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(t.uncertain()).isTrue();
    }

    @Test
    void anAdminFileAddsPeopleAndGroups() {
        String yaml = "people:\n  - {names: [Jane Roe], short: [Roe], terms: [\"FRA FM 2026-01-01..\"]}\n"
                + "groups:\n  - {names: [Night Herons], where: [MLI]}\n";
        ActorCatalog extra = ActorCatalog.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "admin.yaml");
        MentionFinder f = new MentionFinder(ActorCatalog.loadDefault().merge(extra));
        List<String> got = f.find(SentenceSplitter.split("T", "Roe met the Night Herons in Bamako."),
                LocalDate.of(2026, 3, 1)).bySentence().stream().flatMap(List::stream)
                .map(m -> m.code() + " " + m.kind()).toList();
        assertThat(got).containsExactly("FRA PERSON", "MLI GROUP", "MLI CAPITAL");
    }

    @Test
    void aGroupNameThatIsAlsoACountryFormIsRefused() {
        String yaml = "groups:\n  - {names: [Pakistan], where: [PAK]}\n";
        ActorCatalog extra = ActorCatalog.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "admin.yaml");
        assertThatThrownBy(() -> ActorCatalog.loadDefault().merge(extra))
                .hasMessageContaining("groups ('Pakistan')").hasMessageContaining("PAK");
    }
    @Test
    void anAdjectiveBeforeAUseOfForceSaysWhoseNotWhere() {
        List<Mention> ms = raw("2024-04-02", "Two officers died in an Israeli air strike on the consulate.");
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("ISR");
            assertThat(m.isWhere()).isFalse();
        });
        assertThat(raw("2024-07-08", "A hospital was hit in Russian hypersonic missile attack."))
                .singleElement().satisfies(m -> assertThat(m.isWhere()).isFalse());
        // A place it stays: "in Pakistani territory", "in the Syrian capital".
        assertThat(raw("2024-01-17", "The drones fell in Pakistani territory.")).singleElement()
                .satisfies(m -> assertThat(m.isWhere()).isTrue());
    }

    @Test
    void aCountryAfterOneOfItsPlacesAndACommaIsWhere() {
        List<Mention> ms = raw("2024-10-23", "The leaders met in Kazan, Russia, and agreed to talk again.");
        assertThat(ms).extracting(Mention::code).containsExactly("RUS", "RUS");
        assertThat(ms).allSatisfy(m -> assertThat(m.isWhere()).isTrue());
        // A dateline: "Pyongyang, North Korea - Russia signed ...".
        assertThat(raw("2024-06-19", "Pyongyang, North Korea - Russia and North Korea signed a pact."))
                .extracting(m -> m.code() + (m.isWhere() ? " where" : ""))
                .containsExactly("PRK", "PRK where", "RUS", "PRK");
    }

    @Test
    void aStrikeAttributedToACountryHasItAsTheDoer() {
        List<Mention> ms = raw("2024-04-02", "Iran vowed to respond to an airstrike widely attributed to Israel.");
        assertThat(ms).extracting(m -> m.code() + (m.agent() ? " agent" : "") + (m.isWhere() ? " where" : ""))
                .containsExactly("IRN", "ISR agent");
    }

    @Test
    void theRedSeaIsNoSudaneseState() {
        assertThat(mentions("2024-01-12", "The Houthis target shipping in the Red Sea.")).containsExactly("YEM NAME");
    }
}
