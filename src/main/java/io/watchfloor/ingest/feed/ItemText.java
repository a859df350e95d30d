package io.watchfloor.ingest.feed;

import io.watchfloor.ingest.ArticleParser;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * The text of a title, description or content element, as its type says: Atom's {@code type="text"} (the default)
 * is literal ("Why &lt;blink&gt; died" keeps its word in angle brackets), {@code html} and RSS descriptions are HTML,
 * {@code xhtml} and any element that holds markup rather than text (an XHTML body inside a description) are
 * serialised and read as HTML. RSS titles have no type: they are read as HTML only when they look like it, as feed
 * readers guess. An escaped body that is still markup after one reading ({@code &amp;lt;div&amp;gt;}) is read once
 * more. Encoding accidents are mended ({@link Mojibake}).
 */
final class ItemText {
    /** Elements whose presence (with a closing tag or an entity) makes a title HTML. */
    private static final Set<String> HTML_ELEMENTS = Set.of("a", "abbr", "acronym", "b", "big", "br", "cite",
            "code", "del", "dfn", "div", "em", "font", "i", "img", "ins", "kbd", "p", "q", "s", "samp", "small", "span",
            "strike", "strong", "sub", "sup", "tt", "u", "var");
    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)\\b[^<>]*>");
    private static final Pattern LOOKS_HTML = Pattern.compile("</[A-Za-z][A-Za-z0-9]*>|&#?\\w+;");
    private static final Pattern STILL_MARKUP = Pattern.compile(
            "(?is)^\\s*<(div|p|span|table|section|article|ul|ol|h[1-6]|blockquote|figure|img|br)\\b.*>.*");

    private ItemText() { }

    /** A title on one line. */
    static String title(Element e, boolean atom) {
        if (e == null) {
            return "";
        }
        String type = type(e, atom);
        String text;
        if (type.equals("xhtml") || hasElements(e)) {
            text = HtmlText.toLine(inner(e));
        } else if (type.equals("html")) {
            text = HtmlText.toLine(e.getText());
        } else if (!atom && looksLikeHtml(e.getText())) {
            text = HtmlText.toLine(e.getText());
        } else {
            text = ArticleParser.collapse(e.getText());
        }
        return Mojibake.mend(text);
    }

    /** A body as paragraphs separated by blank lines. */
    static String body(Element e, boolean atom) {
        if (e == null) {
            return "";
        }
        String type = type(e, atom);
        String text;
        if (type.equals("xhtml") || hasElements(e)) {
            text = HtmlText.toPlain(inner(e));
        } else if (type.equals("text") && atom && !looksLikeHtml(e.getText())) {
            text = literal(e.getText());
        } else {
            text = HtmlText.toPlain(e.getText());
            if (STILL_MARKUP.matcher(text).matches()) {
                text = HtmlText.toPlain(text);   // escaped twice: markup only after the first reading
            }
        }
        return Mojibake.mend(text);
    }

    /** "text", "html" or "xhtml"; Atom's default is text, RSS's elements are HTML. */
    private static String type(Element e, boolean atom) {
        String t = e.getAttributeValue("type");
        if (t == null || t.isBlank()) {
            return atom ? "text" : "html";
        }
        t = t.strip().toLowerCase(Locale.ROOT);
        if (t.equals("xhtml") || t.contains("xhtml")) {
            return "xhtml";
        }
        if (t.equals("html") || t.equals("text/html") || t.equals("escaped")) {
            return "html";
        }
        return t.startsWith("text") ? "text" : "html";
    }

    private static boolean hasElements(Element e) {
        return !e.getChildren().isEmpty();
    }

    /** The element's content as markup (its child elements serialised, namespace prefixes and all). */
    private static String inner(Element e) {
        XMLOutputter out = new XMLOutputter(Format.getRawFormat());
        StringBuilder sb = new StringBuilder();
        for (Content c : e.getContent()) {
            if (c instanceof Element child) {
                sb.append(out.outputString(withoutNamespaces(child.clone())));
            } else if (c.getCType() == Content.CType.Text || c.getCType() == Content.CType.CDATA) {
                sb.append(out.escapeElementEntities(c.getValue()));
            }
        }
        return sb.toString();
    }

    /** The element with its names unprefixed: HTML reading knows {@code p}, not {@code xhtml:p}. */
    private static Element withoutNamespaces(Element e) {
        e.setNamespace(Namespace.NO_NAMESPACE);
        for (Namespace extra : List.copyOf(e.getAdditionalNamespaces())) {
            e.removeNamespaceDeclaration(extra);
        }
        e.getChildren().forEach(ItemText::withoutNamespaces);
        return e;
    }

    /** Feed readers' guess: a closing tag or an entity, and every tag a known inline or block HTML element. */
    static boolean looksLikeHtml(String s) {
        if (s == null || !LOOKS_HTML.matcher(s).find()) {
            return false;
        }
        Matcher m = TAG.matcher(s);
        while (m.find()) {
            if (!HTML_ELEMENTS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static String literal(String s) {
        StringBuilder sb = new StringBuilder();
        for (String p : s.split("\\n\\s*\\n")) {
            String c = ArticleParser.collapse(p);
            if (!c.isEmpty()) {
                sb.append(sb.length() > 0 ? "\n\n" : "").append(c);
            }
        }
        return sb.toString();
    }
}
