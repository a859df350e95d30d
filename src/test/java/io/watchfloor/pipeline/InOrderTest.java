package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
    @Test
    void resultsComeInInputOrderWhateverTheWorkersFinishFirst() {
        List<Integer> out = new ArrayList<>();
        try (InOrder workers = new InOrder(4, 16)) {
            workers.run(IntStream.range(0, 500).boxed().iterator(), i -> {
                sleepMicros(ThreadLocalRandom.current().nextInt(200));
                return i * 2;
            }, out::add);
        }
        assertThat(out).hasSize(500);
        assertThat(out).isSortedAccordingTo(Integer::compare).startsWith(0, 2, 4).endsWith(998);
    }

    @Test
    void neverHoldsMoreThanItsWindowInFlight() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger handed = new AtomicInteger();
        AtomicInteger widest = new AtomicInteger();
        try (InOrder workers = new InOrder(2, 8)) {
            InOrder.Feed<Integer, Integer> feed = workers.feed(i -> {
                started.incrementAndGet();
                return i;
            }, i -> handed.incrementAndGet());
            for (int i = 0; i < 200; i++) {
                feed.accept(i);
                widest.accumulateAndGet(i + 1 - handed.get(), Math::max);
            }
            feed.finish();
        }
        assertThat(handed.get()).isEqualTo(200);
        assertThat(widest.get()).isLessThanOrEqualTo(8);
    }

    @Test
    void aFailingStepStopsTheRunWithItsError() {
        try (InOrder workers = new InOrder(2, 4)) {
            assertThatThrownBy(() -> workers.run(List.of(1, 2, 3).iterator(), i -> {
                if (i == 2) {
                    throw new IllegalArgumentException("bad article 2");
                }
                return i;
            }, i -> { })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad article 2");
        }
    }

    @Test
    void inBatchesKeepsOrderAndTheWindow() {
        List<Integer> out = new ArrayList<>();
        AtomicInteger widest = new AtomicInteger();
        try (InOrder workers = new InOrder(3, 40, 7)) {
            InOrder.Feed<Integer, Integer> feed = workers.feed(i -> {
                sleepMicros(ThreadLocalRandom.current().nextInt(100));
                return -i;
            }, out::add);
            for (int i = 0; i < 1000; i++) {
                feed.accept(i);
                widest.accumulateAndGet(i + 1 - out.size(), Math::max);
            }
            feed.finish();
        }
        assertThat(out).hasSize(1000).startsWith(0, -1, -2).endsWith(-999);
        assertThat(out).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(widest.get()).isLessThanOrEqualTo(40);
    }

    @Test
    void theResultsBeforeAFailureInABatchAreHandedOnFirst() {
        List<Integer> out = new ArrayList<>();
        try (InOrder workers = new InOrder(2, 64, 16)) {
            assertThatThrownBy(() -> workers.run(IntStream.range(0, 100).boxed().iterator(), i -> {
                if (i == 37) {
                    throw new IllegalArgumentException("bad article 37");
                }
                return i;
            }, out::add)).hasMessage("bad article 37");
        }
        assertThat(out).isEqualTo(IntStream.range(0, 37).boxed().toList());
    }

    private static void sleepMicros(int micros) {
        try {
            Thread.sleep(0, micros * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
