package io.watchfloor.ingest.feed;

import io.watchfloor.ingest.ArticleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML from feeds (titles, descriptions, content) to plain text with jsoup: scripts, styles and embedded objects are
 * dropped with their content, every tag is removed, entities are decoded, block elements become paragraph breaks.
 * Text that holds no markup comes back unchanged apart from whitespace.
 */
public final class HtmlText {
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "iframe", "object", "embed",
            "template", "svg", "math", "form", "button", "select", "textarea", "head");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "pre", "tr", "table", "section", "article", "header", "footer", "figure",
            "figcaption", "hr", "dd", "dt", "dl", "aside", "main", "nav", "address");
    private static final String BREAK = "\u0000";

    private HtmlText() { }

    /** Plain text, paragraphs separated by a blank line. */
    public static String toPlain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(String.join(", ", DROPPED)).remove();
        StringBuilder sb = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append(BREAK);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append(BREAK);
                }
            }
        }, doc.body());
        List<String> paragraphs = new ArrayList<>();
        for (String part : sb.toString().split("[\\u0000\\n\\r]+")) {
            String p = ArticleParser.collapse(part);
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** Plain text on one line (titles). */
    public static String toLine(String html) {
        return ArticleParser.collapse(toPlain(html));
    }
}
