#!/usr/bin/env python3
"""Summary of a bench/jmh.sh run: time per article of each stage, extraction per 5 KB, rules per signal.

usage: summary.py RESULT.json STATS_DIR
RESULT.json is JMH's -rf json output (average time per article, or single shot per stream of articles); STATS_DIR holds what each benchmark's input looked like (written by the
benchmarks' setup: articles, bytes, signals ...). 5 KB is 5,000 bytes of article file, as in bench/gen_articles.py.
"""
import json
import os
import sys

KB5 = 5000
STAGES = [("ParseBench.parse", "parse"), ("ExtractBench.extract", "extract"), ("RulesBench.evaluate", "rules"),
          ("StoreBench.save", "store"),
          ("AlertsBench.stream", "alerts"), ("PipelineBench.stream", "pipeline")]
TO_US = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}


def stats(folder, name):
    out = {}
    try:
        with open(os.path.join(folder, name + ".properties"), encoding="utf-8") as f:
            for line in f:
                if "=" in line:
                    k, v = line.strip().split("=", 1)
                    out[k] = float(v)
    except FileNotFoundError:
        pass
    return out


def fmt_ms(us):
    return "%.3f ms" % (us / 1000) if us >= 100 else "%.1f us" % us


def main():
    results, folder = sys.argv[1], sys.argv[2]
    with open(results, encoding="utf-8") as f:
        runs = json.load(f)
    rows = []
    per_article = {}
    smaller = {}  # (stage, input, catalogue): the same stage with less of the actor catalogue
    for r in runs:
        bench = r["benchmark"].rsplit(".", 2)
        key = bench[-2] + "." + bench[-1]
        stage = dict(STAGES).get(key)
        if stage is None:
            continue
        m = r["primaryMetric"]
        unit = TO_US.get(m["scoreUnit"])
        if unit is None:
            print("(%s: unit %s, not summarised: run in avgt mode)" % (key, m["scoreUnit"]))
            continue
        us = float(m["score"]) * unit
        err = float(m["scoreError"]) * unit  # "NaN" with fewer than 3 iterations
        if err != err:
            err = 0.0
        inp = r.get("params", {}).get("input", "generated")
        catalogue = r.get("params", {}).get("catalogue", "full")
        s = stats(folder, "%s-%s%s" % (stage, inp, "" if catalogue == "full" else "-" + catalogue))
        label = stage if catalogue == "full" else "%s (%s catalogue)" % (stage, catalogue)
        if r["mode"] == "ss":
            # Single shot: one operation is the whole stream.
            if not s.get("articles"):
                continue
            us, err = us / s["articles"], err / s["articles"]
        per5, notes = "", []
        if s.get("bytes") and s.get("articles"):
            mean = s["bytes"] / s["articles"]
            per5 = fmt_ms(us * KB5 / mean)
            notes.append("%d articles, mean %.1f KB" % (s["articles"], mean / 1000))
        if stage in ("extract", "rules") and s.get("signals"):
            notes.append("%d signals in %d articles" % (s["signals"], s.get("articlesWithSignals", 0)))
        if stage == "rules" and s.get("signals"):
            notes.append("%.1f us/signal, window mean %d max %d" % (us * s["articles"] / s["signals"],
                                                                  s.get("meanWindow", 0), s.get("maxWindow", 0)))
        if stage == "alerts" and s.get("alertDrafts"):
            notes.append("%d drafts in %d articles, %.0f us/draft, %d alerts on record at the end"
                         % (s["alertDrafts"], s.get("articlesWithDrafts", 0), us * s["articles"] / s["alertDrafts"],
                            s.get("alertsOnRecord", 0)))
        if stage == "pipeline":
            notes.append("%.0f articles/s" % (1e6 / us))
        if catalogue == "full":
            per_article[(stage, inp)] = us
        else:
            smaller[(stage, inp, catalogue)] = us
        rows.append((STAGES.index((key, stage)), inp, label, fmt_ms(us), "+-" + fmt_ms(err), per5, "; ".join(notes)))
    rows.sort(key=lambda t: (t[0], t[1], t[2]))
    head = ("stage", "input", "per article", "error (99.9%)", "per 5 KB", "input and notes")
    table = [head] + [(r[2], r[1]) + r[3:] for r in rows]
    widths = [max(len(str(t[i])) for t in table) for i in range(len(head))]
    print()
    print("watchfloor stages, time per article (JMH average time, one thread)")
    for i, t in enumerate(table):
        print("  " + "  ".join(str(c).ljust(widths[j]) for j, c in enumerate(t)).rstrip())
        if i == 0:
            print("  " + "  ".join("-" * w for w in widths))
    for (st, inp, catalogue), us in sorted(smaller.items()):
        if (st, inp) in per_article:
            print()
            print("%s, %s: the whole catalogue %s per article, its %s alone %s: %+.0f%%" % (
                st, inp, fmt_ms(per_article[(st, inp)]), catalogue, fmt_ms(us),
                100 * (per_article[(st, inp)] / us - 1)))
    parts = [(st, per_article[(st, "generated")]) for st in ("parse", "extract", "rules", "store", "alerts")
             if (st, "generated") in per_article]
    if len(parts) > 1:
        total = sum(us for _, us in parts)
        share = ", ".join("%s %d%%" % (st, round(100 * us / total)) for st, us in parts)
        top = max(parts, key=lambda p: p[1])
        print()
        print("generated stream, stages alone: %s of %s per article: %s dominates" % (share, fmt_ms(total), top[0]))
        if ("pipeline", "generated") in per_article:
            whole = per_article[("pipeline", "generated")]
            alone = sum(us for st, us in parts if st != "parse")
            print("pipeline (extract, store, rules, alerts; parsing is before it): %s per article, the same stages "
                  "alone: %s" % (fmt_ms(whole), fmt_ms(alone)))


if __name__ == "__main__":
    main()
