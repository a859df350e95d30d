package io.watchfloor.store;

final class Text {
    private Text() { }

    /** Column limits are generous; a longer value is cut rather than failing the whole article. */
    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
