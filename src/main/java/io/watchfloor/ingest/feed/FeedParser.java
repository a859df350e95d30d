package io.watchfloor.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.watchfloor.ingest.BinaryFileException;
import io.watchfloor.ingest.ContentHash;
import io.watchfloor.ingest.DecodedText;
import io.watchfloor.ingest.TextDecoder;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x, 1.0 (RDF), 2.0 and Atom feeds with Rome, from bytes, and makes each item safe to process.
 *
 * <p>Safety: DOCTYPEs are refused (so no external entities and no entity expansion: XXE and "billion laughs" files
 * fail to parse), except the one well-known public DOCTYPE of Netscape's RSS 0.91 without an internal subset, which
 * is removed unread. Encodings: the HTTP charset, the XML declaration and the BOM are honoured; bytes that are not
 * valid in the declared encoding are read as UTF-8 when they are valid UTF-8, else as windows-1252; UTF-8 bytes
 * declared as a single-byte charset are read as UTF-8. HTML in titles and bodies becomes plain text; links are
 * resolved against the feed URL and kept only when http(s); missing dates become the fetch time and future dates are
 * clamped to it; bodies are cut to {@code maxItemChars}.
 */
public final class FeedParser {
    /** A parsed feed: its items in document order and what was noticed on the way. */
    public record ParsedFeed(String type, String title, List<FeedItem> items, List<String> warnings) {
        public ParsedFeed {
            items = List.copyOf(items);
            warnings = List.copyOf(warnings);
        }
    }

    private static final Pattern NETSCAPE_RSS091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s+"
                    + "\"https?://my\\.netscape\\.com/publish/formats/rss-0\\.91\\.dtd\"\\s*>");
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");

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
        List<String> warnings = new ArrayList<>();
        SyndFeed feed = build(bytes, contentType, warnings);
        List<FeedItem> items = new ArrayList<>();
        int n = 0;
        for (SyndEntry e : feed.getEntries()) {
            n++;
            try {
                FeedItem item = item(e, base, fetchedAt, n, warnings);
                if (item != null) {
                    items.add(item);
                }
            } catch (RuntimeException ex) {
                warnings.add("item " + n + ": unreadable (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                        + "); skipped");
            }
        }
        return new ParsedFeed(feed.getFeedType(), HtmlText.toLine(feed.getTitle()), items, warnings);
    }

    private SyndFeed build(byte[] bytes, String contentType, List<String> warnings) throws FeedParseException {
        byte[] input = stripKnownDoctype(bytes);
        String declared = declaredEncoding(input);
        boolean utf8 = isUtf8(input);
        // UTF-8 bytes declared as a single-byte charset (a common CMS mistake): reading them as declared would turn
        // every accented letter into two wrong ones.
        if (utf8 && hasHighBytes(input) && declared != null && isSingleByte(declared)) {
            warnings.add("declared " + declared + " but the bytes are UTF-8; read as UTF-8");
            return buildFrom(new String(input, StandardCharsets.UTF_8), warnings);
        }
        boolean httpCharset = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=");
        boolean saysUtf8 = declared == null || declared.toUpperCase(Locale.ROOT).replace("_", "-").equals("UTF-8");
        if (!utf8 && saysUtf8 && !httpCharset && !hasUtf16Bom(input)) {
            // UTF-8 by declaration or by default, but the bytes are not: a lenient reader would turn every such
            // byte into U+FFFD. Decode the careful way instead (windows-1252, losslessly).
            return decodeAndBuild(input, declared, warnings);
        }
        try {
            SyndFeedInput in = input();
            XmlReader reader = contentType != null
                    ? new XmlReader(new ByteArrayInputStream(input), contentType, true)
                    : new XmlReader(new ByteArrayInputStream(input), true);
            return in.build(reader);
        } catch (FeedException | IllegalArgumentException | IOException e) {
            if (!isEncodingProblem(e)) {
                throw new FeedParseException(describe(e), e);
            }
            // Bytes that are not valid in the declared (or default) encoding: decode them the careful way.
            return decodeAndBuild(input, declared, warnings);
        }
    }

    private SyndFeed decodeAndBuild(byte[] input, String declared, List<String> warnings) throws FeedParseException {
        DecodedText text;
        try {
            text = TextDecoder.decode(input, "feed");
        } catch (BinaryFileException be) {
            throw new FeedParseException("not a feed: binary content", be);
        }
        warnings.add("bytes not valid as " + (declared != null ? declared : "UTF-8 (no encoding declared)")
                + "; read as " + text.charset());
        return buildFrom(text.text(), warnings);
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
    }

    private SyndFeed buildFrom(String text, List<String> warnings) throws FeedParseException {
        try {
            return input().build(new StringReader(text.replace("\uFEFF", "")));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(describe(e), e);
        }
    }

    private static SyndFeedInput input() {
        SyndFeedInput in = new SyndFeedInput();
        in.setAllowDoctypes(false);   // no DTDs: no external entities, no entity expansion
        return in;
    }

    private FeedItem item(SyndEntry e, URI base, Instant fetchedAt, int n, List<String> warnings) {
        String link = resolve(base, firstNonBlank(e.getLink(), e.getLinks().isEmpty() ? null
                : e.getLinks().get(0).getHref()));
        String uri = blankToNull(e.getUri());
        String guid = uri;
        if (guid != null && (guid.equals(e.getLink()) || guid.equals(link))) {
            guid = null;   // Rome copies the link into the uri of items without a GUID
        }

        String title = HtmlText.toLine(e.getTitleEx() != null ? e.getTitleEx().getValue() : e.getTitle());
        String body = bestBody(e);
        if (body.length() > maxItemChars) {
            int cut = body.lastIndexOf(' ', maxItemChars);
            body = body.substring(0, cut > maxItemChars / 2 ? cut : maxItemChars) + " …";
            warnings.add("item " + n + (link != null ? " (" + link + ")" : "") + ": body cut to " + maxItemChars
                    + " characters (maxItemChars)");
        }
        if (title.isEmpty() && body.isEmpty()) {
            warnings.add("item " + n + ": no title and no text; skipped");
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

        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        Instant published;
        if (date == null) {
            published = fetchedAt;
        } else if (date.toInstant().isAfter(fetchedAt)) {
            published = fetchedAt;
            warnings.add("item " + n + ": dated in the future (" + date.toInstant() + "); dated " + fetchedAt);
        } else {
            published = date.toInstant();
        }

        String key = guid != null ? "guid:" + guid : link != null ? "link:" + link : "sha:" + ContentHash.sha256(title + "\n" + body);
        if (key.length() > 900) {
            key = key.substring(0, 5) + "sha:" + ContentHash.sha256(key);
        }
        return new FeedItem(key, guid, link, title, body, published);
    }

    /** Content (content:encoded, Atom content) when it says more than the description; else the description. */
    private static String bestBody(SyndEntry e) {
        String description = e.getDescription() == null ? "" : HtmlText.toPlain(e.getDescription().getValue());
        String content = "";
        for (SyndContent c : e.getContents()) {
            String t = HtmlText.toPlain(c.getValue());
            if (t.length() > content.length()) {
                content = t;
            }
        }
        return content.length() > description.length() ? content : description;
    }

    private static String resolve(URI base, String link) {
        if (link == null) {
            return null;
        }
        try {
            URI u = base == null ? new URI(link.strip()) : base.resolve(new URI(link.strip()));
            String s = u.getScheme();
            if (s == null || !(s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) || u.getHost() == null) {
                return null;   // javascript:, data:, mailto: ... are not article links
            }
            return u.normalize().toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException ex) {
            return null;
        }
    }

    static byte[] stripKnownDoctype(byte[] bytes) {
        int scan = Math.min(bytes.length, 4096);
        String head = new String(bytes, 0, scan, StandardCharsets.ISO_8859_1);
        Matcher m = NETSCAPE_RSS091_DOCTYPE.matcher(head);
        if (!m.find()) {
            return bytes;
        }
        byte[] out = new byte[bytes.length - (m.end() - m.start())];
        System.arraycopy(bytes, 0, out, 0, m.start());
        System.arraycopy(bytes, m.end(), out, m.start(), bytes.length - m.end());
        return out;
    }

    private static String declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "");
        Matcher m = DECLARED_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static boolean isSingleByte(String charset) {
        String c = charset.toUpperCase(Locale.ROOT).replace("_", "-");
        return c.startsWith("ISO-8859") || c.startsWith("WINDOWS-125") || c.startsWith("CP125")
                || c.equals("US-ASCII") || c.equals("ASCII") || c.equals("LATIN1");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEncodingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharConversionException || t instanceof CharacterCodingException
                    || t instanceof com.rometools.rome.io.XmlReaderException
                    || (t.getMessage() != null && t.getMessage().contains("Invalid byte"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        Throwable t = e;
        String m = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                m = t.getMessage();
            }
        }
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("doctype")) {
            return "refused: the feed declares a DOCTYPE (DTDs and entities are not allowed)";
        }
        if (e instanceof IllegalArgumentException) {
            return "not a feed: " + m.lines().findFirst().orElse(m);
        }
        return "not a valid feed: " + m.lines().findFirst().orElse(m);
    }

    private static String firstSentence(String body) {
        String first = body.split("\n", 2)[0];
        int dot = first.indexOf(". ");
        String s = dot > 20 ? first.substring(0, dot + 1) : first;
        return s.length() > 200 ? s.substring(0, 200) + " …" : s;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
