package io.watchfloor.evaluate.petrarch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.evaluate.RequireLabel;
import io.watchfloor.evaluate.Requirement;
import io.watchfloor.model.Article;
import io.watchfloor.model.SignalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter on records written for the project in the format of PETRARCH-2's unit-test records. */
class PetrarchSetTest {
    private static final Path RECORDS = Path.of("src/test/resources/evaluate/petrarch/records.xml");
    private static PetrarchSet set;
    private static Map<String, RequireLabel> labels;

    @BeforeAll
    static void convert() {
        set = PetrarchSet.read(RECORDS);
        labels = set.labels().stream().collect(Collectors.toMap(RequireLabel::key, Function.identity()));
    }

    @Test
    void readsEveryRecordWithItsDateTextAndCodings() {
        List<PetrarchRecord> records = PetrarchReader.read(RECORDS);
        assertThat(records).hasSize(14);
        PetrarchRecord first = records.get(0);
        assertThat(first.id()).isEqualTo("REAL-01");
        assertThat(first.date()).isEqualTo(LocalDate.of(2024, 1, 16));
        assertThat(first.text()).isEqualTo("Iran struck targets in Pakistan on Tuesday.");
        assertThat(first.codings()).containsExactly(new PetrarchRecord.Coding("IRNMIL", "PAK", "195", false, null));
        assertThat(records.get(10).noEvents()).isTrue();
        assertThat(records.get(13).date()).isEqualTo(LocalDate.of(2024, 1, 18));
    }

    @Test
    void countsWhatBecameOfEachRecord() {
        assertThat(set.counts()).containsEntry(PetrarchSet.Outcome.EVENTS, 6)
                .containsEntry(PetrarchSet.Outcome.TRAP_NO_EVENT, 1)
                .containsEntry(PetrarchSet.Outcome.TRAP_DOMESTIC, 1)
                .containsEntry(PetrarchSet.Outcome.SKIPPED_NOT_STATES, 3)
                .containsEntry(PetrarchSet.Outcome.SKIPPED_UNMAPPED, 2)
                .containsEntry(PetrarchSet.Outcome.SKIPPED_TESTS, 1);
        assertThat(set.unmapped()).containsExactly(Map.entry("032", 1), Map.entry("100", 1));
        assertThat(set.otherSense()).containsExactly("032");
        assertThat(set.describe()).contains(RECORDS + ": 14 records, 8 kept (6 required events), 6 skipped",
                "     6 kept with events between real states",
                "     2 skipped: events between real states with codes outside our types (codes: 032 x1, 100 x1)",
                "       of which codes the records use in another sense than CAMEO's: 032 x1");
    }

    @Test
    void eachKeptRecordIsAnArticleDatedByTheRecord() {
        Article a = set.articles().get(0);
        assertThat(a.body()).isEqualTo("Iran struck targets in Pakistan on Tuesday.");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 1, 16));
        assertThat(set.nameOf(a.id())).isEqualTo("REAL-01");
        assertThat(set.articles()).extracting(x -> set.nameOf(x.id())).containsExactly("REAL-01", "HOST-01", "FIGHT-01",
                "KUW-01", "PAIR-01", "NONE-01", "DOMESTIC-01", "REAL-01#2");
    }

    @Test
    void eventsBecomeRequirementsOfOurTypes() {
        assertThat(required("REAL-01")).containsExactly("STRIKE IRN>PAK");
        assertThat(required("REAL-01#2")).containsExactly("STRIKE PAK>IRN");
        // hosting: the target visits the source
        assertThat(required("HOST-01")).containsExactly("VISIT IRN>PAK");
        // 190 is a strike or a clash
        assertThat(required("FIGHT-01")).containsExactly("STRIKE IND>PAK | CLASH IND-PAK");
        assertThat(required("KUW-01")).containsExactly("PROTEST KWT>IRQ");
        // one agreement, written both ways; the code no type covers is allowed for the pair, either way
        assertThat(required("PAIR-01")).containsExactly("AGREEMENT FRA-PHL");
        assertThat(labels.get("PAIR-01").optional()).extracting(Object::toString).containsExactly("* FRA-PHL");
    }

    @Test
    void recordsWithNoEventOrOnlyDomesticOnesAreTraps() {
        assertThat(labels.get("NONE-01").trap()).isTrue();
        assertThat(labels.get("DOMESTIC-01").trap()).isTrue();
        assertThat(labels).doesNotContainKeys("FICT-01", "ERI-01", "IGO-01", "UNMAPPED-01", "NOTCAMEO-01",
                "ERROR-01");
    }

    @Test
    void codesTurnIntoStatesAndTypes() {
        PetrarchCodes codes = PetrarchCodes.load();
        assertThat(codes.state("USAGOV")).contains("USA");
        assertThat(codes.state("NZE")).contains("NZL");
        assertThat(codes.state("ERI")).isEmpty();
        assertThat(codes.state("FRO")).isEmpty();
        assertThat(codes.state("GON")).isEmpty();
        assertThat(codes.state("---GOV")).isEmpty();
        assertThat(codes.state("IGOEEU")).isEmpty();
        assertThat(codes.types("0871")).containsExactly(SignalType.CEASEFIRE);
        assertThat(codes.types("057")).containsExactly(SignalType.AGREEMENT);
        assertThat(codes.types("054")).containsExactly(SignalType.RESTORE_RELATIONS);
        assertThat(codes.types("190")).containsExactly(SignalType.STRIKE, SignalType.CLASH);
        assertThat(codes.types("138")).containsExactly(SignalType.THREAT);
        assertThat(codes.types("1831")).containsExactly(SignalType.ATTACK);
        assertThat(codes.types("036")).containsExactly(SignalType.PLEDGE);
        assertThat(codes.types("032")).isEmpty();
        assertThat(codes.types("064")).isEmpty();
        assertThat(codes.types("196")).isEmpty();
    }

    @Test
    void aDoctypeIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("records.xml");
        Files.writeString(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE Validation [<!ENTITY x \"boom\">]>\n"
                + "<Validation><Sentences></Sentences></Validation>\n");
        assertThatThrownBy(() -> PetrarchReader.read(f)).hasMessageContaining(f + ":2: a DOCTYPE is not accepted");
    }

    @Test
    void brokenRecordsAreNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("records.xml");
        Files.writeString(f, "<Validation>\n<Sentences>\n<Sentence date=\"1995-01-01\" id=\"D-1\">\n"
                + "<Text>x</Text></Sentence>\n</Sentences></Validation>\n");
        assertThatThrownBy(() -> PetrarchReader.read(f))
                .hasMessageContaining(f + ":3: D-1: date '1995-01-01' is not YYYYMMDD");
        Files.writeString(f, "<Validation>\n<Sentences>\n<Sentence date=\"19950101\" id=\"D-1\">\n"
                + "<Text>x</Sentence>\n</Sentences></Validation>\n");
        assertThatThrownBy(() -> PetrarchReader.read(f)).hasMessageContaining(f + ":4: not well-formed XML");
    }

    private static List<String> required(String key) {
        return labels.get(key).require().stream().map(Requirement::toString).toList();
    }
}
