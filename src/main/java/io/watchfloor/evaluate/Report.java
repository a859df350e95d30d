package io.watchfloor.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchfloor.model.Alert;
import io.watchfloor.model.SignalType;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcome of evaluating one set. Findings are sorted by article, then by what they say, so that two runs diff
 * line by line.
 *
 * @param set             the set's name (its folder, or the converted file)
 * @param articles        labeled articles
 * @param traps           of which traps
 * @param unlabeled       articles of the set without labels (replayed, not scored)
 * @param perType         scores per row: a signal type, or the types of requirements that allow several
 * @param overall         summed over the rows: tp requirements met, fp false alarms, fn requirements missed
 * @param misses          requirements not met
 * @param falseAlarms     signals no label allows
 * @param wrongEvidence   matched signals whose sentence lacks the labeled evidence text
 * @param trapAlerts      alerts raised or updated on trap articles alone, in replay order
 * @param streams         alerts the set's streams file expects
 * @param unmetStreams    of which not raised
 */
public record Report(String set, int articles, int traps, int unlabeled, Map<String, Score> perType, Score overall,
                     List<Finding> misses, List<Finding> falseAlarms, List<Finding> wrongEvidence,
                     List<AlertFinding> trapAlerts, int streams, List<String> unmetStreams) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Report {
        TreeMap<String, Score> rows = new TreeMap<>(Kinds.ORDER);
        rows.putAll(perType);
        perType = Collections.unmodifiableMap(rows);
        misses = List.copyOf(misses);
        falseAlarms = List.copyOf(falseAlarms);
        wrongEvidence = List.copyOf(wrongEvidence);
        trapAlerts = List.copyOf(trapAlerts);
        unmetStreams = List.copyOf(unmetStreams);
    }

    /** What to print. */
    public enum Section {
        /** The figures and the per-type table. */
        FIGURES,
        MISSES,
        /** False alarms, and matches with the wrong sentence. */
        FALSE_ALARMS,
        /** Trap alerts, and expected alerts not raised. */
        ALERTS;

        /** The name on the command line: "false-alarms". */
        public String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** True positives, false positives (false alarms) and false negatives (misses). */
    public record Score(int tp, int fp, int fn) {
        /** 1 when nothing was found (no false alarm is possible); score.py prints 0 there. */
        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        /** 1 when nothing was required; score.py prints 0 there. */
        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int required() {
            return tp + fn;
        }
    }

    /** An alert as a trap alert is listed: {@code articles} by the names the set gives them. */
    public record AlertFinding(String severity, String category, String type, List<String> actors, String rule,
                               String title, List<String> articles) {
        static AlertFinding of(Alert a, Map<String, String> names) {
            return new AlertFinding(a.severity().name(), a.category().name(), a.type(), a.actors(), a.rule(),
                    a.title(), a.articles().stream().map(id -> names.getOrDefault(id, id)).toList());
        }
    }

    /** False alarms in trap articles. */
    public int trapFalseAlarms() {
        return (int) falseAlarms.stream().filter(Finding::trap).count();
    }

    /** Escalation signals from trap articles that no label allows. */
    public List<Finding> trapEscalations() {
        return falseAlarms.stream().filter(f -> f.trap() && SignalType.valueOf(f.kind()).escalation()).toList();
    }

    /** The figures on one line, as score.py prints them (with three decimals). */
    public String figures() {
        return String.format(Locale.ROOT, "precision=%.3f recall=%.3f required=%d tp=%d fp=%d fn=%d trapFP=%d"
                        + " trapAlerts=%d%s", overall.precision(), overall.recall(), overall.required(), overall.tp(),
                overall.fp(), overall.fn(), trapFalseAlarms(), trapAlerts.size(),
                streams == 0 ? "" : " streamAlerts=" + (streams - unmetStreams.size()) + "/" + streams);
    }

    /** The report as developers read it. */
    public void print(PrintWriter out, Set<Section> show) {
        out.printf(Locale.ROOT, "== %s: %d labeled articles (%d traps)%s%n", set, articles, traps,
                unlabeled > 0 ? ", " + unlabeled + " unlabeled articles not scored" : "");
        if (show.contains(Section.FIGURES)) {
            out.println(figures());
            int w = Math.max(20, perType.keySet().stream().mapToInt(String::length).max().orElse(0));
            out.printf(Locale.ROOT, "%-" + w + "s %5s %5s %5s  %9s %6s %6s%n", "type", "tp", "fp", "fn", "precision",
                    "recall", "F1");
            perType.forEach((k, s) -> row(out, w, k, s));
            row(out, w, "overall", overall);
        }
        if (show.contains(Section.MISSES)) {
            section(out, "misses", misses);
        }
        if (show.contains(Section.FALSE_ALARMS)) {
            section(out, "false alarms", falseAlarms);
            if (!wrongEvidence.isEmpty()) {
                section(out, "matched with the wrong evidence sentence", wrongEvidence);
            }
        }
        if (show.contains(Section.ALERTS)) {
            out.printf("trap alerts: %d%n", trapAlerts.size());
            for (AlertFinding a : trapAlerts) {
                out.printf("  [%s] %s %s %s (rule %s): %s%n      articles: %s%n", a.severity(), a.category(),
                        a.type(), String.join("-", a.actors()), a.rule(), a.title(), String.join(", ", a.articles()));
            }
            if (streams > 0) {
                out.printf("expected alerts not raised: %d of %d%n", unmetStreams.size(), streams);
                unmetStreams.forEach(s -> out.printf("  %s%n", s));
            }
        }
        out.println();
    }

    private static void row(PrintWriter out, int width, String name, Score s) {
        out.printf(Locale.ROOT, "%-" + width + "s %5d %5d %5d  %9.3f %6.3f %6.3f%n", name, s.tp(), s.fp(), s.fn(),
                s.precision(), s.recall(), s.f1());
    }

    private static void section(PrintWriter out, String title, List<Finding> fs) {
        out.printf("%s: %d%n", title, fs.size());
        for (Finding f : fs) {
            out.printf("  %s  %s%s%n", f.article(), f.what(), f.trap() ? "  [trap]" : "");
            if (f.evidence() != null) {
                out.printf("      \"%s\"%n", f.evidence());
            }
        }
    }

    /**
     * The report as JSON Lines, for tools: one object per finding ({@code kind} miss, false, wrongEvidence,
     * trapAlert, unmetStream), then the set's figures ({@code kind} set).
     */
    public void printJson(PrintWriter out, Set<Section> show) {
        if (show.contains(Section.MISSES)) {
            misses.forEach(f -> out.println(finding("miss", f)));
        }
        if (show.contains(Section.FALSE_ALARMS)) {
            falseAlarms.forEach(f -> out.println(finding("false", f)));
            wrongEvidence.forEach(f -> out.println(finding("wrongEvidence", f)));
        }
        if (show.contains(Section.ALERTS)) {
            for (AlertFinding a : trapAlerts) {
                ObjectNode n = node("trapAlert");
                n.put("severity", a.severity());
                n.put("category", a.category());
                n.put("type", a.type());
                a.actors().forEach(n.putArray("actors")::add);
                n.put("rule", a.rule());
                n.put("title", a.title());
                a.articles().forEach(n.putArray("articles")::add);
                out.println(write(n));
            }
            unmetStreams.forEach(s -> out.println(write(node("unmetStream").put("expected", s))));
        }
        ObjectNode n = node("set");
        n.put("articles", articles).put("traps", traps).put("unlabeled", unlabeled);
        score(n, overall);
        n.put("required", overall.required()).put("trapFP", trapFalseAlarms()).put("trapAlerts", trapAlerts.size());
        if (streams > 0) {
            n.put("streamAlerts", streams - unmetStreams.size()).put("streams", streams);
        }
        ObjectNode rows = n.putObject("perType");
        perType.forEach((k, s) -> score(rows.putObject(k), s));
        out.println(write(n));
    }

    private ObjectNode node(String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind);
        n.put("set", set);
        return n;
    }

    private ObjectNode finding(String kind, Finding f) {
        ObjectNode n = node(kind);
        n.put("article", f.article());
        n.put("type", f.kind());
        n.put("what", f.what());
        if (f.evidence() != null) {
            n.put("evidence", f.evidence());
        }
        n.put("trap", f.trap());
        return n;
    }

    private static void score(ObjectNode n, Score s) {
        n.put("precision", round(s.precision())).put("recall", round(s.recall()))
                .put("tp", s.tp()).put("fp", s.fp()).put("fn", s.fn());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per set, to compare sets (and runs) at a glance. */
    public static void printSummary(PrintWriter out, List<Report> reports) {
        int w = Math.max(3, reports.stream().mapToInt(r -> r.set().length()).max().orElse(3));
        String head = "%-" + w + "s %8s %5s %8s %5s %5s %5s %9s %6s %6s %10s%n";
        out.printf(Locale.ROOT, "summary%n" + head, "set", "articles", "traps", "required", "tp", "fp", "fn",
                "precision", "recall", "trapFP", "trapAlerts");
        for (Report r : reports) {
            Score s = r.overall();
            out.printf(Locale.ROOT, "%-" + w + "s %8d %5d %8d %5d %5d %5d %9.3f %6.3f %6d %10d%n", r.set(), r.articles(),
                    r.traps(), s.required(), s.tp(), s.fp(), s.fn(), s.precision(), s.recall(), r.trapFalseAlarms(),
                    r.trapAlerts().size());
        }
    }
}
