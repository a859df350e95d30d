package io.watchfloor.ingest.feed;

import io.watchfloor.model.Sha256;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdom2.Element;

/**
 * Reads RSS 0.9x, 1.0 (RDF), 2.x and Atom 0.3 / 1.0 feeds from bytes, leniently, and makes each item safe to process.
 * The stage between fetching and the store: bytes in, items out, no I/O.
 *
 * <p>The document is read by {@link FeedDocument} (encodings, forbidden characters, entities, a broken end, DOCTYPEs
 * refused). Each item's text is read by its type ({@link ItemText}); links are resolved against xml:base and the feed
 * URL ({@link FeedLinks}); dates are read as feed readers read them ({@link FeedDates}), and an item without a
 * readable date is dated at the fetch time and says so. Every item is kept: items that share a GUID are told apart
 * by their link and title. Bodies are cut to {@code maxItemChars}.
 */
public final class FeedParser {
    /**
     * A parsed feed: its items in document order and what was noticed on the way.
     *
     * @param removedChars characters XML forbids that were removed before parsing
     * @param brokeOff     where the document broke off (its complete items were read), or null
     */
    public record ParsedFeed(String type, String title, List<FeedItem> items, List<FeedNote> notes, int removedChars,
                             String brokeOff) {
        public ParsedFeed {
            items = List.copyOf(items);
            notes = List.copyOf(notes);
        }

        /** The notes' messages. */
        public List<String> warnings() {
            return notes.stream().map(FeedNote::message).toList();
        }
    }

    /** An item as read, before it is told apart from the others of its document. */
    private record Raw(String guid, String link, String title, String body, Instant date, String rawDate) { }

    private static final List<String> PUBLISHED = List.of("published", "pubDate", "issued", "date", "created");
    private static final List<String> UPDATED = List.of("updated", "modified");
    private static final List<String> BODIES = List.of("description", "summary", "encoded", "content", "body");

    private final int maxItemChars;

    public FeedParser(int maxItemChars) {
        this.maxItemChars = maxItemChars;
    }

    /**
     * @param bytes       the body as fetched (already decompressed)
     * @param contentType the HTTP Content-Type header, or null
     * @param base        the URL the feed came from (after redirects): relative links resolve against it
     * @param fetchedAt   when it was fetched: the date of undated items, and the latest date an item may have
     */
    public ParsedFeed parse(byte[] bytes, String contentType, URI base, Instant fetchedAt) throws FeedParseException {
        List<FeedNote> notes = new ArrayList<>();
        FeedDocument.Read doc = FeedDocument.read(bytes, contentType, notes);
        boolean atom = doc.kind() == FeedDocument.Kind.ATOM;
        List<Raw> raws = new ArrayList<>();
        int n = 0;
        for (Element e : doc.items()) {
            n++;
            try {
                raws.add(raw(e, atom, base));
            } catch (RuntimeException ex) {
                notes.add(new FeedNote("item", "item " + n + ": unreadable (" + ex.getClass().getSimpleName() + ": "
                        + ex.getMessage() + "); skipped"));
            }
        }
        Map<String, Integer> guids = new HashMap<>();
        Map<String, Integer> links = new HashMap<>();
        for (Raw r : raws) {
            if (r.guid() != null) {
                guids.merge(r.guid(), 1, Integer::sum);
            }
            if (r.link() != null) {
                links.merge(r.link(), 1, Integer::sum);
            }
        }
        noteRepeats(guids, "repeated-guid", "GUID", "each kept, told apart by its link and title", notes);
        noteRepeats(links, "shared-link", "link", "the link identifies none of them", notes);

        List<FeedItem> items = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        n = 0;
        for (Raw r : raws) {
            n++;
            FeedItem item = item(r, guids, links, fetchedAt, n, unreadable, notes);
            if (item != null) {
                items.add(item);
            }
        }
        if (!unreadable.isEmpty()) {
            notes.add(new FeedNote("unreadable-date", unreadable.size() + " item" + (unreadable.size() == 1 ? "" : "s")
                    + " with a date that cannot be read (" + String.join(", ", unreadable.subList(0,
                    Math.min(3, unreadable.size()))) + "): dated at the fetch time, marked so in the store"));
        }
        Element title = FeedDocument.child(doc.channel(), "title");
        return new ParsedFeed(doc.type(), ItemText.title(title, atom), items, notes, doc.removedChars(),
                doc.brokeOff());
    }

    private Raw raw(Element e, boolean atom, URI base) {
        String guid = text(FeedDocument.child(e, atom ? "id" : "guid"));
        String link = link(e, atom, base);
        if (link == null && !atom && guid != null) {
            Element g = FeedDocument.child(e, "guid");
            if (!"false".equalsIgnoreCase(g.getAttributeValue("isPermaLink"))) {
                link = FeedLinks.absolute(FeedLinks.base(g, base), guid);   // a permalink GUID is the item's link
            }
        }
        if (guid != null && guid.equals(link)) {
            guid = null;   // a permalink GUID: the item is known by its link (as it always was here)
        }
        String title = ItemText.title(FeedDocument.child(e, "title"), atom);
        String body = "";
        for (Element c : e.getChildren()) {
            if (BODIES.stream().anyMatch(b -> b.equalsIgnoreCase(c.getName()))) {
                String t = ItemText.body(c, atom);
                if (t.length() > body.length()) {
                    body = t;   // the fullest: content:encoded or Atom content when it says more than the summary
                }
            }
        }
        Instant date = null;
        String rawDate = null;
        for (List<String> names : List.of(PUBLISHED, UPDATED)) {
            for (String name : names) {
                for (Element d : FeedDocument.children(e, name)) {
                    String v = text(d);
                    if (v == null || date != null) {
                        continue;
                    }
                    Optional<Instant> read = FeedDates.parse(v);
                    if (read.isPresent()) {
                        date = read.get();
                    } else if (rawDate == null) {
                        rawDate = v;
                    }
                }
            }
        }
        return new Raw(guid, link, title, body, date, date == null ? rawDate : null);
    }

    /** RSS: the {@code <link>} text; Atom (and atom:link in RSS): the alternate link's href. */
    private static String link(Element e, boolean atom, URI base) {
        Element alternate = null;
        for (Element l : FeedDocument.children(e, "link")) {
            String href = l.getAttributeValue("href");
            if (href == null) {
                String t = text(l);
                if (!atom && t != null) {
                    String abs = FeedLinks.absolute(FeedLinks.base(l, base), t);
                    if (abs != null) {
                        return abs;
                    }
                }
                continue;
            }
            String rel = l.getAttributeValue("rel");
            if (alternate == null && (rel == null || rel.isBlank() || rel.strip().equalsIgnoreCase("alternate"))) {
                alternate = l;
            }
        }
        return alternate == null ? null
                : FeedLinks.absolute(FeedLinks.base(alternate, base), alternate.getAttributeValue("href"));
    }

    private FeedItem item(Raw r, Map<String, Integer> guids, Map<String, Integer> links, Instant fetchedAt, int n,
                          List<String> unreadable, List<FeedNote> notes) {
        String link = r.link();
        String title = r.title();
        String body = r.body();
        if (body.length() > maxItemChars) {
            int cut = body.lastIndexOf(' ', maxItemChars);
            body = body.substring(0, cut > maxItemChars / 2 ? cut : maxItemChars) + " …";
            notes.add(new FeedNote("cut", "item " + n + (link != null ? " (" + link + ")" : "") + ": body cut to "
                    + maxItemChars + " characters (maxItemChars)"));
        }
        if (title.isEmpty() && body.isEmpty()) {
            notes.add(new FeedNote("empty", "item " + n + ": no title and no text; skipped"));
            return null;
        }
        if (title.isEmpty()) {
            title = firstSentence(body);
        }
        if (title.length() > 500) {
            title = title.substring(0, 500) + " …";
        }
        if (body.isEmpty()) {
            body = title;
        }

        Instant published;
        FeedItem.DateNote dateNote;
        String rawDate = null;
        if (r.date() == null) {
            published = fetchedAt;
            dateNote = r.rawDate() == null ? FeedItem.DateNote.MISSING : FeedItem.DateNote.UNREADABLE;
            if (r.rawDate() != null) {
                rawDate = r.rawDate().length() > 100 ? r.rawDate().substring(0, 100) : r.rawDate();
                unreadable.add("'" + rawDate + "'");
            }
        } else if (r.date().isAfter(fetchedAt)) {
            published = fetchedAt;
            dateNote = FeedItem.DateNote.FUTURE;
            rawDate = r.date().toString();
            notes.add(new FeedNote("future-date", "item " + n + ": dated in the future (" + r.date() + "); dated "
                    + fetchedAt));
        } else {
            published = r.date();
            dateNote = FeedItem.DateNote.READ;
        }

        String guid = r.guid();
        if (guid != null && guids.get(guid) > 1) {
            guid = guid + "#" + Sha256.hex((link == null ? "" : link) + "\n" + title).substring(0, 12);
        }
        boolean linkShared = link != null && links.get(link) > 1;
        String key = guid != null ? "guid:" + guid
                : link != null && !linkShared ? "link:" + link : "sha:" + Sha256.hex(title + "\n" + body);
        if (key.length() > 900) {
            key = key.substring(0, 5) + "sha:" + Sha256.hex(key);
        }
        return new FeedItem(key, guid, link, title, body, published, dateNote, rawDate, linkShared);
    }

    private static void noteRepeats(Map<String, Integer> counts, String kind, String what, String outcome,
                                    List<FeedNote> notes) {
        counts.entrySet().stream().filter(x -> x.getValue() > 1).findFirst().ifPresent(x -> {
            long items = counts.values().stream().filter(v -> v > 1).mapToLong(v -> v).sum();
            notes.add(new FeedNote(kind, items + " items share a " + what + " (e.g. '" + x.getKey() + "' on "
                    + x.getValue() + " items): " + outcome));
        });
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextTrim();
        return t.isEmpty() ? null : t;
    }

    private static String firstSentence(String body) {
        String first = body.split("\n", 2)[0];
        int dot = first.indexOf(". ");
        String s = dot > 20 ? first.substring(0, dot + 1) : first;
        return s.length() > 200 ? s.substring(0, 200) + " …" : s;
    }
}
