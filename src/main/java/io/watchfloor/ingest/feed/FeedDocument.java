package io.watchfloor.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * Bytes to a feed's XML tree, leniently and safely: decoded ({@link FeedCharset}), forbidden characters removed,
 * unknown entities and bare ampersands repaired, and a document that breaks off cut after its last complete item.
 * DOCTYPEs are refused (no external entities, no entity expansion), except Netscape's public RSS 0.91 DOCTYPE, which
 * is removed unread. The root says what kind of feed it is; namespaces and version numbers are not required (Atom
 * without its namespace, RSS 2.1, RSS without {@code <channel>} are all read).
 */
final class FeedDocument {
    enum Kind { RSS, RDF, ATOM }

    /**
     * @param channel      the element holding the feed's title (the {@code <channel>}, or Atom's {@code <feed>})
     * @param items        the items or entries in document order
     * @param removedChars characters XML forbids that were removed before parsing
     * @param brokeOff     where the document broke off and what was kept, or null when it was whole
     */
    record Read(Kind kind, String type, Element channel, List<Element> items, int removedChars, String brokeOff) {
        Read {
            items = List.copyOf(items);
        }
    }

    private static final Pattern NETSCAPE_RSS091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s+"
                    + "\"https?://my\\.netscape\\.com/publish/formats/rss-0\\.91\\.dtd\"\\s*>");
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml\\s[^>]*\\?>");
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html)\\b");

    private FeedDocument() { }

    static Read read(byte[] bytes, String contentType, List<FeedNote> notes) throws FeedParseException {
        String text = FeedCharset.decode(bytes, contentType, notes).replace("\uFEFF", "");
        if (text.isBlank()) {
            throw new FeedParseException("not a feed: the document is empty");
        }
        if (HTML_START.matcher(text).lookingAt()) {
            throw new FeedParseException("not a feed: an HTML page");
        }
        text = NETSCAPE_RSS091_DOCTYPE.matcher(text).replaceFirst("");
        // Decoded already: the declaration's encoding would only contradict what the bytes said.
        text = XML_DECLARATION.matcher(text).replaceFirst("").stripLeading();
        XmlCleanup.Cleaned cleaned = XmlCleanup.removeForbidden(text);
        text = cleaned.text().stripLeading();
        if (!text.startsWith("<")) {
            throw new FeedParseException("not a feed: the document does not begin with XML markup ("
                    + quote(text) + ")");
        }
        if (cleaned.removed() > 0) {
            notes.add(new FeedNote("forbidden-characters", cleaned.removed() + " character"
                    + (cleaned.removed() == 1 ? "" : "s") + " that XML forbids removed before parsing"));
        }
        String brokeOff = null;
        Document doc;
        try {
            doc = parse(text);
        } catch (JDOMParseException first) {
            refuseDoctype(first);
            int[] repaired = {0};
            String fixed = XmlCleanup.repairEntities(text, repaired);
            JDOMParseException last = first;
            Document d = null;
            if (repaired[0] > 0) {
                try {
                    d = parse(fixed);
                    notes.add(new FeedNote("entities", repaired[0] + " unknown entit" + (repaired[0] == 1 ? "y" : "ies")
                            + " or bare ampersand" + (repaired[0] == 1 ? "" : "s") + " repaired"));
                } catch (JDOMParseException e) {
                    last = e;
                }
            }
            if (d == null) {
                int at = TruncatedXml.offset(fixed, last.getLineNumber(), last.getColumnNumber());
                String cut = TruncatedXml.cutBefore(fixed, at);
                if (cut != null) {
                    try {
                        d = parse(cut);
                        brokeOff = "the document breaks off at line " + last.getLineNumber() + " (" + firstLine(last)
                                + "); the items before it were read";
                    } catch (JDOMParseException ignored) {
                        // nothing readable: report the original error
                    }
                }
            }
            if (d == null) {
                throw new FeedParseException("not a valid feed: " + firstLine(first) + " (line "
                        + first.getLineNumber() + ", column " + first.getColumnNumber() + ")", first);
            }
            doc = d;
        }
        Read read = classify(doc.getRootElement(), cleaned.removed(), brokeOff, notes);
        if (brokeOff != null) {
            notes.add(new FeedNote("broke-off", brokeOff.replace("the items before it were read",
                    read.items().size() + " item" + (read.items().size() == 1 ? "" : "s") + " before it read")));
        }
        return read;
    }

    private static Read classify(Element root, int removed, String brokeOff, List<FeedNote> notes)
            throws FeedParseException {
        String name = root.getName().toLowerCase(Locale.ROOT);
        switch (name) {
            case "rss", "channel" -> {
                Element channel = name.equals("channel") ? root : child(root, "channel");
                List<Element> items = new ArrayList<>();
                if (channel == null) {
                    notes.add(new FeedNote("structure", "RSS without <channel>: items read from <rss>"));
                    channel = root;
                } else {
                    items.addAll(children(channel, "item"));
                }
                // Items directly under <rss>: all of them without a <channel>, else those after </channel>.
                if (name.equals("rss")) {
                    items.addAll(children(root, "item"));
                }
                String version = root.getAttributeValue("version");
                String type = version == null || version.isBlank() ? "rss" : "rss_" + version.strip()
                        + (version.strip().equals("0.91") ? "U" : "");
                return new Read(Kind.RSS, type, channel, items, removed, brokeOff);
            }
            case "rdf" -> {
                Element channel = child(root, "channel");
                List<Element> items = new ArrayList<>(children(root, "item"));
                if (channel != null) {
                    items.addAll(children(channel, "item"));
                }
                String type = root.getNamespace("") != null
                        && root.getNamespace("").getURI().contains("rdf/simple/0.9") ? "rss_0.9" : "rss_1.0";
                return new Read(Kind.RDF, type, channel == null ? root : channel, items, removed, brokeOff);
            }
            case "feed" -> {
                boolean atom03 = "0.3".equals(root.getAttributeValue("version"))
                        || root.getNamespaceURI().startsWith("http://purl.org/atom/");
                if (!atom03 && !root.getNamespaceURI().equals("http://www.w3.org/2005/Atom")) {
                    notes.add(new FeedNote("structure", "Atom without its namespace ("
                            + (root.getNamespaceURI().isEmpty() ? "none" : root.getNamespaceURI()) + "): read as Atom"));
                }
                return new Read(Kind.ATOM, atom03 ? "atom_0.3" : "atom_1.0", root, children(root, "entry"), removed,
                        brokeOff);
            }
            default -> throw new FeedParseException("not a feed: the document's root element is <"
                    + root.getQualifiedName() + ">, not <rss>, <rdf:RDF> or <feed>");
        }
    }

    /** The first child with this local name, whatever its namespace. */
    static Element child(Element parent, String localName) {
        for (Content c : parent.getContent()) {
            if (c instanceof Element e && e.getName().equalsIgnoreCase(localName)) {
                return e;
            }
        }
        return null;
    }

    /** The children with this local name, whatever their namespace, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : parent.getChildren()) {
            if (e.getName().equalsIgnoreCase(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parse(String text) throws JDOMParseException {
        SAXBuilder b = new SAXBuilder(XMLReaders.NONVALIDATING);
        b.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        b.setFeature("http://xml.org/sax/features/external-general-entities", false);
        b.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        b.setExpandEntities(false);
        try {
            return b.build(new StringReader(text));
        } catch (JDOMParseException e) {
            throw e;
        } catch (JDOMException | IOException e) {
            throw new JDOMParseException(e.getMessage() == null ? e.toString() : e.getMessage(), e, null);
        }
    }

    private static void refuseDoctype(JDOMParseException e) throws FeedParseException {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("doctype")) {
            throw new FeedParseException("refused: the feed declares a DOCTYPE (DTDs and entities are not allowed)",
                    e);
        }
    }

    private static String firstLine(JDOMParseException e) {
        Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = String.valueOf(t.getMessage());
        // JDOM prefixes "Error on line N: "; the line is reported separately.
        m = m.replaceFirst("^Error on line \\d+(?: of document [^:]*)?: ", "");
        return m.lines().findFirst().orElse(m);
    }

    private static String quote(String text) {
        String head = text.strip();
        head = head.length() > 40 ? head.substring(0, 40) + "..." : head;
        return "'" + head.replaceAll("[\\p{Cntrl}\\s]+", " ") + "'";
    }
}
