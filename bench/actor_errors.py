#!/usr/bin/env python3
"""Actor errors: the signals of `watchfloor replay --format jsonl` whose actor or target is missing or wrong, judged
against an outside set's require/optional labels (the format of ../shared/corpus/*/labels.yaml).

usage: actor_errors.py LABELS.yaml [-v] < replay.jsonl

A signal counts once per article, type and pair (as the outside sets' scoring counts them). Each one is:
  right            it matches a required or optional label of its article (type and pair);
  excused          the labels excuse it (an event before `background_before`, or `domestic_ok` and one country);
  trap             its article has no label at all: every signal there is a false alarm whoever its actors are, so
                   it is not judged for actors (it is a type error; the sets' own scoring counts it as trapFP);
  wrong pair       ACTOR ERROR: a label of its article has its type, but no label of that type has its pair;
  unknown country  ACTOR ERROR: it names a country (actor or target) that no label of its article mentions;
  other type       a false alarm between countries the labels know, of a type they do not expect (not an actor
                   error: the event, not the actors, is wrong).
An ATTACK has no actor (its target is where it happened); a missing actor of another type is an actor error.
Prints one summary line (and with -v every actor error with its evidence); the share is actor errors over all
signals, trap signals included.
"""
import json
import re
import sys

UNDIRECTED = {"CLASH", "TALKS", "CEASEFIRE", "RESTORE_RELATIONS", "AGREEMENT", "PLEDGE"}
NO_ACTOR = {"ATTACK"}


def read_labels(path):
    """article -> its labels (a dict), from lines `name: {require: [...], optional: [...]}` (flow-style YAML)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, sep, rest = line.partition(":")
            if not sep or not rest.strip().startswith("{"):
                raise SystemExit(f"{path}:{n}: expected 'article: {{require: [...], optional: [...]}}'")
            # bare keys to JSON strings: {require: [...]} -> {"require": [...]}
            body = re.sub(r'([{,]\s*)([A-Za-z_]\w*)\s*:', r'\1"\2":', rest.strip())
            try:
                out[name.strip()] = json.loads(body)
            except ValueError as e:
                raise SystemExit(f"{path}:{n}: not a flow mapping this script reads ({e})")
    return out


def items(label):
    """Every required (any_of flattened) and optional item of an article: (type, a, b, directed)."""
    flat = []
    for r in label.get("require", []):
        flat.extend(r["any_of"] if isinstance(r, dict) else [r])
    flat.extend(label.get("optional", []))
    out = []
    for it in flat:
        t, pair = it.split(" ", 1)
        if pair == "*":
            out.append((t, None, None, False))
        else:
            a, b = re.split(r"[>-]", pair)
            out.append((t, a, b, ">" in pair and t not in UNDIRECTED))
    return out


def pair_matches(item, sig):
    _, a, b, directed = item
    if a is None:
        return True
    if directed:
        return (sig["actor"], sig["target"]) == (a, b)
    return {sig["actor"], sig["target"]} == {a, b}


def classify(sig, label):
    its = items(label)
    if not its:
        return "trap"
    if any((t == "*" or t == sig["type"]) and pair_matches(it, sig) for it in its for t in [it[0]]):
        return "right"
    before = label.get("background_before")
    if before and str(sig.get("eventDate", "9999")) < before:
        return "excused"
    if label.get("domestic_ok") and sig["actor"] == sig["target"]:
        return "excused"
    if sig["actor"] is None and sig["type"] not in NO_ACTOR:
        return "wrong pair"
    if any(t == sig["type"] for t, _, _, _ in its):
        return "wrong pair"
    known = {c for _, a, b, _ in its for c in (a, b) if c}
    named = {c for c in (sig["actor"], sig["target"]) if c}
    if named - known:
        return "unknown country"
    return "other type"


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    if len(args) != 1:
        raise SystemExit(__doc__.split("\n\n")[1])
    labels = read_labels(args[0])
    seen = {}
    for line in sys.stdin:
        line = line.strip()
        if not line.startswith("{"):
            continue
        o = json.loads(line)
        if o.get("kind") != "signal":
            continue
        art = re.sub(r"\.txt$", "", str(o.get("article", "")).rsplit("/", 1)[-1])
        seen.setdefault((art, o["type"], o.get("actor"), o.get("target")), o)
    counts = {k: 0 for k in ("right", "excused", "trap", "wrong pair", "unknown country", "other type", "unlabelled")}
    for (art, t, a, b), o in sorted(seen.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        if art not in labels:
            counts["unlabelled"] += 1
            continue
        kind = classify(o, labels[art])
        counts[kind] += 1
        if verbose and kind in ("wrong pair", "unknown country"):
            print(f"{kind.upper():16} {art}: {t} {a}>{b} :: {o.get('evidence', '')[:160]}")
    total = sum(counts.values()) - counts["unlabelled"]
    errors = counts["wrong pair"] + counts["unknown country"]
    share = 100.0 * errors / total if total else 0.0
    print(f"signals={total} actorErrors={errors} ({share:.1f}%) wrongPair={counts['wrong pair']} "
          f"unknownCountry={counts['unknown country']} right={counts['right']} otherType={counts['other type']} "
          f"trap={counts['trap']} excused={counts['excused']}"
          + (f" unlabelled={counts['unlabelled']}" if counts["unlabelled"] else ""))


if __name__ == "__main__":
    main()
