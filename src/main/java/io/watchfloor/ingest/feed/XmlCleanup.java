package io.watchfloor.ingest.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Text-level repairs made before (or, for entities, after a first failed) XML parse, as feed readers make them:
 * characters XML 1.0 forbids are removed (one stray control character must not cost a whole feed), and HTML entities
 * and bare ampersands that XML does not know are made into what their authors meant.
 */
final class XmlCleanup {
    /** The text with the forbidden characters removed, and how many were removed. */
    record Cleaned(String text, int removed) { }

    private static final Pattern CHAR_REF = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));");
    /** Every ampersand, with the reference it may start ("&" alone is a bare one, as in "Fish & chips"). */
    private static final Pattern AMPERSAND = Pattern.compile("&(?:(#[xX][0-9a-fA-F]+|#[0-9]+)|([A-Za-z][A-Za-z0-9]*))?;?");

    private XmlCleanup() { }

    /**
     * Removes characters outside XML 1.0's Char production (C0 controls but tab, LF and CR; lone surrogates; U+FFFE
     * and U+FFFF), and character references to them, which the parser would refuse just the same.
     */
    static Cleaned removeForbidden(String s) {
        StringBuilder out = null;
        int removed = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (ok) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                removed++;
            }
        }
        String text = out == null ? s : out.toString();
        if (text.indexOf("&#") >= 0) {
            Matcher m = CHAR_REF.matcher(text);
            StringBuilder sb = new StringBuilder(text.length());
            int refs = 0;
            while (m.find()) {
                long cp = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
                boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                m.appendReplacement(sb, allowed ? Matcher.quoteReplacement(m.group()) : "");
                refs += allowed ? 0 : 1;
            }
            m.appendTail(sb);
            if (refs > 0) {
                text = sb.toString();
                removed += refs;
            }
        }
        return new Cleaned(text, removed);
    }

    /**
     * HTML named entities ({@code &nbsp;}, {@code &eacute;}) become character references; an ampersand that starts
     * no reference becomes {@code &amp;}. CDATA sections, comments and processing instructions are left alone.
     * Returns how many were repaired through {@code count[0]}.
     */
    static String repairEntities(String s, int[] count) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        while (i < s.length()) {
            int next = nextProtected(s, i);
            int stop = next < 0 ? s.length() : next;
            out.append(repairRun(s.substring(i, stop), count));
            if (next < 0) {
                break;
            }
            String close = s.startsWith("<![CDATA[", next) ? "]]>" : s.startsWith("<!--", next) ? "-->" : "?>";
            int end = s.indexOf(close, next);
            end = end < 0 ? s.length() : end + close.length();
            out.append(s, next, end);
            i = end;
        }
        return out.toString();
    }

    private static int nextProtected(String s, int from) {
        int best = -1;
        for (String open : new String[] {"<![CDATA[", "<!--", "<?"}) {
            int at = s.indexOf(open, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    private static String repairRun(String run, int[] count) {
        if (run.indexOf('&') < 0) {
            return run;
        }
        StringBuilder sb = new StringBuilder(run.length() + 16);
        int last = 0;
        Matcher m = AMPERSAND.matcher(run);
        while (m.find()) {
            sb.append(run, last, m.start());
            last = m.end();
            boolean terminated = m.group().endsWith(";");
            if (m.group(1) != null && terminated) {
                sb.append(m.group());   // a character reference
            } else if (m.group(2) != null && terminated && isXmlEntity(m.group(2))) {
                sb.append(m.group());
            } else if (m.group(2) != null && terminated && Entities.isNamedEntity(m.group(2))) {
                String value = Entities.getByName(m.group(2));
                value.codePoints().forEach(cp -> sb.append("&#").append(cp).append(';'));
                count[0]++;
            } else {
                sb.append("&amp;").append(m.group(), 1, m.group().length());
                count[0]++;
            }
        }
        return sb.append(run, last, run.length()).toString();
    }

    private static boolean isXmlEntity(String name) {
        return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot")
                || name.equals("apos");
    }
}
