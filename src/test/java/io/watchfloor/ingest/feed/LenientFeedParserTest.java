package io.watchfloor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The feeds a lenient reader must still read (issue 15), one fixture per class of loss, read as bytes: what a user
 * would check is that every item is there with its text, date and link as the feed meant them.
 */
class LenientFeedParserTest {
    static final Instant FETCHED = Instant.parse("2024-02-01T12:00:00Z");
    final FeedParser parser = new FeedParser(100_000);

    static byte[] lenient(String name) {
        return FeedParserTest.fixture("lenient/" + name);
    }

    private FeedParser.ParsedFeed parse(String name, String contentType) throws FeedParseException {
        return parser.parse(lenient(name), contentType, URI.create("https://feeds.example/" + name), FETCHED);
    }

    private FeedParser.ParsedFeed parse(String name) throws FeedParseException {
        return parse(name, null);
    }

    @Test
    void aStrayControlCharacterIsRemovedCountedAndNoItemLost() throws Exception {
        FeedParser.ParsedFeed f = parse("control-character.xml");
        assertThat(f.items()).extracting(FeedItem::title).containsExactly(
                "Ferry talks resume between the island states", "Customs officers seize counterfeit medicine",
                "Lighthouse keepers mark a century of service");
        // The raw U+0007 and the reference &#x1; are both gone from the text, and both counted.
        assertThat(f.items().get(1).body()).isEqualTo("The shipment was declared as spare parts, officials said.");
        assertThat(f.removedChars()).isEqualTo(2);
        assertThat(f.warnings()).anyMatch(w -> w.contains("2 characters that XML forbids removed"));
    }

    @Test
    void aFeedThatBreaksOffKeepsItsCompleteItems() throws Exception {
        FeedParser.ParsedFeed f = parse("broken-off.xml");
        assertThat(f.items()).extracting(FeedItem::title)
                .containsExactly("Bridge reopens after flood repairs", "School board approves new timetable");
        assertThat(f.brokeOff()).contains("breaks off");
        assertThat(f.warnings()).anyMatch(w -> w.contains("2 items before it read"));
    }

    @Test
    void htmlEntitiesAndBareAmpersandsAreRepaired() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Quay Notes</title><item><title>Fish &amp; chips"
                + " prices rise at the caf&eacute;</title><link>https://quay.example/n?id=4&page=2</link>"
                + "<description>Up 10&nbsp;percent & more.</description></item></channel></rss>";
        FeedParser.ParsedFeed f = parser.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                URI.create("https://quay.example/rss"), FETCHED);
        FeedItem item = f.items().get(0);
        assertThat(item.title()).isEqualTo("Fish & chips prices rise at the café");
        assertThat(item.link()).isEqualTo("https://quay.example/n?id=4&page=2");
        assertThat(item.body()).isEqualTo("Up 10 percent & more.");   // a no-break space reads as a space
        assertThat(f.warnings()).anyMatch(w -> w.contains("4 unknown entities or bare ampersands repaired"));
    }

    @Test
    void rssWithoutChannelAtomWithoutNamespaceAndOtherRssVersions() throws Exception {
        FeedParser.ParsedFeed noChannel = parse("rss-without-channel.xml");
        assertThat(noChannel.title()).isEqualTo("Ridge Weekly");
        assertThat(noChannel.items()).extracting(FeedItem::link).containsExactly(
                "https://ridgeweekly.example/news/pass-closed", "https://ridgeweekly.example/news/old-mill");

        FeedParser.ParsedFeed atom = parse("atom-without-namespace.xml");
        assertThat(atom.type()).isEqualTo("atom_1.0");
        assertThat(atom.items()).extracting(FeedItem::title).containsExactly(
                "Delta farmers switch to salt-tolerant rice", "New ferry route links the outer islands");
        assertThat(atom.items().get(0).link()).isEqualTo("https://deltaobserver.example/farming/salt-tolerant-rice");
        assertThat(atom.items().get(0).published()).isEqualTo(Instant.parse("2024-01-31T09:30:00Z"));

        FeedParser.ParsedFeed v21 = parse("rss21.xml");
        assertThat(v21.type()).isEqualTo("rss_2.1");
        assertThat(v21.items()).extracting(FeedItem::title).containsExactly("Grain silo fire brought under control");
        FeedParser.ParsedFeed v30 = parse("rss30.xml");
        assertThat(v30.items()).extracting(FeedItem::title).containsExactly("Wind farm plan goes to public hearing");
    }

    @Test
    void utf16EitherByteOrderU16AndUnknownEncodingNames() throws Exception {
        FeedParser.ParsedFeed le = parse("utf16le-bom.xml");
        assertThat(le.items()).extracting(FeedItem::title).containsExactly("Réunion du conseil à Genève");
        assertThat(le.items().get(0).body()).isEqualTo("Le conseil s’est réuni à Genève mercredi.");

        // Declared "u16" (no such charset name), big-endian with its BOM; an HTTP charset that contradicts the
        // bytes does no harm either.
        FeedParser.ParsedFeed u16 = parse("u16-declared.xml", "application/rss+xml; charset=iso-8859-1");
        assertThat(u16.items()).extracting(FeedItem::title).containsExactly("Élections anticipées à Zürich");

        FeedParser.ParsedFeed unknown = parse("unknown-encoding.xml");
        assertThat(unknown.items()).extracting(FeedItem::title).containsExactly("Fête des vignerons à Vevey");
        assertThat(unknown.items().get(0).body()).isEqualTo("Le conseil s’est réuni à Genève mercredi.");
        assertThat(unknown.warnings()).anyMatch(w -> w.contains("unknown encoding 'x-lakeside-roman'")
                && w.contains("windows-1252"));
    }

    @Test
    void itemsSharingAGuidAreAllKeptToldApartByLinkAndTitle() throws Exception {
        FeedParser.ParsedFeed f = parse("repeated-guid.xml");
        assertThat(f.items()).hasSize(3);
        assertThat(f.items()).extracting(FeedItem::key).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith("guid:https://coastal-ministry.example/press/#"));
        assertThat(f.items()).extracting(FeedItem::link).containsExactly(
                "https://coastal-ministry.example/press/2024/northern-cooperatives",
                "https://coastal-ministry.example/press/2024/dredging-rules",
                "https://coastal-ministry.example/press/2024/storm-survey");
        assertThat(f.notes()).filteredOn(n -> n.kind().equals("repeated-guid")).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("3 items share a GUID"));
        // The same items read again get the same keys: a second poll recognises them.
        assertThat(parse("repeated-guid.xml").items()).extracting(FeedItem::key)
                .containsExactlyElementsOf(f.items().stream().map(FeedItem::key).toList());
    }

    @Test
    void datesAsFeedReadersReadThem() throws Exception {
        FeedParser.ParsedFeed f = parse("dates.xml");
        assertThat(f.items()).extracting(FeedItem::published).containsExactly(
                Instant.parse("2024-01-18T15:00:00Z"),             // Thu, 18 Jan 2024 10:00 EST
                Instant.parse("2024-01-18T09:00:00Z"),             // 18 Jan 24 10:00:00 +0100
                Instant.parse("2006-01-12T00:42:55Z"),             // 2006-01-11 16:42:55 -0800
                Instant.parse("2024-01-29T02:24:52Z"),             // no zone: UTC
                Instant.parse("2024-01-18T04:45:36.972031Z"),      // six digits, exactly
                Instant.parse("2024-01-20T06:00:00Z"),             // dcterms:modified only
                FETCHED);                                          // "the week before last"
        assertThat(f.items().subList(0, 6)).allMatch(i -> i.date() == FeedItem.DateNote.READ);
        FeedItem unreadable = f.items().get(6);
        assertThat(unreadable.date()).isEqualTo(FeedItem.DateNote.UNREADABLE);
        assertThat(unreadable.dateNote()).isEqualTo("unreadable: the week before last");
        assertThat(f.notes()).filteredOn(n -> n.kind().equals("unreadable-date")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("'the week before last'", "fetch time"));

        FeedParser.ParsedFeed atom03 = parse("atom03.xml");
        assertThat(atom03.type()).isEqualTo("atom_0.3");
        assertThat(atom03.items()).extracting(FeedItem::published).containsExactly(
                Instant.parse("2024-01-25T09:30:00Z"),   // issued wins over modified
                Instant.parse("2024-01-24T23:59:00Z"));  // modified only
        assertThat(atom03.items().get(0).link()).isEqualTo("https://oldquarter.example/2024/tram-extension");
    }

    @Test
    void xmlBaseDotSegmentsAndLinksThatUriRefuses() throws Exception {
        FeedParser.ParsedFeed f = parse("links.xml");
        assertThat(f.items()).extracting(FeedItem::link).containsExactly(
                "https://crossroads.example/news/regions/east/border-hours.html",
                "https://crossroads.example/news/archive/2024/rail-strike.html",
                "https://crossroads.example/news/port%20workers%7Creturn.html");
        // The kept link is a valid URI that names the same page.
        assertThat(URI.create(f.items().get(2).link()).getPath()).isEqualTo("/news/port workers|return.html");
    }

    @Test
    void itemsWithMarkupOnlyAreReadAsText() throws Exception {
        FeedParser.ParsedFeed f = parse("markup-only.xml");
        assertThat(f.items()).hasSize(3);
        assertThat(f.items().get(0).body())
                .isEqualTo("Water restrictions end on Friday after a wet month.\n\nReservoirs are at ninety percent.");
        assertThat(f.items().get(0).title()).isEqualTo("Water restrictions end on Friday after a wet month.");
        assertThat(f.items().get(1).body()).isEqualTo("The library opens on Sundays from March.");
        assertThat(f.items().get(2).body()).isEqualTo("Market day moves to Saturday.");
        assertThat(f.items()).allMatch(i -> !i.body().contains("<") && !i.title().contains("<"));
    }

    @Test
    void textTitlesKeptLiterallyAndEncodingAccidentsMended() throws Exception {
        FeedParser.ParsedFeed f = parse("text-cleanup.xml");
        assertThat(f.items()).extracting(FeedItem::title).containsExactly(
                "Why <blink> died", "The mayor’s “open door” day", "Café owners welcome the pedestrian zone");
        assertThat(f.items().get(2).body()).isEqualTo("It’s quieter now, one owner said.");
    }

    @Test
    void doctypesAndNonFeedsAreStillRefusedWithAClearMessage() {
        assertThatThrownBy(() -> parser.parse(FeedParserTest.fixture("xxe.xml"), null,
                URI.create("https://evil.example/feed"), FETCHED))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("refused: the feed declares a DOCTYPE");
        assertThatThrownBy(() -> parser.parse(FeedParserTest.fixture("not-a-feed.html"), "text/html",
                URI.create("https://broken.example/feed"), FETCHED))
                .isInstanceOf(FeedParseException.class).hasMessage("not a feed: an HTML page");
        byte[] sitemap = "<urlset><url><loc>https://x.example/</loc></url></urlset>".getBytes();
        assertThatThrownBy(() -> parser.parse(sitemap, null, URI.create("https://x.example/"), FETCHED))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("root element is <urlset>");
    }
}
