package io.watchfloor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The items of require/optional labels, matched as the outside corpora's score.py matches them. */
class LabelItemTest {
    @Test
    void directedItemsMatchInTheirOrderOnly() {
        LabelItem i = LabelItem.parse("STRIKE IND>PAK", "t");
        assertThat(i.matches(signal(SignalType.STRIKE, "IND", "PAK"))).isTrue();
        assertThat(i.matches(signal(SignalType.STRIKE, "PAK", "IND"))).isFalse();
        assertThat(i.matches(signal(SignalType.CLASH, "IND", "PAK"))).isFalse();
    }

    @Test
    void pairsWrittenWithADashOrOfUndirectedTypesMatchEitherWay() {
        assertThat(LabelItem.parse("STRIKE IND-PAK", "t").matches(signal(SignalType.STRIKE, "PAK", "IND"))).isTrue();
        assertThat(LabelItem.parse("CLASH PAK>IND", "t").matches(signal(SignalType.CLASH, "IND", "PAK"))).isTrue();
        assertThat(LabelItem.parse("PLEDGE GUY>VEN", "t").matches(signal(SignalType.PLEDGE, "VEN", "GUY"))).isTrue();
        assertThat(LabelItem.parse("CLASH PAK>IND", "t")).hasToString("CLASH PAK-IND");
    }

    @Test
    void wildcards() {
        assertThat(LabelItem.parse("ATTACK *", "t").matches(signal(SignalType.ATTACK, null, "IND"))).isTrue();
        assertThat(LabelItem.parse("* *", "t").matches(signal(SignalType.VISIT, "IRN", "PAK"))).isTrue();
        LabelItem anyType = LabelItem.parse("* IRN>PAK", "t");
        assertThat(anyType.matches(signal(SignalType.VISIT, "IRN", "PAK"))).isTrue();
        assertThat(anyType.matches(signal(SignalType.VISIT, "PAK", "IRN"))).isFalse();
        // a pair never matches an attack by nobody in particular
        assertThat(LabelItem.parse("ATTACK IND>PAK", "t").matches(signal(SignalType.ATTACK, null, "PAK"))).isFalse();
    }

    @Test
    void malformedItemsNameWhereTheyAre() {
        assertThatThrownBy(() -> LabelItem.parse("STRIKE India>PAK", "labels.yaml:3: a01: require[0]"))
                .hasMessageStartingWith("labels.yaml:3: a01: require[0]: 'STRIKE India>PAK' is not an item");
        assertThatThrownBy(() -> LabelItem.parse("SHELLING IND>PAK", "w"))
                .hasMessageContaining("'SHELLING' is not a signal type (one of STRIKE, CLASH,");
    }

    private static Signal signal(SignalType type, String actor, String target) {
        Article a = new Article("a.txt", "t", "b", LocalDate.of(2024, 1, 1), null, null);
        return new Signal(type, actor, target, LocalDate.of(2024, 1, 1), false, "s", a, 0.9);
    }
}
