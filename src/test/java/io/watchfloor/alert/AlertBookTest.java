package io.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertSpill;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A replay's alerts decided in memory: the same decisions as the store's, and bounded by writing out the rest. */
class AlertBookTest {
    private Database scratch;
    private Database stored;
    /** Decides through the store, as the daemon does: the reference. */
    private AlertCorrelator asking;

    @BeforeEach
    void open() {
        scratch = Database.inMemory("book-" + UUID.randomUUID());
        stored = Database.inMemory("book-ref-" + UUID.randomUUID());
        asking = new AlertCorrelator(new AlertStore(stored), 2);
    }

    @AfterEach
    void close() {
        scratch.close();
        stored.close();
    }

    private static Alert report(String pairDate, Severity severity, String article, String source, String target) {
        return report(pairDate, LocalDate.parse(pairDate).plusDays(1), severity, article, source, target);
    }

    /** A report of the strike on {@code pairDate}, published on {@code published}. */
    private static Alert report(String pairDate, LocalDate published, Severity severity, String article,
                                String source, String target) {
        LocalDate d = LocalDate.parse(pairDate);
        List<String> actors = List.of("IRN", target);
        Evidence e = new Evidence("Iran struck " + target + ", report of " + article + ".", article,
                "title " + article, article.hashCode() % 2 == 0 ? null : "https://news.example/" + article,
                published, source);
        return new Alert(AlertAssembler.id("strike-between-states", "STRIKE", actors, d), "strike-between-states",
                Category.ESCALATION, "STRIKE", severity, actors, d, "Iranian strike on " + target,
                "Iran struck " + target + ".", List.of(e), 1);
    }

    private static Alert report(String article, String source) {
        return report("2024-01-16", Severity.INFO, article, source, "PAK");
    }

    private void sameAsTheStore(AlertCorrelator book, Alert candidate, AlertChange.Kind expected) {
        AlertChange decided = book.apply(candidate);
        AlertChange reference = asking.apply(candidate);
        assertThat(decided.kind()).isEqualTo(expected).isEqualTo(reference.kind());
        assertThat(decided.alert()).isEqualTo(reference.alert());
    }

    @Test
    void aWarOfManyReportsIsDecidedAsTheStoreDecidesIt() {
        AlertCorrelator book = new AlertCorrelator(new AlertBook(new AlertSpill(scratch)), 2);
        sameAsTheStore(book, report("a0", "outlet-0"), AlertChange.Kind.NEW);
        for (int i = 1; i < 400; i++) {
            // 100 outlets: each of the first hundred reports is a new source, the rest more of the same
            sameAsTheStore(book, report("a" + i, "outlet-" + (i % 100)),
                    i < 100 ? AlertChange.Kind.UPDATED : AlertChange.Kind.REFINED);
        }
        // held: the first report and one of the latest; not held: a new article from a known and from a new outlet
        sameAsTheStore(book, report("a0", "outlet-0"), AlertChange.Kind.UNCHANGED);
        sameAsTheStore(book, report("a390", "outlet-90"), AlertChange.Kind.UNCHANGED);
        sameAsTheStore(book, report("a400", "outlet-3"), AlertChange.Kind.REFINED);
        sameAsTheStore(book, report("a401", "outlet-new"), AlertChange.Kind.UPDATED);
        // a held report at a higher severity; a report dated a day later is the same war; five days later is not
        sameAsTheStore(book, report("2024-01-16", Severity.CRITICAL, "a5", "outlet-5", "PAK"),
                AlertChange.Kind.UPDATED);
        sameAsTheStore(book, report("2024-01-17", Severity.INFO, "b1", "outlet-b", "PAK"), AlertChange.Kind.UPDATED);
        sameAsTheStore(book, report("2024-01-21", Severity.INFO, "c1", "outlet-c", "PAK"), AlertChange.Kind.NEW);
        // between the two, closer to the later one
        sameAsTheStore(book, report("2024-01-19", Severity.INFO, "d1", "outlet-d", "PAK"), AlertChange.Kind.UPDATED);
        AlertChange war = book.apply(report("a0", "outlet-0"));
        assertThat(war.alert().sources()).isEqualTo(102); // 100 outlets, outlet-new, outlet-b (d1 went to the 21st)
        assertThat(war.alert().articles()).hasSize(AlertStore.FIRST_SHOWN + AlertStore.LATEST_SHOWN)
                .startsWith("a0", "a1", "a2", "a3", "a4").endsWith("a401", "b1");
        assertThat(scratch.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ALERT_EVIDENCE'"
                + " AND (SELECT COUNT(*) FROM alert_evidence) > 0", "count")).isZero();
    }

    /** The candidate of {@code whole}, counting the times it is made whole. */
    private static AlertCandidate counted(Alert whole, int[] made) {
        return new AlertCandidate(whole.rule(), whole.type(), whole.severity(), whole.actors(), whole.eventDate(),
                whole.evidence(), () -> {
                    made[0]++;
                    return whole;
                });
    }

    @Test
    void candidatesAreDecidedAsTheirAlertsAreAndMadeWholeOnlyWhenNew() {
        AlertCorrelator book = new AlertCorrelator(new AlertBook(new AlertSpill(scratch)), 2);
        int[] made = {0};
        List<AlertChange.Kind> kinds = new ArrayList<>();
        List<Alert> reports = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // a war's reports, some told twice, some at a higher severity, and a second war five days later
            String date = i % 10 == 9 ? "2024-01-21" : "2024-01-16";
            Severity severity = i == 30 ? Severity.CRITICAL : Severity.INFO;
            reports.add(report(date, severity, "a" + (i % 45), "outlet-" + (i % 7), "PAK"));
        }
        for (Alert r : reports) {
            List<AlertChange> decided = book.decideAll(List.of(counted(r, made)));
            AlertChange reference = asking.apply(r);
            assertThat(decided).hasSize(1);
            assertThat(decided.get(0).kind()).isEqualTo(reference.kind());
            assertThat(decided.get(0).alert()).isEqualTo(reference.alert());
            kinds.add(reference.kind());
        }
        // two wars: made whole twice, for their first reports; every other report merged, changing something or not
        assertThat(made[0]).isEqualTo(2);
        assertThat(kinds.stream().filter(k -> k == AlertChange.Kind.NEW)).hasSize(2);
        assertThat(kinds).contains(AlertChange.Kind.UPDATED, AlertChange.Kind.REFINED, AlertChange.Kind.UNCHANGED);
    }

    @Test
    void alertsBeyondItsBudgetAreWrittenOutAndReadBackWhole() {
        AlertBook small = new AlertBook(new AlertSpill(scratch), 2, 10_000, AlertBook.DAYS_KEPT);
        AlertCorrelator book = new AlertCorrelator(small, 2);
        List<String> targets = List.of("PAK", "IRQ", "SYR", "ISR", "AFG");
        List<Alert> candidates = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // five wars reported in turn: room for two, so each is written out and read back again and again
            for (String t : targets) {
                candidates.add(report("2024-01-16", i == 40 ? Severity.WARNING : Severity.INFO, t + "-a" + i,
                        "outlet-" + (i % 25), t));
            }
        }
        for (Alert c : candidates.subList(0, targets.size())) {
            sameAsTheStore(book, c, AlertChange.Kind.NEW);
        }
        for (Alert c : candidates.subList(targets.size(), candidates.size())) {
            AlertChange decided = book.apply(c);
            AlertChange reference = asking.apply(c);
            assertThat(decided).isEqualTo(reference);
        }
        // every report again, in the same order: each war holds it already
        for (Alert c : candidates) {
            sameAsTheStore(book, c, AlertChange.Kind.UNCHANGED);
        }
        assertThat(scratch.count("SELECT COUNT(*) FROM replay_alert_spill", "count")).isEqualTo(5);
        assertThat(small.count()).isEqualTo(5);
        assertThat(small.spillCounts()).doesNotStartWith("0 ").doesNotEndWith(" 0 read back");
    }

    @Test
    void oldEventDatesLeaveMemoryAndAreStillFoundWhenAnOldEventIsReportedLate() {
        AlertBook book = new AlertBook(new AlertSpill(scratch), AlertBook.MAX_ALERTS, AlertBook.MAX_KEYS, 20);
        AlertCorrelator correlator = new AlertCorrelator(book, 2);
        LocalDate first = LocalDate.parse("2024-01-01");
        for (int day = 0; day < 300; day += 3) {
            // a strike every third day for 300 days, each reported twice
            String date = first.plusDays(day).toString();
            sameAsTheStore(correlator, report(date, Severity.INFO, "s" + day, "outlet-a", "PAK"), AlertChange.Kind.NEW);
            sameAsTheStore(correlator, report(date, Severity.INFO, "t" + day, "outlet-b", "PAK"),
                    AlertChange.Kind.UPDATED);
        }
        assertThat(book.count()).isEqualTo(100);
        assertThat(book.situationsInMemory()).isLessThan(30); // 20 days of news and a month's margin
        // Reports, late, of events long out of memory: a day after one (the same alert), and of one never reported
        LocalDate today = first.plusDays(300);
        sameAsTheStore(correlator, report(first.plusDays(31).toString(), today, Severity.INFO, "late1", "outlet-c",
                "PAK"), AlertChange.Kind.UPDATED);
        sameAsTheStore(correlator, report(first.plusDays(35).toString(), today, Severity.INFO, "late2", "outlet-c",
                "IRQ"), AlertChange.Kind.NEW);
        sameAsTheStore(correlator, report(first.plusDays(36).toString(), today, Severity.INFO, "late3", "outlet-d",
                "IRQ"), AlertChange.Kind.UPDATED);
        assertThat(book.count()).isEqualTo(101);
    }

    @Test
    void aBookedAlertReadsBackAsItWasWritten() {
        String longSummary = "Iran struck Pakistan. ".repeat(4_000); // past the 64 KB of writeUTF
        Evidence plain = new Evidence("Pakistan struck back — « représailles ».", "a1", "Frappe", null,
                LocalDate.parse("2024-01-18"), "outlet-a", true);
        Alert a = new Alert("0123456789abcdef", "tit-for-tat", Category.ESCALATION, "RETALIATION", Severity.CRITICAL,
                List.of("PAK", "IRN"), LocalDate.parse("2024-01-18"), "Pakistan strikes Iran", longSummary,
                List.of(plain), 1);
        BookedAlert b = BookedAlert.recorded(a);
        Evidence more = new Evidence("More.", "a2", "Title", "https://x.example/2", LocalDate.parse("2024-01-19"),
                "outlet-b", false);
        b.add(List.of(more), Severity.CRITICAL, 1);

        BookedAlert back = BookedAlertCodec.decode(BookedAlertCodec.encode(b));
        assertThat(back.shown()).isEqualTo(b.shown());
        assertThat(back.held()).isEqualTo(2);
        assertThat(back.holds(plain)).isTrue();
        assertThat(back.holds(more)).isTrue();
        assertThat(back.holdsSource("outlet-b")).isTrue();
        assertThat(back.keys()).isEqualTo(b.keys());
    }

    @Test
    void aFailedWriteOutEndsTheDecisionsRatherThanLosingAlerts() {
        AlertCorrelator book = new AlertCorrelator(new AlertBook(new AlertSpill(scratch), 1, 10_000, AlertBook.DAYS_KEPT), 2);
        book.apply(report("2024-01-16", Severity.INFO, "a1", "outlet-a", "PAK"));
        // A spill the store refuses to write (here: a table of that name that cannot take the states)
        scratch.inTransaction("spoil", c -> c.createStatement().execute(
                "CREATE TABLE replay_alert_spill (id VARCHAR(40) PRIMARY KEY, state INT NOT NULL)"));
        assertThatThrownBy(() -> book.applyAll(List.of(report("2024-01-16", Severity.INFO, "b1", "outlet-b", "IRQ"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("spill");
        assertThatThrownBy(() -> book.apply(report("a2", "outlet-b")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed earlier");
    }
}
