package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pair reads the same way (alphabetical) in subjects, bodies and the log, whoever struck whom. */
class PairOrderTest {
    private static Alert alert(String actor, String target) {
        return new Alert("id-" + actor, "strike-between-states", Category.ESCALATION, "STRIKE", Severity.CRITICAL,
                List.of(actor, target), LocalDate.parse("2024-01-18"), "Pakistani strike on Iran", "s", List.of(), 1);
    }

    @Test
    void bothDirectionsOfAPairReadIrnPak() {
        MessageRenderer renderer = new MessageRenderer(Path.of("config/templates"));
        for (Alert a : List.of(alert("PAK", "IRN"), alert("IRN", "PAK"))) {
            Map<String, Object> model = new java.util.HashMap<>(AlertViews.alert(a, false, List.of()));
            model.put("alerts", List.of(model));
            model.put("updateTag", "");
            assertThat(renderer.render("alert", model, Map.of()).subject())
                    .isEqualTo("[CRITICAL] ESCALATION IRN-PAK: Pakistani strike on Iran");
            assertThat(LogNotifier.line(new AlertChange(a, AlertChange.Kind.NEW)))
                    .startsWith("[CRITICAL] ESCALATION IRN-PAK: Pakistani strike on Iran");
        }
    }
}
