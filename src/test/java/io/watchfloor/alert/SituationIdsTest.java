package io.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SituationIdsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 16);

    @Test
    void aRememberedIdIsTheIdOfItsSituation() {
        SituationIds ids = new SituationIds();
        for (int round = 0; round < 2; round++) {
            for (int d = 0; d < 50; d++) {
                assertThat(ids.of("tit-for-tat", "RETALIATION", List.of("IRN", "PAK"), DAY.plusDays(d)))
                        .isEqualTo(AlertAssembler.id("tit-for-tat", "RETALIATION", List.of("IRN", "PAK"),
                                DAY.plusDays(d)));
            }
        }
        // Each part of the situation tells situations apart.
        assertThat(ids.of("tit-for-tat", "RETALIATION", List.of("PAK", "IRN"), DAY))
                .isNotEqualTo(ids.of("tit-for-tat", "RETALIATION", List.of("IRN", "PAK"), DAY));
        assertThat(ids.of("strike-between-states", "STRIKE", List.of("IRN", "PAK"), DAY))
                .isNotEqualTo(ids.of("strike-between-states", "CLASH", List.of("IRN", "PAK"), DAY));
    }

    @Test
    void itHoldsABoundedNumberOfSituations() {
        SituationIds ids = new SituationIds();
        for (int d = 0; d < SituationIds.HELD + 1_000; d++) {
            String id = ids.of("strike-between-states", "STRIKE", List.of("IRN", "PAK"), DAY.plusDays(d));
            assertThat(ids.size()).isLessThanOrEqualTo(SituationIds.HELD);
            if (d % 9_973 == 0) {
                assertThat(id).isEqualTo(AlertAssembler.id("strike-between-states", "STRIKE", List.of("IRN", "PAK"),
                        DAY.plusDays(d)));
            }
        }
    }
}
