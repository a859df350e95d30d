package io.watchfloor.board;

/** Escaping for the few strings the board writes outside its templates, and the links it lets through. */
final class Html {
    private Html() { }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Only plain web links become links: no javascript:, data: or anything else from a feed. */
    static String webLink(String link) {
        if (link == null) {
            return null;
        }
        String l = link.strip();
        return l.regionMatches(true, 0, "https://", 0, 8) || l.regionMatches(true, 0, "http://", 0, 7) ? l : null;
    }
}
