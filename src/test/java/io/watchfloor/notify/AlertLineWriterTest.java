package io.watchfloor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLineWriterTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 16);

    private static Evidence report(int n) {
        // Quotes, a backslash, non-ASCII (one outside the BMP) and a control char: what escaping must get right.
        return new Evidence("Report " + n + ": \"Iran\u2019s\" strike \\ near Panjgur \u2014 tab\there \uD83D\uDCA5",
                "a" + n + ".txt",
                "Digest " + n, n % 3 == 0 ? null : "https://example.org/" + n, DAY.plusDays(n % 5), "src" + n % 4,
                n % 7 == 0);
    }

    private static Alert alertWith(List<Evidence> evidence) {
        return new Alert("7eb2c983780ed024", "strike-between-states", Category.ESCALATION, "STRIKE",
                Severity.CRITICAL, List.of("IRN", "PAK"), DAY, "Iranian strike on Pakistan",
                "Iran struck Pakistan on 2024-01-16.", evidence, evidence.size());
    }

    @Test
    void aGrowingAlertsLinesAreTheBytesOfTheOneOffLines() throws Exception {
        AlertLineWriter writer = new AlertLineWriter();
        List<Evidence> shown = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            shown.add(report(n));
            if (shown.size() > 25) {
                shown.remove(5); // the first five and the latest twenty, as an alert shows them
            }
            Alert a = alertWith(shown);
            String line = writer.line(a);
            assertEquals(JsonLines.alert(a), line);
            assertEquals(jackson(a), line);
            JsonNode parsed = new ObjectMapper().readTree(line);
            assertEquals(shown.size(), parsed.get("evidence").size());
            assertEquals(shown.get(shown.size() - 1).sentence(),
                    parsed.get("evidence").get(shown.size() - 1).get("sentence").asText());
        }
    }

    @Test
    void everyCharIsEscapedAsJacksonEscapesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("\u00e9\u2028\u2029\uFEFF\uD83D"); // a lone surrogate at the end
        Evidence odd = new Evidence(all.toString(), "odd\\name \"1\".txt", all.reverse().toString(), null, DAY, null);
        Alert a = new Alert("id\n", "rule\t", Category.DEESCALATION, "TALKS", Severity.INFO, List.of("IRN"), DAY,
                "title \u0001", "a backslash alone: C:\\watch", List.of(odd, report(7)), 2);
        assertEquals(jackson(a), JsonLines.alert(a));
        assertEquals(jackson(a), new AlertLineWriter().line(a));
    }

    /** The line as Jackson writes the same fields in the same order. */
    private static String jackson(Alert a) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "alert");
        line.put("id", a.id());
        line.put("rule", a.rule());
        line.put("category", a.category().name());
        line.put("type", a.type());
        line.put("severity", a.severity().name());
        line.put("actors", a.actors());
        line.put("eventDate", a.eventDate().toString());
        line.put("sources", a.sources());
        line.put("title", a.title());
        line.put("articles", a.articles());
        line.put("summary", a.summary());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Evidence e : a.evidence()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sentence", e.sentence());
            m.put("article", e.articleId());
            m.put("title", e.articleTitle());
            m.put("link", e.link());
            m.put("published", e.published().toString());
            if (e.datedAtFetch()) {
                m.put("datedAtFetch", true);
            }
            evidence.add(m);
        }
        line.put("evidence", evidence);
        return new ObjectMapper().writeValueAsString(line);
    }

    @Test
    void itRemembersABoundedNumberOfReports() {
        AlertLineWriter writer = new AlertLineWriter();
        int many = 3 * AlertLineWriter.GENERATION + 500;
        for (int n = 0; n < many; n++) {
            Alert a = alertWith(List.of(report(n)));
            assertEquals(JsonLines.alert(a), writer.line(a));
        }
        assertTrue(writer.remembered() <= 2 * AlertLineWriter.GENERATION, "remembers " + writer.remembered());
        // A report forgotten long ago, and an equal report that is another object, are written again, the same.
        Alert first = alertWith(List.of(report(0), report(many - 1)));
        assertEquals(JsonLines.alert(first), writer.line(first));
        assertTrue(writer.remembered() <= 2 * AlertLineWriter.GENERATION);
    }
}
