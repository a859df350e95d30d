package io.watchfloor.extract;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorCatalogTest {

    /** ISO 3166-1 alpha-3 codes of the 193 UN member states. */
    private static final List<String> UN_MEMBERS = List.of((""
            + "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN "
            + "BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD "
            + "CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN "
            + "FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ "
            + "IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE "
            + "LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR "
            + "NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT "
            + "QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM "
            + "ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV "
            + "UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE").split(" "));

    private static final ActorCatalog CATALOG = ActorCatalog.loadDefault();

    private static ActorCatalog parse(String yaml, String source) {
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return ActorCatalog.load(in, source);
    }

    private static ActorForm form(String text) {
        return CATALOG.forms().stream().filter(f -> f.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no form '" + text + "'"));
    }

    // ---------------------------------------------------------------- coverage

    @Test
    void unMemberListInThisTestIsItselfComplete() {
        assertThat(UN_MEMBERS).hasSize(193).doesNotHaveDuplicates();
    }

    @Test
    void everyUnMemberAndTheFiveExtraActorsArePresent() {
        Set<String> codes = CATALOG.countries().stream().map(Country::code).collect(Collectors.toSet());
        assertThat(CATALOG.countries()).hasSizeGreaterThanOrEqualTo(197);
        assertThat(codes).containsAll(UN_MEMBERS);
        assertThat(codes).contains("TWN", "XKX", "PSE", "ESH", "VAT");
    }

    @Test
    void loadDefaultIsLoadedOnce() {
        assertThat(ActorCatalog.loadDefault()).isSameAs(CATALOG);
    }

    // ---------------------------------------------------------------- consistency

    @Test
    void codesAreUniqueAndThreeUpperCaseLetters() {
        List<String> codes = CATALOG.countries().stream().map(Country::code).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z]{3}"));
    }

    @Test
    void noFormBelongsToTwoCountries() {
        Map<String, Set<String>> codesByForm = new HashMap<>();
        for (Country c : CATALOG.countries()) {
            for (List<String> l : List.of(c.names(), c.adjectives(), c.capitals(), c.places(),
                    c.organizations())) {
                for (String f : l) {
                    codesByForm.computeIfAbsent(f, k -> new HashSet<>()).add(c.code());
                }
            }
        }
        Map<String, Set<String>> clashes = codesByForm.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(clashes).isEmpty();
        // forms() lists each surface form once.
        assertThat(CATALOG.forms().stream().map(ActorForm::text).toList()).doesNotHaveDuplicates();
        assertThat(CATALOG.forms()).hasSize(codesByForm.size());
    }

    @Test
    void disputedAndAmbiguousFormsAreNotCountryForms() {
        Set<String> forms = CATALOG.forms().stream().map(ActorForm::text).collect(Collectors.toSet());
        assertThat(CATALOG.disputed()).extracting(DisputedPlace::name).doesNotHaveDuplicates().noneMatch(forms::contains);
        assertThat(CATALOG.ambiguous()).extracting(AmbiguousForm::form).doesNotHaveDuplicates().noneMatch(forms::contains);
    }

    @Test
    void claimantsAndCandidatesAreKnownCodes() {
        Set<String> codes = CATALOG.countries().stream().map(Country::code).collect(Collectors.toSet());
        for (DisputedPlace d : CATALOG.disputed()) {
            assertThat(d.claimants()).as(d.name()).hasSizeGreaterThanOrEqualTo(2).isSubsetOf(codes);
            assertThat(d.note()).as(d.name()).isNotBlank();
        }
        for (AmbiguousForm a : CATALOG.ambiguous()) {
            assertThat(a.candidates()).as(a.form()).isSubsetOf(codes);
        }
    }

    @Test
    void everyCountryHasANameAnAdjectiveAndACapital() {
        // Only these share their sole demonym with another country ("Congolese", "Dominican"),
        // which therefore lives under ambiguous (DR Congo has its own older one: "Zairean").
        Set<String> sharedDemonym = Set.of("COG", "DOM", "DMA");
        Set<String> ambiguousCandidates = CATALOG.ambiguous().stream()
                .flatMap(a -> a.candidates().stream()).collect(Collectors.toSet());
        for (Country c : CATALOG.countries()) {
            assertThat(c.name()).as(c.code()).isNotBlank().isNotEqualTo(c.code());
            assertThat(c.names()).as(c.code() + " names").isNotEmpty().contains(c.name());
            assertThat(c.capitals()).as(c.code() + " capitals").isNotEmpty();
            if (sharedDemonym.contains(c.code())) {
                assertThat(ambiguousCandidates).as(c.code()).contains(c.code());
            } else {
                assertThat(c.adjectives()).as(c.code() + " adjectives").isNotEmpty();
            }
        }
        assertThat(CATALOG.countries().stream().filter(c -> c.adjectives().isEmpty()).map(Country::code))
                .containsExactlyInAnyOrderElementsOf(sharedDemonym);
    }

    @Test
    void formsAreTrimmedAndNonBlank() {
        assertThat(CATALOG.forms()).allSatisfy(f -> {
            assertThat(f.text()).isNotBlank().isEqualTo(f.text().strip());
            assertThat(f.text()).doesNotContain("  ");
        });
    }

    // ---------------------------------------------------------------- lookups a user would try

    @Test
    void specificFormsResolve() {
        assertThat(form("Tehran")).isEqualTo(new ActorForm("Tehran", "IRN", FormKind.CAPITAL));
        assertThat(form("Islamabad")).isEqualTo(new ActorForm("Islamabad", "PAK", FormKind.CAPITAL));
        assertThat(form("New Delhi")).isEqualTo(new ActorForm("New Delhi", "IND", FormKind.CAPITAL));
        assertThat(form("the Islamic Republic")).isEqualTo(new ActorForm("the Islamic Republic", "IRN", FormKind.NAME));
        assertThat(form("Pakistani")).isEqualTo(new ActorForm("Pakistani", "PAK", FormKind.ADJECTIVE));
        assertThat(form("the Kremlin").code()).isEqualTo("RUS");
        assertThat(form("Kremlin").code()).isEqualTo("RUS");
        assertThat(form("Balochistan")).isEqualTo(new ActorForm("Balochistan", "PAK", FormKind.PLACE));
        assertThat(form("Sistan-Baluchestan")).isEqualTo(new ActorForm("Sistan-Baluchestan", "IRN", FormKind.PLACE));
        assertThat(form("Ladakh")).isEqualTo(new ActorForm("Ladakh", "IND", FormKind.PLACE));
    }

    @Test
    void moreFormsFromTheNews() {
        assertThat(form("the White House").code()).isEqualTo("USA");
        assertThat(form("U.S.").code()).isEqualTo("USA");
        assertThat(form("Downing Street").code()).isEqualTo("GBR");
        assertThat(form("Britons").code()).isEqualTo("GBR");
        assertThat(form("the DPRK").code()).isEqualTo("PRK");
        assertThat(form("Republic of Korea").code()).isEqualTo("KOR");
        assertThat(form("Kyiv").code()).isEqualTo("UKR");
        assertThat(form("Kiev").code()).isEqualTo("UKR");
        assertThat(form("Jerusalem").code()).isEqualTo("ISR");
        assertThat(form("Ramallah").code()).isEqualTo("PSE");
        assertThat(form("Gaza").code()).isEqualTo("PSE");
        assertThat(form("West Bank").code()).isEqualTo("PSE");
        assertThat(form("Türkiye").code()).isEqualTo("TUR");
        assertThat(form("Burma").code()).isEqualTo("MMR");
        assertThat(form("Côte d'Ivoire").code()).isEqualTo("CIV");
        assertThat(form("Cote d'Ivoire").code()).isEqualTo("CIV");
        assertThat(form("DRC").code()).isEqualTo("COD");
        assertThat(form("Congo-Brazzaville").code()).isEqualTo("COG");
        assertThat(form("Taipei").code()).isEqualTo("TWN");
        assertThat(form("Pristina").code()).isEqualTo("XKX");
        assertThat(form("Nagorno-Karabakh").code()).isEqualTo("AZE");
        assertThat(form("Transnistria").code()).isEqualTo("MDA");
        assertThat(form("Abkhazia").code()).isEqualTo("GEO");
        assertThat(form("Muzaffarabad").code()).isEqualTo("PAK");
        assertThat(form("Pahalgam").code()).isEqualTo("IND");
        assertThat(form("Panjgur").code()).isEqualTo("PAK");
        assertThat(form("Donetsk").code()).isEqualTo("UKR");
        assertThat(form("Belgorod").code()).isEqualTo("RUS");
    }

    @Test
    void caseMatters() {
        Set<String> forms = CATALOG.forms().stream().map(ActorForm::text).collect(Collectors.toSet());
        assertThat(forms).contains("Turkey", "China", "Chad", "Jordan").doesNotContain("turkey", "china", "chad", "jordan");
    }

    @Test
    void byCodeAndDisplayName() {
        assertThat(CATALOG.byCode("IRN")).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Iran"));
        assertThat(CATALOG.byCode("XXX")).isEmpty();
        assertThat(CATALOG.byCode(null)).isEmpty();
        assertThat(CATALOG.displayName("IRN")).isEqualTo("Iran");
        assertThat(CATALOG.displayName("XXX")).isEqualTo("XXX");
    }

    @Test
    void disputedAndAmbiguousEntries() {
        assertThat(CATALOG.disputed()).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("Kashmir");
            assertThat(d.claimants()).contains("IND", "PAK");
        });
        assertThat(CATALOG.disputed()).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("Crimea");
            assertThat(d.claimants()).containsExactlyInAnyOrder("RUS", "UKR");
        });
        assertThat(CATALOG.ambiguous()).anySatisfy(a -> {
            assertThat(a.form()).isEqualTo("Punjab");
            assertThat(a.candidates()).containsExactlyInAnyOrder("IND", "PAK");
        });
        assertThat(CATALOG.ambiguous()).anySatisfy(a -> {
            assertThat(a.form()).isEqualTo("Congo");
            assertThat(a.candidates()).containsExactlyInAnyOrder("COD", "COG");
        });
    }

    @Test
    void returnedListsAreImmutable() {
        assertThatThrownBy(() -> CATALOG.countries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.forms().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.countries().get(0).places().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------- broken files

    @Test
    void badCodeNamesSourceAndEntry() {
        String yaml = """
                countries:
                  - code: IRN
                    name: Iran
                  - code: IR
                    name: Iran again
                """;
        assertThatThrownBy(() -> parse(yaml, "actors.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actors.yaml: countries[1] (code 'IR'): code must be 3 upper-case letters");
    }

    @Test
    void unknownKeyNamesSourceEntryAndKey() {
        String yaml = """
                countries:
                  - code: IRN
                    name: Iran
                    capital: [Tehran]
                """;
        assertThatThrownBy(() -> parse(yaml, "extra.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extra.yaml: countries[0] (code 'IRN'): unknown key 'capital'");
        assertThatThrownBy(() -> parse("countrys: []\n", "extra.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extra.yaml: top level: unknown key 'countrys'");
        assertThatThrownBy(() -> parse("disputed:\n  - name: X\n    claimants: [IND, PAK]\n    notes: y\n", "extra.yaml"))
                .hasMessageStartingWith("extra.yaml: disputed[0] (name 'X'): unknown key 'notes'");
    }

    @Test
    void otherBrokenEntries() {
        assertThatThrownBy(() -> parse("countries:\n  - code: IRN\n  - code: IRN\n", "a.yaml"))
                .hasMessage("a.yaml: countries[1] (code 'IRN'): code already used by countries[0]");
        assertThatThrownBy(() -> parse("countries:\n  - name: Iran\n", "a.yaml"))
                .hasMessage("a.yaml: countries[0] (code ''): missing key 'code'");
        assertThatThrownBy(() -> parse("countries:\n  - code: NOR\n    names: [Norway, No]\n", "a.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.yaml: countries[0] (code 'NOR'): names[1] must be a string");
        assertThatThrownBy(() -> parse("countries:\n  - code: IRN\n    places: [' Natanz']\n", "a.yaml"))
                .hasMessageContaining("a.yaml: countries[0] (code 'IRN'): places[0]");
        assertThatThrownBy(() -> parse("countries: [\n", "a.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.yaml: not valid YAML");
        assertThatThrownBy(() -> parse("disputed:\n  - name: Kashmir\n    claimants: [IND]\n", "a.yaml"))
                .hasMessage("a.yaml: disputed[0] (name 'Kashmir'): claimants must list at least two codes");
    }

    @Test
    void formClashInOneFileNamesBothCodes() {
        String yaml = """
                countries:
                  - code: IND
                    name: India
                    places: [Punjab]
                  - code: PAK
                    name: Pakistan
                    places: [Punjab]
                """;
        assertThatThrownBy(() -> parse(yaml, "actors.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("actors.yaml: form 'Punjab' is listed for both IND and PAK");
    }

    @Test
    void ambiguousFormMayNotAlsoBeACountryForm() {
        String yaml = """
                countries:
                  - code: IND
                    name: India
                    places: [Punjab]
                ambiguous:
                  - {form: Punjab, candidates: [IND, PAK]}
                """;
        assertThatThrownBy(() -> parse(yaml, "actors.yaml"))
                .hasMessageStartingWith("actors.yaml: ambiguous (form 'Punjab'): also listed as a place of IND");
    }

    // ---------------------------------------------------------------- merge

    @Test
    void mergeAddsFormsToExistingCodesAndNewCodes() {
        ActorCatalog extra = parse("""
                countries:
                  - code: IRN
                    places: [Jask County]
                  - code: XSO
                    name: Somewhere
                    names: [Somewhereland]
                    capitals: [Nowhere City]
                disputed:
                  - name: Nowhere Island
                    claimants: [XSO, IRN]
                    note: test
                """, "extra.yaml");
        ActorCatalog merged = CATALOG.merge(extra);

        assertThat(merged.countries()).hasSize(CATALOG.countries().size() + 1);
        assertThat(merged.displayName("IRN")).isEqualTo("Iran");
        assertThat(merged.byCode("IRN").orElseThrow().places()).contains("Natanz", "Jask County");
        assertThat(merged.displayName("XSO")).isEqualTo("Somewhere");
        assertThat(merged.forms()).contains(new ActorForm("Jask County", "IRN", FormKind.PLACE),
                new ActorForm("Nowhere City", "XSO", FormKind.CAPITAL));
        assertThat(merged.disputed()).hasSize(CATALOG.disputed().size() + 1);
        // the default catalog itself is unchanged
        assertThat(CATALOG.byCode("IRN").orElseThrow().places()).doesNotContain("Jask County");
    }

    @Test
    void mergeClashNamesBothCodesAndSources() {
        ActorCatalog extra = parse("""
                countries:
                  - code: PAK
                    places: [Tehran]
                """, "extra.yaml");
        assertThatThrownBy(() -> CATALOG.merge(extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra.yaml")
                .hasMessageContaining("actors.yaml")
                .hasMessageContaining("'Tehran'")
                .hasMessageContaining("IRN")
                .hasMessageContaining("PAK");
    }

    @Test
    void emptyExtensionFileIsFine() {
        assertThat(CATALOG.merge(parse("", "empty.yaml")).forms()).hasSameSizeAs(CATALOG.forms());
    }
}
