package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's promise: replaying the seed articles finds the strikes, the retaliation and the visit. */
class ReplaySeedsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CliRunner result;
    private static List<JsonNode> lines;

    @BeforeAll
    static void replay() throws Exception {
        result = CliRunner.run("replay", "seeds", "--format", "jsonl");
        lines = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
    }

    @Test
    void printsOnlyJsonObjectsOfTheContract() {
        assertThat(result.exit()).isZero();
        assertThat(lines).isNotEmpty().allSatisfy(n -> {
            assertThat(n.isObject()).isTrue();
            assertThat(n.path("kind").asText()).isIn("signal", "alert");
        });
        assertThat(signals()).allSatisfy(n -> assertThat(fieldNames(n)).containsSubsequence(
                "kind", "type", "actor", "target", "eventDate", "article", "published", "confidence", "evidence"));
        assertThat(alerts()).allSatisfy(n -> assertThat(fieldNames(n)).containsSubsequence(
                "kind", "id", "rule", "category", "type", "severity", "actors", "eventDate", "sources", "title",
                "articles"));
    }

    @Test
    void findsBothStrikesWithTheirDates() {
        assertThat(signals()).anySatisfy(n -> {
            assertThat(signal(n)).startsWith("STRIKE IRN>PAK ");
            assertThat(n.path("eventDate").asText()).isIn("2024-01-16", "2024-01-17");
            assertThat(n.path("evidence").asText()).isNotBlank();
        });
        assertThat(signals()).extracting(ReplaySeedsTest::signal).contains("STRIKE PAK>IRN 2024-01-18");
    }

    @Test
    void findsTheVisitAndTheTalks() {
        assertThat(signals()).extracting(ReplaySeedsTest::signal)
                .contains("VISIT IRN>PAK 2024-01-29", "TALKS IRN>PAK 2024-01-29");
    }

    @Test
    void signalsOfEachArticleComeBeforeTheAlertsTheyCaused() {
        String article = null;
        boolean alertSeen = false;
        for (JsonNode n : lines) {
            if (n.path("kind").asText().equals("signal")) {
                if (!n.path("article").asText().equals(article)) {
                    article = n.path("article").asText();
                    alertSeen = false;
                }
                assertThat(alertSeen).as("signal after an alert of the same article: %s", n).isFalse();
            } else {
                alertSeen = true;
            }
        }
    }

    @Test
    void raisesOneTitForTatAlertCountingBothArticles() {
        List<JsonNode> tft = alerts().stream().filter(n -> n.path("rule").asText().equals("tit-for-tat")).toList();
        assertThat(tft).isNotEmpty();
        assertThat(tft).extracting(n -> n.path("id").asText()).as("one situation, one id").containsOnly(
                tft.get(0).path("id").asText());
        JsonNode last = tft.get(tft.size() - 1);
        // Both seeds were published eleven days after the answer: background, like the strikes themselves.
        assertThat(last.path("severity").asText()).isEqualTo("INFO");
        assertThat(last.path("category").asText()).isEqualTo("ESCALATION");
        assertThat(last.path("type").asText()).isEqualTo("RETALIATION");
        assertThat(texts(last.path("actors"))).containsExactly("IRN", "PAK");
        assertThat(last.path("eventDate").asText()).isEqualTo("2024-01-18");
        assertThat(last.path("sources").asInt()).isEqualTo(2);
        assertThat(texts(last.path("articles"))).containsExactlyInAnyOrder(
                "seeds/000_89c3de90ed6096f9.txt", "seeds/002_333d6fb679bd7709.txt");
        assertThat(last.path("title").asText()).contains("Pakistan").contains("Iran");
    }

    @Test
    void raisesADeescalationAlertForTheVisitCountingBothArticles() {
        List<JsonNode> visit = alerts().stream().filter(n -> n.path("rule").asText()
                .equals("deescalation-after-escalation") && n.path("type").asText().equals("VISIT")).toList();
        assertThat(visit).isNotEmpty();
        JsonNode last = visit.get(visit.size() - 1);
        assertThat(last.path("severity").asText()).isEqualTo("WARNING");
        assertThat(texts(last.path("actors"))).containsExactly("IRN", "PAK");
        assertThat(last.path("sources").asInt()).isEqualTo(2);
    }

    @Test
    void textFormatIsReadable() {
        CliRunner text = CliRunner.run("replay", "seeds");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("== seeds/000_89c3de90ed6096f9.txt (2024-01-29)")
                .contains("signal STRIKE").contains("ALERT").contains("tit-for-tat");
    }

    private static List<JsonNode> signals() {
        return lines.stream().filter(n -> n.path("kind").asText().equals("signal")).toList();
    }

    private static List<JsonNode> alerts() {
        return lines.stream().filter(n -> n.path("kind").asText().equals("alert")).toList();
    }

    private static String signal(JsonNode n) {
        return n.path("type").asText() + " " + n.path("actor").asText() + ">" + n.path("target").asText() + " "
                + n.path("eventDate").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
