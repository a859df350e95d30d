#!/usr/bin/env python3
"""Converts the first-level administrative divisions of ISO 3166-2 into watchfloor's places file.

usage: tools/actors/iso_places.py ISO_3166-2_JSON ISO_3166-1_JSON ACTORS_YAML PEOPLE_TSV > src/main/resources/io/watchfloor/extract/places.tsv

Input: Debian's iso-codes package (LGPL-2.1-or-later; `apt-get install iso-codes`, then
/usr/share/iso-codes/json/iso_3166-2.json and iso_3166-1.json), and the catalogue actors.yaml (needs python3-yaml),
and the system word list (/usr/share/dict/american-english, Debian package wamerican).

What is kept: divisions without a parent (the first level), each under its country's alpha-3 code. Forms: the name,
each alternative given in brackets ("Wales [Cymru GB-CYM]"), the part before a comma ("Asturias, Principado de"),
the name without the designator it carries ("Anhui Sheng", "Kyivska oblast", "Province of X"), and the same
without diacritics ("Khūzestān" -> "Khuzestan"). Then what would mislead is left out, and reported on standard
error:
  - a form the catalogue already has: for the same country it is there already; for another country the
    catalogue's curated entry wins ("Georgia" the country, not the US state);
  - a form that is also an English word or a compass word ("Central", "Eastern", "Capital", "Lakes", "Plateau");
  - a form shorter than four letters, or a saint's name ("Saint George": parishes of small island states);
  - a one-word form that is also a person's given name or surname in the people file (people-phoenix.tsv):
    "Herrera", "Flores", "Hidalgo" name people in the news more often than provinces;
  - a form that news uses for something else (ELSEWHERE): a sea or a river ("the Red Sea" is no Sudanese state's
    shipping), or a better known place of another state ("Long Island", "Granada");
  - a form that divisions of two countries share ("Punjab" in India and Pakistan) is written as ambiguous (both
    codes), which the extractor resolves per article as it does the catalogue's ambiguous places.
"""
import json
import re
import sys
import unicodedata

import yaml

DESIGNATORS = [
    r"\s+Sheng$", r"\s+Shi$", r"\s+(?:Zhuangzu|Huizu|Weiwu'er|Uygur)?\s*Zizhiqu$", r"\s+Tebiexingzhengqu$",
    r"\s+oblast'?$", r"\s+kraj$", r"\s+avtonomnyj okrug$", r"\s+avtonomnaja oblast'$", r"^Respublika\s+",
    r",?\s+Respublika$", r"\s+Province$", r"^Province of\s+", r"\s+Region$", r"\s+Governorate$",
    r"\s+Department$", r"\s+District$", r"\s+State$", r"^State of\s+", r"\s+County$", r"\s+Municipality$",
    r"\s+City$", r"\s+Prefecture$", r"\s+Oblysy$", r"\s+viloyati$", r"\s+vilayeti$", r"\s+Voblasts'?$",
    r"\s+Wilayah Persekutuan$", r"^Wilayah Persekutuan\s+", r"\s+Parish$", r"\s+Division$",
]
GENERIC = {"north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern",
           "western", "capital", "coast", "coastal", "lakes", "plateau", "highlands", "lowlands", "upper", "lower",
           "islands", "island", "river", "valley", "mountain", "mountains", "interior", "littoral", "maritime",
           "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
           "southwest", "far north", "greater", "metropolitan", "federal", "national"}

# Division names that news uses for something else, and what.
ELSEWHERE = {"Red Sea": "the sea", "River Nile": "the river", "Blue Nile": "the river (in Ethiopia too)",
             "White Nile": "the river (in South Sudan too)", "Long Island": "New York's island",
             "Granada": "the Spanish city and province"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ʻ", "'")


def variants(name):
    out = []
    for part in re.split(r"\s*\[|\]\s*", name):
        part = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$", "", part.strip())
        if not part:
            continue
        base = part.split(",")[0].strip()
        for f in {part, base}:
            out.append(f)
            stripped = f
            for d in DESIGNATORS:
                stripped = re.sub(d, "", stripped, flags=re.I).strip()
            out.append(stripped)
    seen, result = set(), []
    for f in out:
        for g in (f, fold(f)):
            g = re.sub(r"\s+", " ", g).strip(" ,")
            if g and "," not in g and g not in seen:
                seen.add(g)
                result.append(g)
    return result


def catalogue_forms(actors_yaml):
    with open(actors_yaml, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    owner = {}
    for c in doc.get("countries", []):
        for key in ("names", "adjectives", "capitals", "places", "organizations"):
            for form in c.get(key) or []:
                owner[form] = c["code"]
    for d in doc.get("disputed", []):
        owner[d["name"]] = "disputed"
    for a in doc.get("ambiguous", []):
        owner[a["form"]] = "ambiguous"
    return owner


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    subdivisions = json.load(open(sys.argv[1], encoding="utf-8"))["3166-2"]
    alpha3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(open(sys.argv[2], encoding="utf-8"))["3166-1"]}
    owner = catalogue_forms(sys.argv[3])
    with open("/usr/share/dict/american-english", encoding="utf-8") as f:
        english = {w.strip() for w in f if w[:1].islower()}
    known = set(owner.values())
    name_words = set()
    with open(sys.argv[4], encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                for name in line.split("\t")[0].split("|"):
                    name_words.update(fold(w) for w in name.split())
    places = {}  # form -> {code: iso code}
    for s in subdivisions:
        if "parent" in s:
            continue
        code = alpha3.get(s["code"][:2])
        if code is None or code not in known:
            print("%s: country not in the catalogue, skipped" % s["code"], file=sys.stderr)
            continue
        for form in variants(s["name"]):
            places.setdefault(form, {}).setdefault(code, s["code"])
    rows = []
    for form, by_code in sorted(places.items()):
        why = None
        if form in owner:
            why = None if set(by_code) == {owner[form]} else "the catalogue has it (%s)" % owner[form]
            if why is None:
                continue
        elif form in ELSEWHERE:
            why = "news means " + ELSEWHERE[form]
        elif form.lower() in GENERIC or form.lower() in english or any(w.lower() in GENERIC for w in form.split()[:1]) \
                and len(form.split()) == 1:
            why = "a common word"
        elif all(w.lower() in GENERIC for w in re.split(r"[\s-]+", form)):
            why = "a compass or generic word"
        elif len(re.sub(r"\W", "", form)) < 4 or re.match(r"(?:Saint|St\.?|Sainte|San|Santa)\s", form):
            why = "too short, or a saint's name"
        elif " " not in form and fold(form) in name_words:
            why = "a person's name too"
        if why:
            print("%s (%s): left out: %s" % (form, ", ".join(sorted(by_code.values())), why), file=sys.stderr)
            continue
        rows.append((form, ",".join(sorted(by_code)), ",".join(sorted(by_code.values()))))
    print(HEADER.strip())
    for r in rows:
        print("\t".join(r))
    print("%d forms" % len(rows), file=sys.stderr)


HEADER = """
# First-level administrative divisions of every state, from ISO 3166-2 as published in Debian's iso-codes package
# (4.15.0; LGPL-2.1-or-later, see NOTICE), converted by tools/actors/iso_places.py, which says what was kept and
# what left out. Do not edit by hand: fix the converter, or add places in actors.yaml.
#
# Format (tab-separated): form <TAB> country code(s) <TAB> ISO 3166-2 code(s). A form with two codes is shared by
# divisions of two states and is resolved per article, as the catalogue's ambiguous places are.
"""

if __name__ == "__main__":
    main()
