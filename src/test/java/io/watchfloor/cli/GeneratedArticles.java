package io.watchfloor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Articles written for the delivery tests, many alerts from few files: on each of twelve pairs of countries, crises
 * of five days (a strike, the retaliation two days later, an ambassador recalled, a ministerial visit, a ceasefire),
 * every report fresh (the event the day before publication, so no alert's severity changes with a later report),
 * some strikes reported twice (a second source: an update, not a second alert), and domestic news in between. About
 * six alerts a crisis. Deterministic for a seed. Facts only (countries, capitals); the sentences are this project's.
 */
final class GeneratedArticles {
    /** One article: its file name and text, in publication order. */
    record Article(String name, LocalDate published, String text) { }

    private static final String[][] PAIRS = {
        {"Iran", "Pakistan", "Iranian", "Pakistani", "Islamabad"},
        {"India", "Pakistan", "Indian", "Pakistani", "Islamabad"},
        {"Israel", "Lebanon", "Israeli", "Lebanese", "Beirut"},
        {"Armenia", "Azerbaijan", "Armenian", "Azerbaijani", "Baku"},
        {"Thailand", "Cambodia", "Thai", "Cambodian", "Phnom Penh"},
        {"Russia", "Ukraine", "Russian", "Ukrainian", "Kyiv"},
        {"China", "Japan", "Chinese", "Japanese", "Tokyo"},
        {"Ethiopia", "Eritrea", "Ethiopian", "Eritrean", "Asmara"},
        {"Venezuela", "Guyana", "Venezuelan", "Guyanese", "Georgetown"},
        {"Serbia", "Kosovo", "Serbian", "Kosovar", "Pristina"},
        {"Sudan", "South Sudan", "Sudanese", "South Sudanese", "Juba"},
        {"Peru", "Ecuador", "Peruvian", "Ecuadorian", "Quito"},
    };

    /** The crisis, day by day: {day, sentence}; {A}/{B} the countries, {Aadj}, {Bcap}, {when} the day before. */
    private static final String[][] CRISIS = {
        {"0", "{A} launched missile strikes on military targets inside {B} {when}, officials said."},
        {"2", "{B} retaliated with strikes inside {A} {when}, two days after the first attack."},
        {"3", "{A} recalled its ambassador from {B} {when} in protest."},
        {"5", "The {Aadj} Foreign Minister arrived in {Bcap} {when} for talks with his counterpart."},
        {"6", "{A} and {B} agreed to a ceasefire {when} after days of fighting."},
    };

    private static final String[] FILLER = {
        "The central bank kept interest rates unchanged, citing steady inflation.",
        "City officials opened a new tram line linking the northern suburbs with the old town.",
        "The national library began digitising its collection of old newspapers.",
        "Engineers finished repairs on the old bridge, closed to heavy traffic since spring.",
        "Hospitals reported fewer seasonal flu cases than last year.",
    };

    private GeneratedArticles() { }

    /** About {@code crises} crises (each about six alerts) and a domestic article for every two crisis reports. */
    static List<Article> crises(int crises, long seed) {
        Random rnd = new Random(seed);
        List<Article> out = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int c = 0; c < crises; c++) {
            String[] pair = PAIRS[c % PAIRS.length];
            boolean flip = rnd.nextBoolean();
            String[] p = flip ? new String[] {pair[1], pair[0], pair[3], pair[2], capitalOf(pair[0])} : pair;
            // A pair's crises are three weeks apart: each one's alerts are alerts of their own.
            LocalDate day0 = start.plusDays(21L * (c / PAIRS.length) + c % 5);
            for (String[] step : CRISIS) {
                LocalDate published = day0.plusDays(Integer.parseInt(step[0]));
                String sentence = fill(step[1], p, published.minusDays(1), rnd);
                out.add(article(out.size(), published, p[0] + " and " + p[1] + ": tensions", sentence, rnd));
                if (step[0].equals("0") && rnd.nextInt(3) == 0) {
                    out.add(article(out.size(), published, p[0] + " strikes " + p[1], sentence, rnd));
                }
                if (rnd.nextBoolean()) {
                    out.add(article(out.size(), published, "Daily news roundup", null, rnd));
                }
            }
        }
        out.sort((x, y) -> x.published().compareTo(y.published()) != 0 ? x.published().compareTo(y.published())
                : x.name().compareTo(y.name()));
        return out;
    }

    /** The capital of the first country of a pair in PAIRS (the flipped pair's target). */
    private static String capitalOf(String country) {
        return switch (country) {
            case "Iran" -> "Tehran";
            case "India" -> "New Delhi";
            case "Israel" -> "Jerusalem";
            case "Armenia" -> "Yerevan";
            case "Thailand" -> "Bangkok";
            case "Russia" -> "Moscow";
            case "China" -> "Beijing";
            case "Ethiopia" -> "Addis Ababa";
            case "Venezuela" -> "Caracas";
            case "Serbia" -> "Belgrade";
            case "Sudan" -> "Khartoum";
            case "Peru" -> "Lima";
            default -> throw new IllegalArgumentException(country);
        };
    }

    private static String fill(String template, String[] p, LocalDate when, Random rnd) {
        String day = rnd.nextBoolean() ? "yesterday"
                : "on " + when.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return template.replace("{A}", p[0]).replace("{B}", p[1]).replace("{Aadj}", p[2]).replace("{Bcap}", p[4])
                .replace("{when}", day);
    }

    private static Article article(int i, LocalDate published, String title, String event, Random rnd) {
        StringBuilder body = new StringBuilder(title).append("\n\nPublished: ").append(published).append("\n\n");
        if (event != null) {
            body.append(event).append("\n\n");
        }
        for (int k = 0; k < 3; k++) {
            body.append(FILLER[rnd.nextInt(FILLER.length)]).append(' ');
        }
        return new Article(String.format("g%05d.txt", i), published, body.toString().strip() + "\n");
    }

    /** Writes the articles of {@code crises(N, SEED)} into DIR: {@code GeneratedArticles N DIR [SEED]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[1]));
        for (Article a : crises(Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 1)) {
            Files.writeString(dir.resolve(a.name()), a.text(), StandardCharsets.UTF_8);
        }
    }
}
