package io.watchfloor.evaluate;

import io.watchfloor.model.SignalType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an evaluation.
 *
 * @param articles        labeled articles evaluated
 * @param traps           of which trap articles
 * @param unlabeled       articles in the folder without labels (not scored)
 * @param perType         scores per signal type (types neither labeled nor extracted are absent)
 * @param overall         micro-averaged over all types
 * @param misses          labeled signals not extracted
 * @param falseAlarms     extracted signals not labeled (with their evidence sentence)
 * @param trapEscalations escalation signals extracted from trap articles
 * @param wrongEvidence   matched signals whose evidence sentence lacks the labeled evidence text
 * @param extractNanos    time spent extracting
 * @param chars           characters of text extracted from
 */
public record Report(int articles, int traps, int unlabeled, Map<SignalType, Score> perType, Score overall,
                     List<Finding> misses, List<Finding> falseAlarms, List<Finding> trapEscalations,
                     List<Finding> wrongEvidence, long extractNanos, long chars) {
    /** True positives, false positives (false alarms) and false negatives (misses). */
    public record Score(int tp, int fp, int fn) {
        /** 1 when nothing was extracted (no false alarm is possible). */
        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        /** 1 when nothing was expected. */
        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * One signal of one article.
     *
     * @param evidence the extracted signal's sentence (null for a miss)
     */
    public record Finding(String article, ExpectedSignal.Key signal, String evidence) { }

    /** The report as watch officers and developers read it. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%d labeled articles (%d traps)%s%n", articles, traps,
                unlabeled > 0 ? ", " + unlabeled + " unlabeled articles not scored" : "");
        out.printf(Locale.ROOT, "%-20s %5s %5s %5s  %9s %6s %6s%n", "type", "tp", "fp", "fn", "precision", "recall",
                "F1");
        for (Map.Entry<SignalType, Score> e : perType.entrySet()) {
            row(out, e.getKey().name(), e.getValue());
        }
        row(out, "overall", overall);
        section(out, "misses", misses, false);
        section(out, "false alarms", falseAlarms, true);
        section(out, "trap articles with escalation signals", trapEscalations, true);
        if (!wrongEvidence.isEmpty()) {
            section(out, "matched with the wrong evidence sentence", wrongEvidence, true);
        }
        if (articles > 0) {
            out.printf(Locale.ROOT, "%nextraction: %.3f ms per article, %.3f ms per 5 KB%n",
                    extractNanos / 1e6 / articles, chars == 0 ? 0 : extractNanos / 1e6 * 5120 / chars);
        }
    }

    private static void row(PrintWriter out, String name, Score s) {
        out.printf(Locale.ROOT, "%-20s %5d %5d %5d  %9.3f %6.3f %6.3f%n", name, s.tp(), s.fp(), s.fn(),
                s.precision(), s.recall(), s.f1());
    }

    private static void section(PrintWriter out, String title, List<Finding> fs, boolean evidence) {
        out.printf("%n%s: %d%n", title, fs.size());
        for (Finding f : fs) {
            out.printf("  %s  %s%n", f.article(), f.signal());
            if (evidence && f.evidence() != null) {
                out.printf("      \"%s\"%n", f.evidence());
            }
        }
    }
}
