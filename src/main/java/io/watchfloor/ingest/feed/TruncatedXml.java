package io.watchfloor.ingest.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be read of a document that breaks off (a truncated download, a half-written file, a tag that never
 * closes): it is cut after the last item or entry that ended before the error, and the elements still open there are
 * closed, so every complete item before the damage is kept.
 */
final class TruncatedXml {
    private static final Pattern ITEM_END = Pattern.compile("</(?:[A-Za-z_][\\w.-]*:)?(?:item|entry)\\s*>");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.:-]*");

    private TruncatedXml() { }

    /**
     * The document cut after the last complete item before {@code errorOffset}, with its open elements closed; null
     * when no item ended before it.
     */
    static String cutBefore(String xml, int errorOffset) {
        Matcher m = ITEM_END.matcher(xml);
        int cut = -1;
        while (m.find() && m.end() <= errorOffset) {
            cut = m.end();
        }
        if (cut < 0) {
            return null;
        }
        Deque<String> open = openElements(xml, cut);
        if (open == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(cut + 64).append(xml, 0, cut).append('\n');
        for (Iterator<String> it = open.iterator(); it.hasNext(); ) {
            sb.append("</").append(it.next()).append('>');   // innermost first: the deque's head
        }
        return sb.toString();
    }

    /** Character offset of a 1-based line and column, as the parser reports them. */
    static int offset(String xml, int line, int column) {
        int l = 1;
        int i = 0;
        while (l < line && i < xml.length()) {
            char c = xml.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= xml.length() || xml.charAt(i) != '\n'))) {
                l++;
            }
        }
        return Math.min(xml.length(), i + Math.max(0, column - 1));
    }

    /** The elements open at {@code end}, innermost first; null when the markup before it cannot be followed. */
    private static Deque<String> openElements(String xml, int end) {
        Deque<String> stack = new ArrayDeque<>();
        int i = xml.indexOf('<');
        while (i >= 0 && i < end) {
            if (xml.startsWith("<!--", i)) {
                i = after(xml, i, "-->");
            } else if (xml.startsWith("<![CDATA[", i)) {
                i = after(xml, i, "]]>");
            } else if (xml.startsWith("<?", i) || xml.startsWith("<!", i)) {
                i = after(xml, i, ">");
            } else if (xml.startsWith("</", i)) {
                Matcher n = NAME.matcher(xml).region(i + 2, xml.length());
                if (!n.lookingAt()) {
                    return null;
                }
                String name = n.group();
                // Pop to the matching element (an unclosed inner element is forgiven, as the cut closes it anyway).
                if (stack.contains(name)) {
                    while (!stack.pop().equals(name)) {
                        // popping
                    }
                }
                i = after(xml, i, ">");
            } else {
                Matcher n = NAME.matcher(xml).region(i + 1, xml.length());
                if (!n.lookingAt()) {
                    i = xml.indexOf('<', i + 1);
                    continue;
                }
                int close = tagEnd(xml, n.end());
                if (close < 0) {
                    return null;
                }
                if (xml.charAt(close - 1) != '/') {
                    stack.push(n.group());
                }
                i = close + 1;
            }
            if (i < 0) {
                return null;
            }
            i = xml.indexOf('<', i);
        }
        return stack;
    }

    private static int after(String xml, int from, String close) {
        int at = xml.indexOf(close, from);
        return at < 0 ? -1 : at + close.length();
    }

    /** The '>' that ends a start tag, skipping quoted attribute values. */
    private static int tagEnd(String xml, int from) {
        char quote = 0;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }
}
