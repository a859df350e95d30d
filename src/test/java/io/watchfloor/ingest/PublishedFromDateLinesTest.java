package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dating a file from its date lines alone gives the date the whole parse gives, or leaves it to the parse. */
class PublishedFromDateLinesTest {
    private static final LocalDate MODIFIED = LocalDate.of(2024, 2, 10);
    private static final String OPEN = "officials on both sides of the border said the talks would go on";
    private static final String CLOSED = "The ministers are expected to meet again in the capital next week.";

    private final ArticleParser parser = new ArticleParser();

    private LocalDate parsed(String text) {
        return parser.parse("a.txt", text, MODIFIED, ArticleMeta.NONE).article().map(Article::published).orElse(null);
    }

    private static LocalDate quick(String text) {
        return ArticleParser.publishedFromDateLines(text, MODIFIED);
    }

    @Test
    void theFirstPublishedLineWinsOverAnUpdatedOneAndTheFileDate() {
        String text = "Talks resume\n\nUpdated: March 3, 2024\nPublished: 2 March 2024\nPosted: 2024-03-01\n\n"
                + CLOSED + "\n";
        assertThat(quick(text)).isEqualTo(LocalDate.of(2024, 3, 2)).isEqualTo(parsed(text));
    }

    @Test
    void anUpdatedLineAloneIsTheDateAndNoDateLineIsTheFileDate() {
        String updated = "Talks resume\n\nLast updated on: 2024-03-03 10:15 UTC\n\n" + CLOSED + "\n";
        assertThat(quick(updated)).isEqualTo(LocalDate.of(2024, 3, 3)).isEqualTo(parsed(updated));
        String none = "Talks resume\n\nNote: the talks went on.\n\n" + CLOSED + "\n";
        assertThat(quick(none)).isEqualTo(MODIFIED).isEqualTo(parsed(none));
    }

    @Test
    void lineEndsByteOrderMarksAndNoBreakSpacesAreReadAsTheParseReadsThem() {
        String text = "\uFEFFTalks resume\r\n\r\n  PUBLISHED\u00A0ON :\u00A0 Jan\t29,  2024 \r" + CLOSED + "\r\n";
        assertThat(quick(text)).isEqualTo(LocalDate.of(2024, 1, 29)).isEqualTo(parsed(text));
    }

    @Test
    void aDateValueTooLongForADateLineIsAParagraph() {
        String text = "Talks resume\n\nPublished: " + "a long paragraph that happens to start like a date line "
                + "and names 5 March 2024 in passing\n\n" + CLOSED + "\n";
        assertThat(quick(text)).isEqualTo(MODIFIED).isEqualTo(parsed(text));
    }

    @Test
    void aBareKeywordThatJoiningWrappedCopyMakesADateLineOfIsLeftToTheParse() {
        // Eleven lines wrapped at one width: "Published" is joined to the line after it, which makes a date line.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(OPEN);
        }
        lines.add(CLOSED);
        lines.add("Published");
        lines.add("on: 5 January 2024.");
        lines.add(OPEN);
        lines.add(CLOSED);
        String text = "Talks resume\n\n" + String.join("\n", lines) + "\n";

        assertThat(parsed(text)).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(quick(text)).isNull();
    }

    @Test
    void aDateLineThatCannotBeReadIsLeftToTheParseWhichWarns() {
        String text = "Talks resume\n\nPublished: 05/06/2024\n\n" + CLOSED + "\n";
        assertThat(quick(text)).isNull();
        assertThat(parser.parse("a.txt", text, MODIFIED, ArticleMeta.NONE).warnings())
                .singleElement().asString().contains("ambiguous day/month");
        assertThat(quick("Talks resume\n\nDate: some day\n\n" + CLOSED)).isNull();
        assertThat(quick(" \n\n")).isNull();
    }

    @Test
    void theSeedsAreDatedAsTheParseDatesThem() throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String text = Files.readString(f);
                assertThat(quick(text)).as(f.toString()).isNotNull().isEqualTo(parsed(text));
            }
        }
    }

    /**
     * Random articles of date lines of every kind (good, bad, too long, bare keywords), furniture, titles repeated,
     * blank lines and blocks of copy wrapped at one width, with every kind of line end: wherever the date lines
     * give a date, it is the parse's.
     */
    @Test
    void randomArticlesGetTheParsesDateWheneverTheirDateLinesGiveOne() {
        String[] dateLines = {"Published: Jan 29, 2024", "Updated: 2024-02-01", "Posted on: 30 January 2024",
            "Date: Monday, January 29, 2024", "Last updated on: Feb 2, 2024 10:30 IST", "First published: 28/01/2024",
            "published :2024/1/27", "Updated on: 01.31.2024", "Published: 05/06/2024", "Date: tomorrow",
            "Published: Febtober 3, 2024", "Published: 2024-02-30", "Published:", "Posted: " + OPEN + " " + OPEN};
        String[] bare = {"Published", "Published on", "Last", "Last updated", "First", "Date", "Updated", "Posted"};
        String[] rests = {"on: 5 January 2024.", ": 2024-01-06", "updated: Jan 7, 2024.", "published on: 8 Jan 2024",
            "on: 9 January 2024 and more words that make this value longer than any date line's value may be."};
        String[] copy = {OPEN, CLOSED, OPEN + " and", "in the capital,", "Share this article", "Advertisement",
            "- a bullet point", "Iran and Pakistan agree to de-escalate"};
        String[] ends = {"\n", "\r\n", "\r"};
        Random random = new Random(20240129);
        int both = 0;
        int leftToTheParse = 0;
        for (int n = 0; n < 4000; n++) {
            String end = ends[random.nextInt(ends.length)];
            StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
            text.append("Iran and Pakistan agree to de-escalate").append(end).append(end);
            int count = 3 + random.nextInt(20);
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(24);
                String line;
                if (kind < 2) {
                    line = dateLines[random.nextInt(dateLines.length)];
                } else if (kind < 4) {
                    line = bare[random.nextInt(bare.length)] + end + rests[random.nextInt(rests.length)];
                } else if (kind < 5) {
                    line = "";
                } else if (kind < 8) {
                    line = copy[random.nextInt(copy.length)];
                } else {
                    line = random.nextInt(4) == 0 ? CLOSED : OPEN; // copy wrapped at one width
                }
                if (random.nextInt(10) == 0) {
                    line = line.replace(' ', '\u00A0');
                }
                if (random.nextInt(20) == 0) {
                    line = "\uFEFF" + line;
                }
                text.append(line).append(end);
            }
            String t = text.toString();
            LocalDate p = parsed(t);
            LocalDate q = quick(t);
            if (q != null && p != null) {
                assertThat(q).as("%s", t).isEqualTo(p);
                both++;
            } else if (q == null) {
                leftToTheParse++;
            }
        }
        // Most articles are dated from their lines; the rest (a bare keyword, a date that cannot be read) are not.
        assertThat(both).isGreaterThan(1000);
        assertThat(leftToTheParse).isGreaterThan(100);
    }
}
