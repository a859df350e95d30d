package io.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corroboration against a real (in-memory H2) store. */
class AlertCorrelatorTest {
    private Database db;
    private AlertCorrelator correlator;

    @BeforeEach
    void open() {
        db = Database.inMemory("corr-" + UUID.randomUUID());
        correlator = new AlertCorrelator(new AlertStore(db), 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Alert alert(String date, Severity severity, String article, String source) {
        LocalDate d = LocalDate.parse(date);
        Evidence e = new Evidence("Iran struck Pakistan.", article, "title " + article, null,
                LocalDate.parse("2024-01-29"), source);
        return new Alert(AlertAssembler.id("strike-between-states", "STRIKE", List.of("IRN", "PAK"), d),
                "strike-between-states", Category.ESCALATION, "STRIKE", severity, List.of("IRN", "PAK"), d,
                "Iranian strike on Pakistan", "Iran struck Pakistan.", List.of(e), 1);
    }

    @Test
    void secondSourceWithinTheWindowUpdatesTheSameAlert() {
        AlertChange first = correlator.apply(alert("2024-01-16", Severity.INFO, "a1", "outlet-a"));
        AlertChange second = correlator.apply(alert("2024-01-17", Severity.INFO, "a2", "outlet-b"));
        assertThat(first.kind()).isEqualTo(AlertChange.Kind.NEW);
        assertThat(second.kind()).isEqualTo(AlertChange.Kind.UPDATED);
        assertThat(second.alert().id()).isEqualTo(first.alert().id());
        assertThat(second.alert().eventDate()).isEqualTo(LocalDate.parse("2024-01-16"));
        assertThat(second.alert().sources()).isEqualTo(2);
        assertThat(second.alert().articles()).containsExactly("a1", "a2");
        assertThat(new AlertStore(db).count()).isEqualTo(1);
    }

    @Test
    void sameOutletTwiceIsOneSourceAndNotAnnounced() {
        correlator.apply(alert("2024-01-16", Severity.INFO, "a1", "outlet-a"));
        AlertChange again = correlator.apply(alert("2024-01-16", Severity.INFO, "a2", "outlet-a"));
        assertThat(again.kind()).isEqualTo(AlertChange.Kind.REFINED);
        assertThat(again.newsworthy()).isFalse();
        assertThat(again.alert().sources()).isEqualTo(1);
    }

    @Test
    void theSameEvidenceAgainChangesNothing() {
        correlator.apply(alert("2024-01-16", Severity.INFO, "a1", "outlet-a"));
        assertThat(correlator.apply(alert("2024-01-16", Severity.INFO, "a1", "outlet-a")).kind())
                .isEqualTo(AlertChange.Kind.UNCHANGED);
    }

    @Test
    void higherSeverityIsNews() {
        correlator.apply(alert("2024-01-16", Severity.INFO, "a1", "outlet-a"));
        AlertChange up = correlator.apply(alert("2024-01-16", Severity.CRITICAL, "a2", "outlet-a"));
        assertThat(up.kind()).isEqualTo(AlertChange.Kind.UPDATED);
        assertThat(up.alert().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void eventsFurtherApartAreSeparateSituations() {
        AlertChange a = correlator.apply(alert("2024-01-16", Severity.INFO, "a1", "outlet-a"));
        AlertChange b = correlator.apply(alert("2024-01-20", Severity.INFO, "a2", "outlet-b"));
        assertThat(b.kind()).isEqualTo(AlertChange.Kind.NEW);
        assertThat(b.alert().id()).isNotEqualTo(a.alert().id());
    }

    @Test
    void idsAreStableAcrossRunsAndDifferPerSituation() {
        LocalDate d = LocalDate.parse("2024-01-18");
        assertThat(AlertAssembler.id("tit-for-tat", "RETALIATION", List.of("IRN", "PAK"), d))
                .isEqualTo(AlertAssembler.id("tit-for-tat", "RETALIATION", List.of("IRN", "PAK"), d))
                .isNotEqualTo(AlertAssembler.id("tit-for-tat", "RETALIATION", List.of("PAK", "IRN"), d))
                .hasSize(16);
    }

    @Test
    void aLongSituationCountsEverySourceAndShowsItsFirstAndLatestReports() {
        for (int i = 0; i < 300; i++) {
            // 300 articles from 100 outlets, each outlet three times
            correlator.apply(alert("2024-01-16", Severity.INFO, "a" + i, "outlet-" + (i % 100)));
        }
        AlertChange last = correlator.apply(alert("2024-01-17", Severity.WARNING, "a300", "outlet-new"));
        assertThat(last.kind()).isEqualTo(AlertChange.Kind.UPDATED);
        assertThat(last.alert().sources()).isEqualTo(101);
        assertThat(last.alert().severity()).isEqualTo(Severity.WARNING);
        List<String> shown = last.alert().articles();
        assertThat(shown).hasSize(AlertStore.FIRST_SHOWN + AlertStore.LATEST_SHOWN);
        assertThat(shown).startsWith("a0", "a1", "a2", "a3", "a4").endsWith("a299", "a300");
        assertThat(new AlertStore(db).find(last.alert().id()).orElseThrow()).isEqualTo(last.alert());
        assertThat(db.count("SELECT COUNT(*) FROM alert_evidence", "count")).isEqualTo(301);
    }

    /** One report of the IRN-PAK strike of 2024-01-16 (article {@code article}). */
    private static Alert report(String article, String source) {
        return alert("2024-01-16", Severity.INFO, article, source);
    }

}
