package io.watchfloor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FeedParserTest {
    static final Instant FETCHED = Instant.parse("2024-02-01T12:00:00Z");
    final FeedParser parser = new FeedParser(100_000);

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private FeedParser.ParsedFeed parse(String name, String base) throws FeedParseException {
        return parser.parse(fixture(name), null, URI.create(base), FETCHED);
    }

    @Test
    void rss091WithTheNetscapeDoctypeAndLatin1() throws Exception {
        FeedParser.ParsedFeed f = parse("rss091.xml", "http://gazette.example/rss/world.xml");
        assertThat(f.type()).isEqualTo("rss_0.91U");
        assertThat(f.items()).hasSize(2);
        FeedItem a = f.items().get(0);
        assertThat(a.body()).contains("Tórshavn");
        assertThat(a.link()).isEqualTo("http://gazette.example/world/2024/storm-faroes.html");
        assertThat(a.key()).isEqualTo("link:" + a.link());
        assertThat(a.published()).isEqualTo(FETCHED);   // RSS 0.91 items carry no date
    }

    @Test
    void rss092EscapedHtmlAndAnItemWithoutTitleOrLink() throws Exception {
        FeedParser.ParsedFeed f = parse("rss092.xml", "https://courier.example/rss.xml");
        assertThat(f.items()).hasSize(2);
        assertThat(f.items().get(0).title()).isEqualTo("Dam inspection finds cracks in the spillway");
        assertThat(f.items().get(0).body())
                .isEqualTo("Engineers found hairline cracks during the annual inspection.\n\nRepairs are planned for spring.");
        FeedItem noTitle = f.items().get(1);
        assertThat(noTitle.link()).isNull();
        assertThat(noTitle.title()).startsWith("Council votes to extend the night bus service");
        assertThat(noTitle.key()).startsWith("sha:");
    }

    @Test
    void rss10Rdf() throws Exception {
        FeedParser.ParsedFeed f = parse("rss10.rdf", "https://meridian.example/rss/asia.rdf");
        assertThat(f.type()).isEqualTo("rss_1.0");
        assertThat(f.items()).extracting(FeedItem::title)
                .containsExactly("Border officials agree to meet again next month", "Late rains lift the rice harvest forecast");
        assertThat(f.items().get(0).published()).isEqualTo(Instant.parse("2024-01-18T04:30:00Z"));
        assertThat(f.items().get(0).link()).isEqualTo("https://meridian.example/asia/2024/01/18/border-talks");
    }

    @Test
    void rss20ScriptsRelativeLinksFutureAndMissingDates() throws Exception {
        FeedParser.ParsedFeed f = parse("rss20.xml", "https://ledger.example/feeds/international.xml");
        assertThat(f.items()).hasSize(5);
        FeedItem water = f.items().get(0);
        assertThat(water.title()).isEqualTo("Ministers to meet in Geneva on water sharing");
        assertThat(water.guid()).isEqualTo("ledger-114523");
        assertThat(water.key()).isEqualTo("guid:ledger-114523");
        assertThat(water.link()).isEqualTo("https://ledger.example/international/2024/01/18/water-sharing-talks/");
        // content:encoded wins over the shorter description; scripts, styles and iframes are gone with their text
        assertThat(water.body()).startsWith("Water ministers from the two river states will meet in Geneva next week")
                .contains("cut flows by a third. Background")
                .doesNotContain("alert", "tracking", "<", "color", "iframe");
        assertThat(water.published()).isEqualTo(Instant.parse("2024-01-18T15:02:44Z"));

        FeedItem future = f.items().get(2);
        assertThat(future.published()).isEqualTo(FETCHED);
        FeedItem undated = f.items().get(3);
        assertThat(undated.published()).isEqualTo(FETCHED);
        FeedItem js = f.items().get(4);
        assertThat(js.link()).isNull();
        assertThat(f.warnings()).anyMatch(w -> w.contains("dated in the future"));
    }

    @Test
    void atom10HtmlAndXhtmlContentAndRelativeLinks() throws Exception {
        FeedParser.ParsedFeed f = parse("atom10.xml", "https://observer.example/feeds/diplomacy.atom");
        assertThat(f.type()).isEqualTo("atom_1.0");
        assertThat(f.items()).hasSize(2);
        FeedItem a = f.items().get(0);
        assertThat(a.title()).isEqualTo("Envoys return to their posts & trade office reopens");
        assertThat(a.link()).isEqualTo("https://observer.example/diplomacy/2024/01/29/envoys-return");
        assertThat(a.key()).isEqualTo("guid:tag:observer.example,2024-01-29:/diplomacy/envoys-return");
        assertThat(a.body()).isEqualTo("The two capitals agreed to send their ambassadors back after a three-month"
                + " freeze.\n\nA trade office will reopen on Friday.");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-01-29T07:45:00Z"));
        FeedItem b = f.items().get(1);
        assertThat(b.body()).contains("Snow closed the airport for six hours.").doesNotContain("<p>");
        assertThat(b.published()).isEqualTo(Instant.parse("2024-01-28T17:00:00Z"));   // updated, no published
    }

    @Test
    @Timeout(5)
    void externalEntitiesAreRefused() {
        assertThatThrownBy(() -> parse("xxe.xml", "https://evil.example/feed"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    @Timeout(5)
    void billionLaughsIsRefusedQuickly() {
        assertThatThrownBy(() -> parse("billion-laughs.xml", "https://evil.example/feed"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void brokenXmlAndNonFeedsAreReported() {
        assertThatThrownBy(() -> parse("broken.xml", "https://broken.example/feed"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("not a valid feed");
        assertThatThrownBy(() -> parse("not-a-feed.html", "https://broken.example/feed"))
                .isInstanceOf(FeedParseException.class);
        assertThatThrownBy(() -> parser.parse(new byte[0], null, URI.create("https://x.example/"), FETCHED))
                .isInstanceOf(FeedParseException.class);
        assertThatThrownBy(() -> parser.parse(new byte[] {0, 1, 2, 3, (byte) 0xff, 0}, null,
                URI.create("https://x.example/"), FETCHED)).isInstanceOf(FeedParseException.class);
    }

    @Test
    void wrongAndMissingEncodings() throws Exception {
        FeedParser.ParsedFeed a = parse("cp1252-undeclared.xml", "https://quotidien.example/rss");
        assertThat(a.items().get(0).title()).isEqualTo("Café – réouverture du marché à Orléans");
        assertThat(a.items().get(0).body()).contains("d’été");
        assertThat(a.warnings()).anyMatch(w -> w.contains("windows-1252"));

        FeedParser.ParsedFeed b = parse("utf8-declared-latin1.xml", "https://quotidien.example/rss");
        assertThat(b.items().get(0).title()).isEqualTo("Café – réouverture du marché à Orléans");
        assertThat(b.warnings()).anyMatch(w -> w.contains("read as UTF-8"));

        // An HTTP charset that contradicts nothing is honoured.
        FeedParser.ParsedFeed c = parser.parse(fixture("rss10.rdf"), "application/rdf+xml; charset=utf-8",
                URI.create("https://meridian.example/rss/asia.rdf"), FETCHED);
        assertThat(c.items()).hasSize(2);
    }

    @Test
    void enormousItemsAreCut() throws Exception {
        String big = "word ".repeat(50_000);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link><description>d"
                + "</description><item><title>Big</title><guid>big-1</guid><description>" + big
                + "</description></item></channel></rss>";
        FeedParser small = new FeedParser(1000);
        FeedParser.ParsedFeed f = small.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                URI.create("https://x.example/feed"), FETCHED);
        assertThat(f.items().get(0).body().length()).isLessThanOrEqualTo(1002);
        assertThat(f.warnings()).anyMatch(w -> w.contains("cut to 1000"));
    }

    @Test
    void htmlToText() {
        assertThat(HtmlText.toPlain("<p>One &amp; two</p><script>x()</script><p>Three<br>four</p>"))
                .isEqualTo("One & two\n\nThree\n\nfour");
        assertThat(HtmlText.toLine("Plain title with a < sign")).isEqualTo("Plain title with a < sign");
        assertThat(HtmlText.toPlain(null)).isEmpty();
        assertThat(List.of(HtmlText.toLine("<img src=x onerror=alert(1)>Hello"))).containsExactly("Hello");
    }
}
