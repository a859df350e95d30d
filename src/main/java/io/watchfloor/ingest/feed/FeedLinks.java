package io.watchfloor.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Links in feeds made absolute the way feed readers make them: against every {@code xml:base} from the document
 * down to the element, then the URL the feed came from; {@code .} and {@code ..} segments removed (also those that
 * would climb above the root); characters that {@link URI} refuses (a space, {@code |}, non-ASCII letters ...)
 * percent-encoded rather than the link dropped. Only http(s) links with a host are kept.
 */
final class FeedLinks {
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~:/?#@!$&'()*+,;=";

    private FeedLinks() { }

    /** The base URI in effect at {@code e}: the document URL resolved through each xml:base on the way down. */
    static URI base(Element e, URI documentUrl) {
        List<String> bases = new ArrayList<>();
        for (Element x = e; x != null; x = x.getParentElement()) {
            String b = x.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null && !b.isBlank()) {
                bases.add(0, b.strip());
            }
        }
        URI base = documentUrl;
        for (String b : bases) {
            URI u = lenient(b);
            if (u != null) {
                base = base == null ? u : resolve(base, u);
            }
        }
        return base;
    }

    /** {@code link} made absolute against {@code base}; null unless it is an http(s) URL with a host. */
    static String absolute(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI u = lenient(link.strip());
        if (u == null) {
            return null;
        }
        if (base != null && !u.isAbsolute()) {
            u = resolve(base, u);
        }
        String s = u.getScheme();
        if (s == null || !(s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) || u.getHost() == null) {
            return null;   // javascript:, data:, mailto: ... are not article links
        }
        return withoutDotSegments(u).toString();
    }

    /** A URI from a string, percent-encoding what URI refuses; null when even that does not make one. */
    static URI lenient(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            try {
                return new URI(encode(s));
            } catch (URISyntaxException e2) {
                return null;
            }
        }
    }

    private static URI resolve(URI base, URI rel) {
        // URI.resolve mishandles a base without a path ("http://host" + "a" gives "http://hosta").
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            try {
                base = new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
            } catch (URISyntaxException ignored) {
                // keep the base as it is
            }
        }
        return base.resolve(rel);
    }

    private static URI withoutDotSegments(URI u) {
        URI n = u.normalize();
        String path = n.getRawPath();
        if (path == null || !path.startsWith("/..")) {
            return n;
        }
        // Segments that climb above the root are dropped, as browsers do.
        while (path.startsWith("/../") || path.equals("/..")) {
            path = path.length() == 3 ? "/" : path.substring(3);
        }
        String s = n.getScheme() + "://" + n.getRawAuthority() + path + (n.getRawQuery() != null ? "?"
                + n.getRawQuery() : "") + (n.getRawFragment() != null ? "#" + n.getRawFragment() : "");
        URI fixed = lenient(s);
        return fixed == null ? n : fixed;
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        boolean fragment = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                sb.append('%');
            } else if (cp == '#' && !fragment) {
                fragment = true;
                sb.append('#');
            } else if (cp < 128 && ALLOWED.indexOf(cp) >= 0 && cp != '#' && cp != '%') {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
            i += len;
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
