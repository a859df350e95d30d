package io.watchfloor.board;

/**
 * A pair's signals over the board's days as an inline SVG: escalation bars up (red), de-escalation bars down
 * (green) from a middle line, as in the digest's chart. Made of numbers only; the label is escaped.
 */
final class Sparkline {
    static final int WIDTH = 150;
    static final int HEIGHT = 36;

    private Sparkline() { }

    static String svg(int[] up, int[] down, String label) {
        int days = up.length;
        int max = 1;
        for (int i = 0; i < days; i++) {
            max = Math.max(max, Math.max(up[i], down[i]));
        }
        double bar = (double) WIDTH / days;
        double half = HEIGHT / 2.0 - 1;
        StringBuilder b = new StringBuilder(1024);
        b.append("<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\"><title>").append(Html.escape(label)).append("</title>");
        b.append("<line x1=\"0\" y1=\"").append(HEIGHT / 2).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT / 2).append("\" stroke=\"#999\" stroke-width=\"0.5\"/>");
        for (int i = 0; i < days; i++) {
            String x = d(i * bar + 0.5);
            String w = d(Math.max(1, bar - 1));
            if (up[i] > 0) {
                double h = Math.max(1.5, half * up[i] / max);
                b.append("<rect class=\"up\" x=\"").append(x).append("\" y=\"")
                        .append(d(HEIGHT / 2.0 - h)).append("\" width=\"")
                        .append(w).append("\" height=\"").append(d(h))
                        .append("\" fill=\"#c62828\"/>");
            }
            if (down[i] > 0) {
                double h = Math.max(1.5, half * down[i] / max);
                b.append("<rect class=\"down\" x=\"").append(x).append("\" y=\"").append(HEIGHT / 2)
                        .append("\" width=\"").append(w).append("\" height=\"")
                        .append(d(h)).append("\" fill=\"#2e7d32\"/>");
            }
        }
        return b.append("</svg>").toString();
    }

    /** One decimal, without String.format (the board draws thousands of these per page). */
    private static String d(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
