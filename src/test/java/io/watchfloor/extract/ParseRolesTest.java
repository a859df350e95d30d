package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.extract.parse.SentenceParser;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who did what to whom, read from the dependency parse: the sentences are written for these tests, each for one way
 * real news words an event (or seems to and does not).
 */
class ParseRolesTest {
    private static final ActorCatalog CATALOG = ActorCatalog.loadDefault();
    private static final SignalExtractor PARSED = SignalExtractor.load(CATALOG, Path.of("rules", "lexicon"));
    private static final SignalExtractor WORD_ORDER =
            SignalExtractor.load(CATALOG, Path.of("rules", "lexicon"), SentenceParser.NONE);

    private static List<String> signals(String body) {
        return keys(PARSED, "Report", body);
    }

    private static List<String> keys(SignalExtractor extractor, String title, String body) {
        Article a = new Article("t.txt", title, body, LocalDate.of(2024, 3, 10), null, null);
        return extractor.extract(a).stream().map(ParseRolesTest::key).toList();
    }

    private static String key(Signal s) {
        return s.type() + " " + s.actor() + ">" + s.target() + (s.planned() ? " planned" : "");
    }

    @Test
    void theSubjectStrikesTheObjectWhateverTheWordOrder() {
        assertThat(signals("Jets from Turkey struck Kurdish fighters' positions inside northern Syria on Friday."))
                .contains("STRIKE TUR>SYR");
        assertThat(signals("Syrian positions were struck by Turkish jets on Friday."))
                .contains("STRIKE TUR>SYR").doesNotContain("STRIKE SYR>TUR");
    }

    @Test
    void aCountryNamedOnlyAsWhereTalksWereHeldIsNoParty() {
        assertThat(signals("Armenia and Azerbaijan held talks in Moscow on Friday."))
                .contains("TALKS ARM>AZE").noneMatch(s -> s.contains("RUS"));
    }

    @Test
    void theHostedAreTheVisitorsAndTheHostIsVisited() {
        assertThat(signals("Islamabad hosted Iran's foreign minister on Monday for talks on border security."))
                .contains("VISIT IRN>PAK");
    }

    @Test
    void threePartiesSigningGiveEveryPairAndNoCountryWithItself() {
        List<String> got = signals("Armenia, Azerbaijan and Russia signed an agreement on Tuesday to end the war.");
        assertThat(got).contains("AGREEMENT ARM>AZE", "AGREEMENT ARM>RUS", "AGREEMENT AZE>RUS")
                .noneMatch(s -> s.matches("\\w+ (\\w+)>\\1.*"));
    }

    @Test
    void eachOfSeveralStatesCuttingTiesWithOneIsADowngradeOfItsOwn() {
        assertThat(signals("Jordan, Egypt and Bahrain cut off relations with Qatar on Monday."))
                .contains("DIPLOMATIC_DOWNGRADE JOR>QAT", "DIPLOMATIC_DOWNGRADE EGY>QAT", "DIPLOMATIC_DOWNGRADE BHR>QAT")
                .noneMatch(s -> s.endsWith(">JOR") || s.endsWith(">EGY"));
    }

    @Test
    void refusedCancelledAndDeniedActsAreNoEvents() {
        assertThat(signals("India refused to hold talks with Pakistan on Monday.")).noneMatch(s -> s.startsWith("TALKS"));
        assertThat(signals("Japan called off the visit of its foreign minister to China on Monday."))
                .noneMatch(s -> s.startsWith("VISIT"));
        assertThat(signals("Iran denied that it had struck targets in Iraq on Monday."))
                .noneMatch(s -> s.startsWith("STRIKE"));
    }

    @Test
    void whatWouldHappenIfIsNoEventAndWhatWillHappenIsPlanned() {
        assertThat(signals("If Venezuela attacked, Guyana would strike back at targets in Venezuela."))
                .noneMatch(s -> s.startsWith("STRIKE"));
        assertThat(signals("China's foreign minister will visit India next week, the ministry said on Friday."))
                .contains("VISIT CHN>IND planned");
    }

    @Test
    void aWordInAnotherSenseIsNoEvent() {
        assertThat(signals("Japan and South Korea struck a deal on fishing rights on Monday."))
                .noneMatch(s -> s.startsWith("STRIKE"));
        assertThat(signals("Pakistan released a report on Monday accusing India of funding militants."))
                .noneMatch(s -> s.startsWith("RELEASE"));
        assertThat(signals("Pilgrims from Pakistan visited a shrine in India on Monday."))
                .noneMatch(s -> s.startsWith("VISIT"));
        assertThat(signals("Cambodia accused Thailand of moving troops near the ceasefire line on Monday."))
                .noneMatch(s -> s.startsWith("CEASEFIRE"));
    }

    @Test
    void theSameWordInItsOwnSenseIsAnEvent() {
        assertThat(signals("Pakistan released 20 Indian fishermen on Monday.")).contains("RELEASE PAK>IND");
    }

    @Test
    void whatWasSaidAboutAnotherActIsNotTheSpeakersAct() {
        assertThat(signals("Russia accused Ukraine of striking a fuel depot in Belgorod on Sunday."))
                .doesNotContain("STRIKE RUS>UKR");
    }

    @Test
    void aSwapOfPrisonersIsAReleaseByEachSide() {
        assertThat(signals("Russia and Ukraine exchanged 95 prisoners of war on Friday."))
                .contains("RELEASE RUS>UKR", "RELEASE UKR>RUS");
    }

    @Test
    void aDatelineIsWhereTheStoryWasFiledNotAParty() {
        List<String> got = keys(PARSED, "Envoy expelled",
                "ISLAMABAD: Pakistan on Wednesday expelled the Indian high commissioner.");
        assertThat(got).contains("DIPLOMATIC_DOWNGRADE PAK>IND");
        assertThat(keys(PARSED, "Protest", "KABUL -- Afghanistan on Friday summoned the Pakistani ambassador and "
                + "lodged a strong protest.")).contains("PROTEST AFG>PAK").doesNotContain("PROTEST PAK>AFG");
    }

    @Test
    void whatWasHitInSomeonesAttackIsTheTarget() {
        assertThat(keys(PARSED, "Kharkiv school hit in Russian missile attack", "The roof fell in."))
                .contains("STRIKE RUS>UKR").doesNotContain("STRIKE UKR>RUS");
        assertThat(signals("Syrian jets killed 12 Turkish soldiers in an attack on a border post on Monday."))
                .contains("STRIKE SYR>TUR");
    }

    @Test
    void whoseWeaponItWasIsTheDoer() {
        assertThat(signals("A Lebanese village was hit on Sunday by shells fired by the Israeli army."))
                .contains("STRIKE ISR>LBN").doesNotContain("STRIKE LBN>ISR");
        assertThat(signals("A Turkish border post was shelled on Monday by fire belonging to Syrian government forces."))
                .contains("STRIKE SYR>TUR");
    }

    @Test
    void bordersThatMeetHoldNoTalks() {
        assertThat(signals("The clash broke out near the point where the Thai, Cambodian and Lao borders meet, "
                + "officials said on Monday.")).noneMatch(s -> s.startsWith("TALKS"));
    }

    @Test
    void whoCameForTalksIsASide() {
        assertThat(signals("Venezuela's president landed in Kingstown on Thursday for talks with Guyana's president."))
                .contains("TALKS GUY>VEN", "VISIT VEN>VCT").noneMatch(s -> s.startsWith("TALKS") && s.contains("VCT"));
    }

    @Test
    void aRelativeClauseAboutTalksNeitherCarriesNorNegatesThem() {
        assertThat(signals("Iran and Saudi Arabia held four days of talks in Beijing that had not been announced in "
                + "advance.")).contains("TALKS IRN>SAU");
    }

    @Test
    void aStrikeNounWithOnlyItsStrikerNamedFallsOnTheOtherCountryOfTheArticle() {
        String body = "Pakistan closed its airspace to Indian airlines on Monday in retaliation for the recent Indian "
                + "strikes, officials said.\n\nIndia said its flights would be rerouted.";
        assertThat(keys(PARSED, "Pakistan closes airspace to Indian airlines", body)).contains("STRIKE IND>PAK");
    }

    @Test
    void theCountryOfWhoTellsOfAnAttackIsItsSourceNotWhereItHappened() {
        assertThat(signals("Chilean Foreign Minister Ana Torres said on Monday: \"We condemn this cowardly terrorist "
                + "attack.\"")).noneMatch(s -> s.startsWith("ATTACK"));
        assertThat(signals("Kenya's police said on Monday that gunmen attacked a bus in northern Kenya, killing four."))
                .contains("ATTACK null>KEN");
    }

    @Test
    void officialsOfBothCountriesAreTheArticlesPair() {
        String body = "Chile protested on Monday after a Peruvian patrol boat detained two Chilean trawlers.\n\n"
                + "Officials from both countries will hold talks on April 2 in Lima, the Chilean foreign ministry said.";
        assertThat(keys(PARSED, "Chile protests to Peru over seized trawlers", body))
                .contains("TALKS CHL>PER planned");
    }

    @Test
    void aSwapBetweenTwoNamedStatesIsAReleaseByEach() {
        assertThat(signals("Observers welcomed the prisoner swap between Serbia and Croatia on Tuesday."))
                .contains("RELEASE SRB>HRV", "RELEASE HRV>SRB");
    }

    @Test
    void whomAnAccuserNamesIsTheDoerOfTheAct() {
        assertThat(signals("Georgian officials blamed Russia on Saturday for the air strikes on the town of Gori in Georgia."))
                .contains("STRIKE RUS>GEO");
        // What the accuser does besides is the accuser's own act.
        assertThat(signals("Armenia accused Azerbaijan of spying on Monday and condemned the arrests of its citizens."))
                .noneMatch(s -> s.startsWith("PROTEST AZE"));
    }

    @Test
    void aStrikeThatIsHowSomeoneKilledIsTheKillersStrike() {
        assertThat(signals("Israel killed a senior commander of the group in a powerful airstrike in Beirut on Friday."))
                .contains("STRIKE ISR>LBN");
        // Whoever answers a strike did not carry it out.
        assertThat(signals("Iran vowed on Tuesday to respond to the airstrike on its embassy in Damascus."))
                .noneMatch(s -> s.startsWith("STRIKE IRN"));
        assertThat(signals("In a diplomatic offensive against Islamabad, India briefed envoys on Monday."))
                .noneMatch(s -> s.startsWith("STRIKE"));
    }

    @Test
    void aFightOfOneStatesTroopsInAnArticleAboutTwoStatesIsBetweenThem() {
        String pair = "Thailand and Cambodia traded accusations on Monday. Thailand said Cambodia had moved guns. ";
        assertThat(signals(pair + "A Thai soldier was wounded in a gunfight with Cambodian troops near the border on Sunday."))
                .contains("CLASH KHM>THA");
        // Police are no army: a gunfight of theirs is not one between states.
        String kosovo = "Kosovo and Serbia traded accusations on Monday. Kosovo said Serbia had armed the group. ";
        assertThat(signals(kosovo + "Two gunmen were killed in a gunfight with Kosovo police on Sunday."))
                .noneMatch(s -> s.startsWith("CLASH"));
    }

    @Test
    void aProtestWithNoAddresseeInAnArticleAboutTwoStatesIsToTheOther() {
        String pair = "Chinese rockets fell near Okinawa on Thursday. Japan said China had been warned. ";
        assertThat(signals(pair + "Japan lodged a formal protest through diplomatic channels on Thursday."))
                .contains("PROTEST JPN>CHN");
    }

    @Test
    void reopenedBordersTalksWithACounterpartAndLaunchedOperationsAreRead() {
        assertThat(signals("The leaders of Kenya and Somalia reopened crossing points on their shared border on Monday."))
                .contains("RESTORE_RELATIONS KEN>SOM");
        assertThat(signals("Peru's president spoke to her Chilean counterpart by video on Monday about the dispute."))
                .contains("TALKS CHL>PER");
        assertThat(signals("Azerbaijan launched a military operation against Armenian positions on Tuesday."))
                .contains("STRIKE AZE>ARM");
    }

    @Test
    void aProtestAgainstAnActIsAddressedToWhoeverDidIt() {
        assertThat(signals("Jordan condemned the Israeli strike on militants in Damascus on Monday."))
                .contains("PROTEST JOR>ISR").noneMatch(s -> s.startsWith("PROTEST JOR>SYR"));
        assertThat(signals("Armenia condemns arrest of shepherds by Azerbaijani soldiers near Tavush"))
                .contains("PROTEST ARM>AZE");
        // An act whose doer goes unnamed addresses the protest to no one, least of all to the country it hit.
        assertThat(signals("Egypt condemned the attack as a violation of Jordan's sovereignty on Monday."))
                .noneMatch(s -> s.startsWith("PROTEST"));
    }

    @Test
    void aMeetingToldAsWhenTheSidesActedWasBetweenThem() {
        assertThat(signals("The leaders of Kenya and Somalia agreed on Monday not to use force against each other, "
                + "after a meeting on the island of Zanzibar."))
                .contains("TALKS KEN>SOM", "PLEDGE KEN>SOM").noneMatch(s -> s.contains("TZA"));
        // One meeting told twice ("due to meet ... in talks") is one event, planned like the verb.
        assertThat(signals("The foreign ministers of Kenya and Somalia are due to meet in Nairobi next week, in talks "
                + "mediated by Djibouti.")).contains("TALKS KEN>SOM planned").doesNotContain("TALKS KEN>SOM");
    }

    @Test
    void daysLaterCountFromTheDayTheSentenceBeforeNames() {
        Article a = new Article("t.txt", "Report", "Tensions rose after Venezuela held a vote on December 3 on the "
                + "region. Two days later, Venezuela announced the deployment of troops near the border with Guyana.",
                LocalDate.of(2023, 12, 15), null, null);
        assertThat(PARSED.extract(a)).filteredOn(x -> x.type().name().equals("MOBILIZATION"))
                .extracting(Signal::eventDate).containsExactly(LocalDate.of(2023, 12, 5));
    }

    @Test
    void whoseWeaponsWereFiredIsTheDoerHoweverTheFiringIsTold() {
        assertThat(signals("Baku responded on Monday with a barrage of rockets fired at Armenian villages."))
                .contains("STRIKE AZE>ARM");
        assertThat(signals("Two schools in Armenia's Tavush province were hit on Monday by rockets fired by Azerbaijani "
                + "forces, officials said.")).contains("STRIKE AZE>ARM");
    }

    @Test
    void whatTheSidesOfAnArticleDoTogetherIsBetweenThem() {
        String pair = "Kenya and Somalia agreed a truce on Sunday. Kenya said Somalia had asked for it. ";
        assertThat(signals(pair + "The delegations will meet again in Nairobi on Friday to set up a monitoring mechanism."))
                .contains("TALKS KEN>SOM planned");
        // A truce told by one side's official, with no other country named, is the truce between the two.
        assertThat(signals(pair + "A ceasefire took hold on Monday evening, the secretary of Kenya's security council said."))
                .contains("CEASEFIRE KEN>SOM");
        // Not a truce that one of them made with someone else.
        String row = "Kenya and Somalia traded accusations on Sunday. Kenya said Somalia had armed the group. ";
        assertThat(signals(row + "The raids followed the collapse of a ceasefire announced by the Kenyan government "
                + "with armed groups in the north.")).noneMatch(s -> s.startsWith("CEASEFIRE"));
    }

    @Test
    void drillsAreTheirsWhoBeganThemNotTheirsWhoCalledThemIllegal() {
        assertThat(signals("China's military began two days of large-scale drills around Taiwan on Thursday."))
                .contains("MOBILIZATION CHN>TWN");
        assertThat(signals("Taiwan called the large-scale drills around the island illegitimate on Thursday."))
                .noneMatch(s -> s.startsWith("MOBILIZATION TWN"));
    }

    @Test
    void whoIsExpectedToVisitIsTheVisitor() {
        assertThat(signals("The Kenyan president is expected to visit Somalia on Saturday."))
                .contains("VISIT KEN>SOM planned");
    }

    @Test
    void heStandsForAPersonNotForAStateNamedAsASubjectBefore() {
        assertThat(signals("Prime Minister Narendra Modi said on Monday that India and Nepal must work together, as he "
                + "opened a summit with Chinese President Xi Jinping in New Delhi."))
                .contains("TALKS CHN>IND").noneMatch(s -> s.startsWith("TALKS CHN>NPL"));
    }

    @Test
    void aWarningOfACatastropheIsAForecastNotAThreat() {
        assertThat(signals("Egypt warned Israel of a humanitarian catastrophe in Gaza on Monday."))
                .noneMatch(s -> s.startsWith("THREAT"));
        assertThat(signals("Iran warned Israel of a crushing response on Monday.")).contains("THREAT IRN>ISR");
    }

    @Test
    void thePresssNamesForAStateNameIt() {
        assertThat(signals("The Hermit Kingdom launched three missiles at Japan on Sunday."))
                .contains("STRIKE PRK>JPN");
        assertThat(signals("On Sunday the Hermit Kingdom shelled two South Korean islands near the sea border."))
                .contains("STRIKE PRK>KOR");
    }

    @Test
    void whoeverIsEngagedInAnActDoesItAndAStatesForcesStrike() {
        assertThat(signals("Moroccan troops were engaged in heavy fighting with Algerian units near the border on Monday."))
                .contains("CLASH DZA>MAR");
        assertThat(signals("Ethiopian soldiers were engaged in a massacre of villagers in Eritrea on Monday."))
                .contains("STRIKE ETH>ERI").noneMatch(s -> s.contains("ERI>ETH") || s.startsWith("ATTACK"));
        assertThat(signals("A Kenyan army patrol was ambushed on Kenyan soil by Somali troops on Monday."))
                .contains("CLASH KEN>SOM").noneMatch(s -> s.startsWith("STRIKE") || s.startsWith("ATTACK"));
        assertThat(signals("Gunmen were engaged in a massacre of villagers in Eritrea on Monday."))
                .contains("ATTACK null>ERI");
    }

    @Test
    void anActUnderInvestigationIsTheSettingNotTheNews() {
        assertThat(signals("Kenya recalled its envoy on Monday, angered by an investigation into the massacre of "
                + "villagers in Somalia."))
                .noneMatch(s -> s.startsWith("ATTACK") || s.startsWith("STRIKE"));
        assertThat(signals("Gunmen massacred villagers in Somalia on Monday.")).contains("ATTACK null>SOM");
    }

    @Test
    void suspendingATreatyWithAStateDowngradesTheRelation() {
        assertThat(signals("Ethiopia announced the suspension of its water-sharing treaty with Sudan on Tuesday."))
                .contains("DIPLOMATIC_DOWNGRADE ETH>SDN");
        assertThat(signals("Ethiopia and Sudan signed a water-sharing treaty on Tuesday."))
                .noneMatch(s -> s.startsWith("DIPLOMATIC_DOWNGRADE"));
    }

    @Test
    void diplomaticContactsAreTalksAndNoContactsAreNone() {
        assertThat(signals("Seoul and Tokyo have kept up diplomatic contacts over the fishing dispute, officials said "
                + "on Monday.")).contains("TALKS JPN>KOR");
        assertThat(signals("North Korea has had no diplomatic contacts with the United States since March."))
                .noneMatch(s -> s.startsWith("TALKS"));
    }

    @Test
    void withdrawingAnAmbassadorIsADowngradeThreateningToIsNot() {
        assertThat(signals("Chad withdrew its ambassador from Sudan on Monday."))
                .contains("DIPLOMATIC_DOWNGRADE TCD>SDN");
        assertThat(signals("Chad threatened to withdraw its ambassador from Sudan on Monday."))
                .noneMatch(s -> s.startsWith("DIPLOMATIC_DOWNGRADE"));
    }

    @Test
    void aDesireTheWriterCallsLikelyIsNoPledge() {
        assertThat(signals("Turkey said its warships had left the waters claimed by Greece, signaling Turkey's likely "
                + "desire to de-escalate.")).noneMatch(s -> s.startsWith("PLEDGE"));
        assertThat(signals("Qatar expressed a desire to de-escalate with Bahrain on Monday."))
                .contains("PLEDGE QAT>BHR");
    }
}
