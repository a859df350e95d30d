package io.watchfloor.model;

/** Links from feeds and articles as mail and the board may show them. */
public final class WebLinks {
    private WebLinks() { }

    /** The link when it is a plain web link, else null: no javascript:, data: or anything else from a feed. */
    public static String webOnly(String link) {
        if (link == null) {
            return null;
        }
        String l = link.strip();
        return l.regionMatches(true, 0, "https://", 0, 8) || l.regionMatches(true, 0, "http://", 0, 7) ? l : null;
    }
}
