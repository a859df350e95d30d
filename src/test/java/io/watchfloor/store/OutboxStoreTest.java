package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promises at the level of the store, on H2 (and on PostgreSQL from {@link PostgresStoreTest}): a
 * message claimed while an alert is being queued for its group is frozen without it, and the alert starts the next
 * message; a node that restarts releases its own claims, and only those.
 */
class OutboxStoreTest {
    static final Instant NOW = Instant.parse("2024-01-29T08:00:00Z");

    @Test
    void anAlertQueuedWhileItsGroupsMessageIsBeingClaimedStartsTheNextMessage() throws Exception {
        try (Database db = Database.inMemory("claim-" + UUID.randomUUID())) {
            queuedDuringAClaimStartsTheNextMessage(db);
        }
    }

    @Test
    void aRestartedNodeReleasesItsOwnClaimsAtOnceAndNoOtherNodes() {
        try (Database db = Database.inMemory("release-" + UUID.randomUUID())) {
            restartReleasesOnlyOwnClaims(db);
        }
    }

    static void queuedDuringAClaimStartsTheNextMessage(Database db) throws Exception {
        AlertStore alerts = new AlertStore(db);
        alerts.save(alert("a1"));
        alerts.save(alert("a2"));
        OutboxStore outbox = new OutboxStore(db);
        assertThat(outbox.queueAlert("duty@example.org", "IRN-PAK", "a1", NOW, NOW, told -> true)).isTrue();
        CountDownLatch freezing = new CountDownLatch(1);
        CountDownLatch queueing = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The claim holds the message while it renders; meanwhile a2 is queued for the same recipient and pair.
            Future<Optional<OutboxStore.Claimed>> claim = pool.submit(() -> outbox.claimNext("node-a", NOW,
                    NOW.plusSeconds(300), (m, ids) -> {
                        freezing.countDown();
                        await(queueing);
                        sleep(300); // the queueing transaction is now waiting for the message's lock
                        return Optional.of(frozen(ids));
                    }));
            freezing.await(10, TimeUnit.SECONDS);
            Future<Boolean> queue = pool.submit(() -> {
                queueing.countDown();
                return outbox.queueAlert("duty@example.org", "IRN-PAK", "a2", NOW, NOW, told -> true);
            });
            OutboxStore.Claimed first = claim.get(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(queue.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.frozen().carried()).extracting(OutboxStore.Carried::alertId).containsExactly("a1");
            outbox.markSent(first, NOW);

            OutboxStore.Claimed next = outbox.claimNext("node-a", NOW, NOW.plusSeconds(300),
                    (m, ids) -> Optional.of(frozen(ids))).orElseThrow();
            assertThat(next.frozen().carried()).extracting(OutboxStore.Carried::alertId).containsExactly("a2");
            assertThat(next.message().messageId()).isNotEqualTo(first.message().messageId());
        } finally {
            pool.shutdownNow();
        }
    }

    static void restartReleasesOnlyOwnClaims(Database db) {
        OutboxStore outbox = new OutboxStore(db);
        outbox.enqueueDigest("a@example.org", "2024-01-29T07:00:00Z", NOW);
        outbox.enqueueDigest("b@example.org", "2024-01-29T07:00:00Z", NOW);
        OutboxStore.Freezer freezer = (m, ids) -> Optional.of(new OutboxStore.Frozen(
                ("Message-ID: " + m.messageId() + "\r\n\r\ndigest").getBytes(StandardCharsets.US_ASCII), "digest",
                List.of()));
        Instant lease = NOW.plusSeconds(300);
        OutboxStore.Claimed byA = outbox.claimNext("node-a", NOW, lease, freezer).orElseThrow();
        OutboxStore.Claimed byB = outbox.claimNext("node-b", NOW, lease, freezer).orElseThrow();
        assertThat(outbox.claimNext("node-c", NOW, lease, freezer)).as("both held for their lease").isEmpty();

        // node-a died sending and starts again: its message is due at once, with its Message-ID and content.
        assertThat(outbox.releaseClaims("node-a", NOW)).isEqualTo(1);
        OutboxStore.Claimed again = outbox.claimNext("node-a", NOW, lease, (m, ids) -> {
            throw new AssertionError("frozen already");
        }).orElseThrow();
        assertThat(again.message()).isEqualTo(byA.message());
        assertThat(again.frozen().content()).isEqualTo(byA.frozen().content());
        assertThat(outbox.claimNext("node-c", NOW, lease, freezer)).as("node-b's claim stands").isEmpty();
        assertThat(byB.message().recipient()).isEqualTo("b@example.org");
    }

    private static OutboxStore.Frozen frozen(List<String> ids) {
        return new OutboxStore.Frozen("content".getBytes(StandardCharsets.US_ASCII), "subject",
                ids.stream().map(id -> new OutboxStore.Carried(id, "CRITICAL", 1)).toList());
    }

    private static Alert alert(String id) {
        return new Alert(id, "tit-for-tat", Category.ESCALATION, "RETALIATION", Severity.CRITICAL,
                List.of("IRN", "PAK"), LocalDate.parse("2024-01-18"), "title " + id, "summary",
                List.of(new Evidence("sentence " + id, "article-" + id, "title", null, LocalDate.parse("2024-01-18"),
                        "wire")), 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
