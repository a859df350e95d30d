#!/usr/bin/env python3
"""Compares `watchfloor evaluate --format jsonl` with the outside corpus's score.py on the same replay.

usage: score_agreement.py EVALUATE.jsonl SCORE_PY.txt
EVALUATE.jsonl: evaluate's output for one set; SCORE_PY.txt: score.py's output on `replay --format jsonl` of that set.
Compares the figures, every miss (article and items), every false alarm (article, type, pair, event date) and the
number of trap alerts. Prints the differences; exit 1 if there are any.
"""
import json, re, sys


def evaluate_side(path):
    out = {"misses": set(), "false": set(), "figures": None, "trapAlerts": 0}
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        if o["kind"] == "miss":
            out["misses"].add((o["article"], o["what"]))
        elif o["kind"] == "false":
            # "STRIKE IND>PAK 2019-02-26" or "CLASH IND-PAK 2019-02-27 planned"; "?" for an unknown actor
            t, pair, date = o["what"].split(" ")[:3]
            a, b = re.split(r"[>-]", pair)
            out["false"].add((o["article"], t, None if a == "?" else a, b, date))
        elif o["kind"] == "trapAlert":
            out["trapAlerts"] += 1
        elif o["kind"] == "set":
            out["figures"] = {k: o[k] for k in ("required", "tp", "fp", "fn", "trapFP", "trapAlerts")}
            out["figures"]["precision"] = f"{o['precision']:.2f}"
            out["figures"]["recall"] = f"{o['recall']:.2f}"
    return out


def score_py_side(path):
    out = {"misses": set(), "false": set(), "figures": None, "trapAlerts": 0}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("MISS ALERT"):
            continue
        if line.startswith("MISS  "):
            art, items = line[6:].split(": ", 1)
            out["misses"].add((art, items))
        elif line.startswith("FALSE "):
            art, rest = line[6:].split(": ", 1)
            t, pair, date = rest.split(" :: ")[0].split(" ")[:3]
            a, b = pair.split(">")
            out["false"].add((art, t, None if a == "None" else a, b, date))
        elif line.startswith("TRAP ALERT"):
            out["trapAlerts"] += 1
        elif line.startswith("precision="):
            f = dict(kv.split("=") for kv in line.split())
            out["figures"] = {k: f[k] if k in ("precision", "recall") else int(f[k])
                              for k in ("precision", "recall", "required", "tp", "fp", "fn", "trapFP", "trapAlerts")}
    return out


def main():
    ev, py = evaluate_side(sys.argv[1]), score_py_side(sys.argv[2])
    problems = []
    if ev["figures"] != py["figures"]:
        problems.append(f"figures: evaluate {ev['figures']} score.py {py['figures']}")
    for what in ("misses", "false"):
        for x in sorted(ev[what] - py[what], key=str):
            problems.append(f"{what} only in evaluate: {x}")
        for x in sorted(py[what] - ev[what], key=str):
            problems.append(f"{what} only in score.py: {x}")
    if ev["trapAlerts"] != py["trapAlerts"]:
        problems.append(f"trap alerts listed: evaluate {ev['trapAlerts']} score.py {py['trapAlerts']}")
    for p in problems:
        print("DIFFERENT " + p)
    f = py["figures"]
    print(("agree: " if not problems else "disagree: ") + " ".join(f"{k}={v}" for k, v in f.items())
          + f" ({len(py['misses'])} misses and {len(py['false'])} false alarms compared one by one)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
