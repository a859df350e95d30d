package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleParserTest {
    private static final LocalDate FALLBACK = LocalDate.of(2024, 2, 10);
    private static final String SEED_000 = "seeds/000_89c3de90ed6096f9.txt";
    private static final String SEED_002 = "seeds/002_333d6fb679bd7709.txt";

    private final ArticleParser parser = new ArticleParser();

    private static String read(String path) throws IOException {
        return TextDecoder.decode(Files.readAllBytes(Path.of(path)), path).text();
    }

    private Article parseOk(String id, String text) {
        ParseResult r = parser.parse(id, text, FALLBACK, ArticleMeta.NONE);
        assertThat(r.article()).as("article parsed from %s (warnings %s)", id, r.warnings()).isPresent();
        return r.article().get();
    }

    private static List<String> paragraphs(Article a) {
        return Arrays.asList(a.body().split("\n\n"));
    }

    /** What a reader would call furniture, whatever the parser's patterns say. */
    private static void assertNoFurniture(Article a) {
        assertThat(paragraphs(a)).noneMatch(p -> p.equalsIgnoreCase("Advertisement")
                || p.equalsIgnoreCase("POST A COMMENT") || p.startsWith("Edited By")
                || p.startsWith("Published On") || p.startsWith("Updated On"));
        assertThat(a.body()).doesNotContain("POST A COMMENT", "Advertisement", "Edited By", "Krishna Medhi",
                "Published On");
    }

    // ---------------------------------------------------------------- seeds

    @Test
    void seed000() throws IOException {
        ParseResult r = parser.parse(SEED_000, read(SEED_000), FALLBACK, ArticleMeta.NONE);
        assertThat(r.warnings()).isEmpty();
        Article a = r.article().orElseThrow();
        assertThat(a.id()).isEqualTo(SEED_000);
        assertThat(a.title()).isEqualTo("Iran-Pakistan foreign ministers meet amid soaring tension");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(a.body()).doesNotContain(a.title());
        assertNoFurniture(a);
        assertThat(a.body())
                .startsWith("Iran's Foreign Minister, Hossein Amir-Abdollahian, met with his Pakistani counterpart")
                .contains("Earlier Tehran launched missile attacks on militant bases in southwestern Pakistan on"
                        + " January 16, prompting Pakistan to retaliate with strikes inside Iran on January 18.")
                .contains("Both countries have expressed a commitment to de-escalate the situation")
                .endsWith("build a foundation for diplomatic cooperation between Iran and Pakistan.");
        assertThat(paragraphs(a)).hasSize(7).allSatisfy(p -> assertThat(p).isNotBlank().doesNotContain("\n"));
        assertThat(a.link()).isNull();
        assertThat(a.source()).isNull();
    }

    @Test
    void seed002WithoutDateLineFallsBack() throws IOException {
        ParseResult r = parser.parse(SEED_002, read(SEED_002), FALLBACK, ArticleMeta.NONE);
        assertThat(r.warnings()).isEmpty();
        Article a = r.article().orElseThrow();
        assertThat(a.title()).isEqualTo("Iran Foreign Minister visits Pakistan to ease tensions post airstrikes");
        assertThat(a.published()).isEqualTo(FALLBACK);
        assertThat(a.body()).doesNotContain(a.title());
        assertNoFurniture(a);
        assertThat(a.body())
                .startsWith("Iran’s Foreign Minister visits Pakistan to ease tensions after air strikes")
                .contains("On January 17, Iran conducted a strike in Pakistan’s Balochistan province")
                .contains("In retaliation, Pakistan launched an air strike on what it claimed were hideouts of armed"
                        + " groups in Iran’s Sistan-Baluchestan province.")
                .contains("“horrifying and despicable,”")
                .endsWith("addressing common security challenges.");
        assertThat(paragraphs(a)).hasSize(8);
    }

    // ---------------------------------------------------------------- variants

    @Test
    void fixtureWithoutDateLineUsesFallback() throws IOException {
        Article a = parseOk("no_date.txt", read("src/test/resources/ingest/no_date.txt"));
        assertThat(a.published()).isEqualTo(FALLBACK);
        assertThat(a.title()).isEqualTo("Border talks resume after weeks of silence");
        assertThat(paragraphs(a)).containsExactly(
                "Negotiators from both sides met at the border crossing on Tuesday to resume talks.",
                "Officials said the next round would take place in the capital.");
    }

    @Test
    void blankLinesEverywhere() throws IOException {
        Article a = parseOk("blank.txt", read("src/test/resources/ingest/blank_lines.txt"));
        assertThat(a.title()).isEqualTo("Blank lines everywhere headline");
        assertThat(a.body()).isEqualTo("First paragraph of the story.\n\nSecond paragraph of the story.");
    }

    @Test
    void furnitureOfAllKindsIsDropped() throws IOException {
        ParseResult r = parser.parse("f.txt", read("src/test/resources/ingest/furniture.txt"), FALLBACK,
                ArticleMeta.NONE);
        assertThat(r.warnings()).isEmpty();
        Article a = r.article().orElseThrow();
        assertThat(a.title()).isEqualTo("Troops withdraw from disputed ridge");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 2, 1));   // published wins over updated
        assertThat(paragraphs(a)).containsExactly(
                "Troops began withdrawing from the disputed ridge on Thursday, officials said.",
                "By Thursday evening, most of the units had left the area, according to the defence ministry.");
    }

    @Test
    void windowsAndOldMacLineEnds() {
        Article crlf = parseOk("crlf.txt", "Title here\r\n\r\nPublished On: Jan 29, 2024\r\nFirst.\r\n\r\nSecond.\r\n");
        assertThat(crlf.title()).isEqualTo("Title here");
        assertThat(crlf.body()).isEqualTo("First.\n\nSecond.");
        assertThat(crlf.published()).isEqualTo(LocalDate.of(2024, 1, 29));
        Article cr = parseOk("cr.txt", "Title here\r\rFirst.\rSecond.\r");
        assertThat(cr.body()).isEqualTo("First.\n\nSecond.");
    }

    @Test
    void linesEndAtEveryKindOfLineEndBeforeBomsAreDropped() {
        // CR BOM LF is two line ends (a blank line between), as a text editor shows it; a BOM inside a word joins it.
        assertThat(ArticleParser.collapsedLines("A\r\uFEFF\nst\uFEFFrike\u00A0 now \t\r\n\u00A0\rB\n"))
                .containsExactly("A", "", "strike now", "", "B", "");
        assertThat(ArticleParser.collapsedLines("")).containsExactly("");
        assertThat(ArticleParser.collapsedLines("one line")).containsExactly("one line");
    }

    @Test
    void bomCharacterStillInTextIsStripped() {
        Article a = parseOk("bom.txt", "\uFEFFTitle here\nBody text.\n");
        assertThat(a.title()).isEqualTo("Title here");
    }

    @Test
    void nbspAndTrailingWhitespace() {
        Article a = parseOk("nbsp.txt", "Title\u00A0with\u00A0nbsp \t\nBody\u00A0 text\u00A0\u00A0here.  \t\n");
        assertThat(a.title()).isEqualTo("Title with nbsp");
        assertThat(a.body()).isEqualTo("Body text here.");
    }

    @Test
    void repeatedTitleWithDifferentSpacingIsDroppedEverywhere() {
        Article a = parseOk("rep.txt", "Big  headline\nBig headline\nBody one.\n  Big headline  \nBody two.\nBig headline");
        assertThat(a.title()).isEqualTo("Big headline");
        assertThat(a.body()).isEqualTo("Body one.\n\nBody two.");
    }

    @Test
    void emptyFileGivesNoArticleAndAWarning() {
        ParseResult r = parser.parse("seeds/empty.txt", "", FALLBACK, ArticleMeta.NONE);
        assertThat(r.article()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("seeds/empty.txt", "empty");
    }

    @Test
    void whitespaceOnlyFileGivesNoArticleAndAWarning() {
        ParseResult r = parser.parse("ws.txt", "  \n\t\r\n\u00A0\n\n", FALLBACK, ArticleMeta.NONE);
        assertThat(r.article()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("ws.txt", "empty");
    }

    @Test
    void titleWithoutBodyGivesNoArticleAndAWarning() {
        ParseResult r = parser.parse("t.txt", "Only a title\n\nOnly a title\nPublished On: Jan 29, 2024\nAdvertisement\n",
                FALLBACK, ArticleMeta.NONE);
        assertThat(r.article()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("t.txt", "no body");
    }

    @Test
    void furnitureBeforeTheTitleIsNotTheTitle() {
        Article a = parseOk("f.txt", "Advertisement\nPublished On: Jan 29, 2024\nReal title\nBody.");
        assertThat(a.title()).isEqualTo("Real title");
        assertThat(a.body()).isEqualTo("Body.");
    }

    @Test
    void noDateAnywhereAndNoFallbackGivesNoArticle() {
        ParseResult r = parser.parse("n.txt", "Title\nBody.", null, ArticleMeta.NONE);
        assertThat(r.article()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("n.txt", "no publication date");
    }

    // ---------------------------------------------------------------- dates

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Published On: Jan 29, 2024              | 2024-01-29
            Published: January 29, 2024             | 2024-01-29
            published on: Jan. 29, 2024             | 2024-01-29
            Date: 29 January 2024                   | 2024-01-29
            DATE: 29 Jan 2024                       | 2024-01-29
            Posted: 2024-01-29                      | 2024-01-29
            Posted On: 2024-01-29T10:15:00Z         | 2024-01-29
            First published: Jan 29, 2024 10:30 IST | 2024-01-29
            Published: Monday, January 29, 2024     | 2024-01-29
            Published: 29/01/2024                   | 2024-01-29
            Published: 01/29/2024                   | 2024-01-29
            Published: Sept 3, 2024                 | 2024-09-03
            Published: 3rd September 2024           | 2024-09-03
            Published On: Dec 31 2023, 11:59 pm     | 2023-12-31
            """)
    void dateLineFormats(String line, LocalDate expected) {
        ParseResult r = parser.parse("d.txt", "Title\n" + line + "\nBody.", FALLBACK, ArticleMeta.NONE);
        assertThat(r.warnings()).isEmpty();
        Article a = r.article().orElseThrow();
        assertThat(a.published()).isEqualTo(expected);
        assertThat(a.body()).isEqualTo("Body.");
    }

    @Test
    void updatedDateIsUsedOnlyWithoutPublishedDate() {
        assertThat(parseOk("u.txt", "Title\nUpdated On: Feb 2, 2024\nBody.").published())
                .isEqualTo(LocalDate.of(2024, 2, 2));
        assertThat(parseOk("u.txt", "Title\nLast Updated: Feb 2, 2024\nBody.\nPublished On: Jan 29, 2024").published())
                .isEqualTo(LocalDate.of(2024, 1, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Published On: sometime last week", "Date: 01/02/2024", "Published: Feb 30, 2024"})
    void unreadableDateLineWarnsWithLineNumberAndFallsBack(String line) {
        ParseResult r = parser.parse("seeds/bad.txt", "Title\n\nBody.\n" + line + "\n", FALLBACK, ArticleMeta.NONE);
        Article a = r.article().orElseThrow();
        assertThat(a.published()).isEqualTo(FALLBACK);
        assertThat(a.body()).isEqualTo("Body.");
        assertThat(r.warnings()).singleElement().asString().contains("seeds/bad.txt", "line 4", line);
    }

    @Test
    void aLongParagraphThatStartsLikeADateLineIsBody() {
        String p = "Date: the two sides have not agreed on a date for the next round of talks, officials said on Monday"
                + " after the meeting ended without a joint statement.";
        Article a = parseOk("p.txt", "Title\n" + p);
        assertThat(a.body()).isEqualTo(p);
    }

    @Test
    void parseDateDirectly() {
        assertThat(ArticleParser.parseDate("Jan 29, 2024")).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(ArticleParser.parseDate("no date here")).isNull();
        assertThatThrownBy(() -> ArticleParser.parseDate("05/06/2024")).hasMessageContaining("ambiguous");
    }

    // ---------------------------------------------------------------- meta

    @Test
    void metaOverridesPublishedTitleLinkAndSource() {
        ArticleMeta meta = new ArticleMeta(LocalDate.of(2024, 3, 1), "Better title", "https://example.org/a", "Example");
        ParseResult r = parser.parse("m.txt", "File title\nPublished On: Jan 29, 2024\nBody.\nBetter title\nFile title",
                FALLBACK, meta);
        Article a = r.article().orElseThrow();
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(a.title()).isEqualTo("Better title");
        assertThat(a.body()).isEqualTo("Body.");
        assertThat(a.link()).isEqualTo("https://example.org/a");
        assertThat(a.source()).isEqualTo("Example");
    }

    @Test
    void partialMetaKeepsTheRestFromTheFile() {
        ArticleMeta meta = new ArticleMeta(null, null, null, "Example");
        Article a = parser.parse("m.txt", "File title\nPublished On: Jan 29, 2024\nBody.", FALLBACK, meta)
                .article().orElseThrow();
        assertThat(a.title()).isEqualTo("File title");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(a.source()).isEqualTo("Example");
        assertThat(a.link()).isNull();
    }

    // ---------------------------------------------------------------- furniture patterns

    @ParameterizedTest
    @ValueSource(strings = {"Advertisement", "ADVERTISEMENT", "POST A COMMENT", "Comments", "Share",
        "Share this article", "Read more", "Also Read: Something else", "READ MORE: Other news",
        "Edited By: Krishna Medhi", "Written By: A Writer", "Reported By: A Reporter", "By Krishna Medhi",
        "By John Smith and Jane Doe", "By REUTERS", "Follow us on Twitter", "Subscribe to our newsletter",
        "Click here for more", "Listen to this article", "(With inputs from agencies)", "With inputs from PTI",
        "Photo: Reuters", "Image: AFP", "File photo", "File photo of the meeting", "Updated On: Jan 29, 2024"})
    void furniture(String line) {
        assertThat(parser.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"By Monday, the troops had withdrawn from the area.", "Share prices fell sharply.",
        "Subscribers were told the service would resume.",
        "Comments by the minister drew criticism from the opposition.",
        "Advertisement revenue fell as the conflict dragged on.",
        "By the time the talks began, both sides had pulled back."})
    void notFurniture(String line) {
        assertThat(parser.isFurniture(line)).isFalse();
    }

    @Test
    void furniturePatternsLoadFromTheResourceOnce() {
        assertThat(ArticleParser.defaultFurniture()).isNotEmpty().isSameAs(ArticleParser.defaultFurniture());
        assertThat(ArticleParser.class.getResource(ArticleParser.FURNITURE_RESOURCE)).isNotNull();
    }

    @Test
    void customFurniturePatternsCanBeGiven() {
        ArticleParser p = new ArticleParser(List.of(Pattern.compile("(?i)sponsored by .*")));
        Article a = p.parse("c.txt", "Title\nSponsored by Acme\nBody.\nAdvertisement", FALLBACK, ArticleMeta.NONE)
                .article().orElseThrow();
        assertThat(a.body()).isEqualTo("Body.\n\nAdvertisement");
    }

    @Test
    void collapsesEveryKindOfSpaceRunToOneSpace() {
        assertThat(ArticleParser.collapse("  Iran \t and\u00A0\u00A0Pakistan  ")).isEqualTo("Iran and Pakistan");
        assertThat(ArticleParser.collapse("a\u202Fb\u2007c\u000Bd\fe\r\nf")).isEqualTo("a b c d e f");
        assertThat(ArticleParser.collapse("already clean")).isEqualTo("already clean");
        assertThat(ArticleParser.collapse(" \u00A0 ")).isEmpty();
        assertThat(ArticleParser.collapse("x")).isEqualTo("x");
    }
}
