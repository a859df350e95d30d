package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.model.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month of articles about six pairs of countries (strikes, same-day retaliation, recalled ambassadors, clashes,
 * threats, ceasefires, talks, released prisoners, agreements; reports from four outlets, some days late, some a day
 * off on the date) dropped into a watched folder one at a time in shuffled orders give the alerts they give all at
 * once in publication order: the same situations, each with the same reports and the same highest severity. What may
 * differ is what the README says: an alert's date (the first report to arrive dates it, and reports of one event may
 * disagree by a day or two), and the reports a spiral cites.
 */
class ShuffledArrivalTest {
    private static final String[][] PAIRS = {
        {"Iran", "Iranian", "Pakistan", "Pakistani"},
        {"India", "Indian", "Pakistan", "Pakistani"},
        {"Israel", "Israeli", "Lebanon", "Lebanese"},
        {"Armenia", "Armenian", "Azerbaijan", "Azerbaijani"},
        {"Thailand", "Thai", "Cambodia", "Cambodian"},
        {"Russia", "Russian", "Ukraine", "Ukrainian"}};
    /** {A} and {B} name the countries, {a} and {b} their adjectives, {d} the date ("March 5"). */
    private static final String[] EVENTS = {
        "{A} launched missile strikes on targets inside {B} on {d}, officials said.",
        "{a} forces shelled border villages in {B} on {d}.",
        "Hours after {a} missiles hit {B} on {d}, {B} retaliated with air strikes inside {A}.",
        "{A} recalled its ambassador from {B} on {d}.",
        "{a} and {b} troops clashed along the border on {d}.",
        "{A} warned {B} of severe consequences on {d}.",
        "{A} and {B} agreed to a ceasefire on {d}.",
        "The foreign ministers of {A} and {B} held talks on {d}.",
        "{A} released {b} soldiers on {d}.",
        "{A} and {B} signed an agreement on border trade on {d}."};
    private static final String[] OUTLETS = {"wire-a", "wire-b", "daily-c", "radio-d"};

    private static final WatchfloorConfig CFG = WatchfloorConfig.defaults();
    private static ArrivalOrders runs;

    @BeforeAll
    static void rules() {
        runs = new ArrivalOrders(CFG, Pipelines.compileRules(CFG));
    }

    /** Each pair's month of events, then articles that each tell one to three of them. */
    private static void write(Path dir, int articles, long seed) throws Exception {
        Random rnd = new Random(seed);
        LocalDate start = LocalDate.parse("2024-03-01");
        List<List<String[]>> timelines = new ArrayList<>();
        for (String[] ignored : PAIRS) {
            List<String[]> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                boolean turn = rnd.nextBoolean();
                events.add(new String[] {EVENTS[rnd.nextInt(EVENTS.length)], Integer.toString(rnd.nextInt(30)),
                        Boolean.toString(turn)});
            }
            timelines.add(events);
        }
        for (int n = 0; n < articles; n++) {
            int p = rnd.nextInt(PAIRS.length);
            List<String> sentences = new ArrayList<>();
            LocalDate latest = start;
            for (int k = 0, told = 1 + rnd.nextInt(3); k < told; k++) {
                String[] e = timelines.get(p).get(rnd.nextInt(10));
                // One report in five gets the date a day off, as reports of one event often do.
                LocalDate day = start.plusDays(Integer.parseInt(e[1]) + (rnd.nextInt(5) == 0 ? 1 : 0));
                latest = day.isAfter(latest) ? day : latest;
                String[] c = Boolean.parseBoolean(e[2]) ? new String[] {PAIRS[p][2], PAIRS[p][3], PAIRS[p][0],
                    PAIRS[p][1]} : PAIRS[p];
                sentences.add(e[0].replace("{A}", c[0]).replace("{a}", c[1]).replace("{B}", c[2])
                        .replace("{b}", c[3]).replace("{d}", day.getMonth().getDisplayName(TextStyle.FULL,
                                Locale.ENGLISH) + " " + day.getDayOfMonth()));
            }
            // Most reports come within a day or two; some a week later (background, not news).
            LocalDate published = latest.plusDays(rnd.nextInt(10) < 8 ? rnd.nextInt(3) : 4 + rnd.nextInt(6));
            String name = String.format("a%03d.txt", n);
            Files.writeString(dir.resolve(name), PAIRS[p][0] + " and " + PAIRS[p][2] + ": report " + n + "\n\n"
                    + String.join(" ", sentences) + "\n\nPublished: " + published + "\n");
            Files.writeString(dir.resolve(name + ".meta.yaml"), "source: " + OUTLETS[rnd.nextInt(OUTLETS.length)]
                    + "\n");
        }
    }

    @Test
    void theSameArticlesGiveTheSameSituationsReportsAndSeveritiesInAnyOrder(@TempDir Path dir) throws Exception {
        Path articles = Files.createDirectory(dir.resolve("articles"));
        write(articles, 150, 42);
        List<Path> files = ArrivalOrders.articles(List.of(articles));
        assertThat(files).hasSize(150);
        List<Alert> reference = runs.atOnce(files, dir);
        assertThat(reference).hasSizeGreaterThan(40);
        assertThat(reference).extracting(Alert::rule).contains("tit-for-tat", "escalation-spiral",
                "deescalation-after-escalation", "ceasefire", "diplomatic-downgrade", "strike-between-states");
        int corroborationDays = CFG.rules().corroborationDays();
        for (long seed = 1; seed <= 3; seed++) {
            List<Alert> other = runs.oneByOne(ArrivalOrders.shuffled(files, seed), dir);
            ArrivalOrders.Comparison c = ArrivalOrders.compare(reference, other, corroborationDays);
            System.out.println("shuffled order " + seed + ": " + c.summary());
            assertThat(c.lost()).as("situations lost in order " + seed).isEmpty();
            assertThat(c.found()).as("situations only in order " + seed).isEmpty();
            assertThat(c.familiesDiffering()).as("situations with other reports or severity, order " + seed)
                    .allMatch(f -> f.startsWith("escalation-spiral "));
            assertThat(c.severitiesDiffering()).as("situations with another highest severity, order " + seed).isEmpty();
        }
    }
}
