package io.watchfloor.notify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A small PNG for the digest: one column a day, escalation signals as red bars above the line, de-escalation
 * signals as green bars below it.
 */
final class SignalChart {
    static final int WIDTH = 600;
    static final int HEIGHT = 140;

    private SignalChart() { }

    /** counts: per day, {escalations, de-escalations}. */
    static byte[] png(LocalDate from, LocalDate to, Map<LocalDate, int[]> counts) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            int max = 1;
            for (int[] c : counts.values()) {
                max = Math.max(max, Math.max(c[0], c[1]));
            }
            int left = 30;
            int right = 10;
            int mid = HEIGHT / 2;
            int half = mid - 16;
            double col = (WIDTH - left - right) / (double) days;
            for (int i = 0; i < days; i++) {
                int[] c = counts.getOrDefault(from.plusDays(i), new int[2]);
                int x = left + (int) Math.round(i * col);
                int w = Math.max(1, (int) Math.round(col) - 2);
                int up = (int) Math.round(half * c[0] / (double) max);
                int down = (int) Math.round(half * c[1] / (double) max);
                g.setColor(new Color(0xC6, 0x28, 0x28));
                g.fillRect(x, mid - up, w, up);
                g.setColor(new Color(0x2E, 0x7D, 0x32));
                g.fillRect(x, mid, w, down);
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, mid, WIDTH - right, mid);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString(Integer.toString(max), 4, mid - half + 8);
            g.drawString(Integer.toString(max), 4, mid + half);
            g.drawString(from.toString(), left, HEIGHT - 2);
            g.drawString(to.toString(), WIDTH - right - 60, HEIGHT - 2);
            g.drawString("escalation", left + 2, 11);
            g.drawString("de-escalation", left + 2, mid + 12);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
