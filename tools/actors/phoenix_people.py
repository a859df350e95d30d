#!/usr/bin/env python3
"""Converts PETRARCH-2's country actor dictionary into watchfloor's people file.

usage: tools/actors/phoenix_people.py PHOENIX_COUNTRIES_ACTORS_TXT ACTORS_YAML > src/main/resources/io/watchfloor/extract/people-phoenix.tsv

Input: Phoenix.Countries.actors.txt from openeventdata/petrarch2 (MIT; 2014-2015 data), in the PETRARCH-2 actor
dictionary format: an entry is a primary phrase, `+` synonym phrases, then tab-indented date restrictions
`[CODE date-date]`, `[CODE >date]` (from the date on), `[CODE <date]` (until the date) or `[CODE]` (any other time),
with dates YYYYMMDD or YYMMDD (YY 00-30 is 20YY, else 19YY, as PETRARCH reads them).

What is kept: people (entries with at least one dated restriction) for the times they served the state: the codes
whose role part starts with GOV (government, any sector), MIL (armed forces), SPY (intelligence) or COP (police).
Elites (ELI: before and after office), opposition, rebels and the rest are not a state's acts and are dropped, as
are restrictions without dates. Codes are mapped to the catalogue's (historical states to their continuators: SUN
and USR to RUS, YUG, FRY and SCG to SRB, DDR to DEU, CSK to CZE; KSV to XKX, TMP to TLS); codes the catalogue does not
know (dependencies, IGOs) are dropped. An open range (`>date`) ends at 2015-12-31, marked uncertain: the source was
last updated in early 2015 and cannot say who stayed in office after.

Forms: underscores become spaces and capitals become the usual ones ("GEORGE_H._W._BUSH" -> "George H. W. Bush",
"BASHAR_AL-ASSAD" -> "Bashar al-Assad", with "Bashar Al-Assad" too); a title before a name (PRESIDENT_, MR_, US_
PRESIDENT_ ...) is dropped and what is left kept as a form; a single word left so, or a single-word synonym, is a
short form (a surname the source lists), which the extractor resolves more carefully than a full name. Forms that
name a country or an office rather than a person are dropped.
"""
import re
import sys
import unicodedata

CODE_MAP = {"SUN": "RUS", "USR": "RUS", "YUG": "SRB", "FRY": "SRB", "SCG": "SRB", "DDR": "DEU", "CSK": "CZE",
            "KSV": "XKX", "TMP": "TLS"}
STATE_ROLES = ("GOV", "MIL", "SPY", "COP")
OPEN_END = "2015-12-31?"
TITLES = {"MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "PRESIDENT", "PRESIDENT-ELECT", "PRIME", "MINISTER",
          "SECRETARY", "VICE", "VICE-PRESIDENT", "DEFENSE", "DEFENCE", "FOREIGN", "AMBASSADOR", "SENATOR", "FORMER",
          "DEPUTY", "CHANCELLOR", "KANZLER", "BUNDESKANZLER", "GENERAL", "GEN.", "GOV.", "GOVERNOR", "THE", "US",
          "U.S.", "AMERICAN", "UNITED", "STATES", "ACTING", "PREMIER", "LT.", "COL.", "MAJ.", "ADMIRAL", "ADM.",
          "MARSHAL", "FIELD", "COLONEL", "PM", "INTERIOR", "FINANCE", "OF", "STATE", "CHIEF", "COMMANDER", "ARMY",
          "SPEAKER", "JUDGE", "JUSTICE", "ATTORNEY", "HOMELAND", "SECURITY", "ADVISER", "ADVISOR", "NATIONAL",
          "TREASURY", "ENVOY", "REP.", "REPRESENTATIVE", "CONGRESSMAN", "DIRECTOR"}
# Kept as part of the name: a monarch or a sheikh is called so ("King Abdullah", "Sheikh Hasina").
ROYAL = {"KING", "QUEEN", "EMIR", "AMIR", "SHEIKH", "SHAIKH", "SULTAN", "PRINCE", "CROWN", "SHAH", "GRAND"}
NOT_PERSON = re.compile(r"\b(?:ADMINISTRATION|GOVERNMENT|REGIME|MINISTRY|PARTY|FORCES|ARMY|COUNCIL|OFFICE|CABINET|"
                        r"COMMITTEE|DEPARTMENT|SUPPORTERS|LOYALISTS|FAMILY|DYNASTY|ERA)\b")
COUNTRY_WORDS = set()
PARTICLES = {"AL", "EL", "BIN", "IBN", "BINT", "DE", "DA", "DI", "DU", "DEL", "DER", "DEN", "VAN", "VON", "LA", "LE",
             "DOS", "DAS", "Y", "UL", "UD", "E", "ED", "AS", "AD", "AN", "AR", "AZ", "ASH", "AT", "BEN", "DELLA"}


def parse_date(s):
    s = s.strip()
    if not re.fullmatch(r"\d{6}|\d{8}", s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 30 else "19") + s
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    if not (1800 <= y <= 2030 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return "%04d-%02d-%02d" % (y, m, d)


def read_entries(path):
    entries, cur = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#") or line.startswith("<!"):
                continue
            body = re.split(r"\s#", line, maxsplit=1)[0].rstrip()
            stripped = body.strip()
            if line[0] in " \t" and stripped.startswith("["):
                if cur is not None:
                    cur["ranges"].append(stripped)
                continue
            if line.startswith("+"):
                if cur is not None:
                    cur["forms"].append(stripped[1:].strip())
                continue
            m = re.match(r"^(\S[^\[]*?)\s*(\[[^\]]*\])?\s*$", stripped)
            if not m:
                print("line %d: not understood, skipped: %s" % (n, line), file=sys.stderr)
                cur = None
                continue
            cur = {"forms": [m.group(1).strip()], "ranges": [m.group(2)] if m.group(2) else [], "line": n}
            entries.append(cur)
    return entries


def terms(entry, known):
    out = []
    for r in entry["ranges"]:
        m = re.fullmatch(r"\[([A-Z]{3})([A-Z]*)\s*(.*?)\]", r.strip())
        if not m:
            continue
        code, role, when = CODE_MAP.get(m.group(1), m.group(1)), m.group(2), m.group(3).strip()
        if not when or code not in known or not role.startswith(STATE_ROLES):
            continue
        if when.startswith(">"):
            start, end = parse_date(when[1:]), OPEN_END
        elif when.startswith("<"):
            start, end = "", parse_date(when[1:])
        elif "-" in when:
            a, b = when.split("-", 1)
            start, end = parse_date(a), parse_date(b)
        else:
            continue
        if start is None or end is None or (start and end.rstrip("?") < start):
            print("line %d: bad dates %s, skipped" % (entry["line"], r), file=sys.stderr)
            continue
        out.append("%s %s %s..%s" % (code, role, start, end))
    return sorted(set(out), key=lambda t: t.split()[2])


def word_case(w, first):
    if "-" in w:
        parts = w.split("-")
        return "-".join(word_case(p, first and i == 0) if not (i == 0 and p in PARTICLES and not first)
                        else p.lower() for i, p in enumerate(parts))
    if not first and w in PARTICLES:
        return w.lower()
    if re.fullmatch(r"(?:[A-Z]\.)+", w):
        return w
    low = w.lower()
    out = low[:1].upper() + low[1:]
    out = re.sub(r"^Mc(\w)", lambda x: "Mc" + x.group(1).upper(), out)
    out = re.sub(r"^(O|D)'(\w)", lambda x: x.group(1) + "'" + x.group(2).upper(), out)
    return out


def cased(words):
    lower = " ".join(word_case(w, i == 0) for i, w in enumerate(words))
    upper = " ".join(word_case(w, True) for w in words)
    return [lower] if lower == upper else [lower, upper]


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def forms(entry):
    full, short = [], []
    for raw in entry["forms"]:
        words = [w for w in raw.strip("_ ").replace(" ", "_").split("_") if w]
        if not words or NOT_PERSON.search(" ".join(words)):
            continue
        while len(words) > 1 and (words[0] in TITLES or words[0] in COUNTRY_WORDS):
            words = words[1:]
        if len(words) == 1 and words[0] in TITLES | ROYAL:
            continue
        if not re.fullmatch(r"[A-Z0-9.'\-ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŞİĞÇŌŪĀĪẒṢḤŻŹŚŃŁĆĘĄ]+(?: [A-Z0-9.'\-"
                            r"ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŞİĞÇŌŪĀĪẒṢḤŻŹŚŃŁĆĘĄ]+)*", " ".join(words)):
            continue
        target = short if len(words) == 1 else full
        for f in cased(words):
            for g in (f, ascii_fold(f)):
                if len(g) >= 3 and g not in target:
                    target.append(g)
    short = [s for s in short if s not in full]
    return full, short


FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "MNG"}
NOT_SHORT = {"Jr.", "Sr.", "II", "III", "IV", "V", "VI"} | {m for m in (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()}


def family_name(name, code):
    """The name a person is called by alone: the family name, first in Chinese and Korean names."""
    words = [w for w in name.split() if w not in NOT_SHORT and not re.fullmatch(r"(?:[A-Z]\.)+", w)]
    if len(words) < 2:
        return None
    return words[0] if code in FAMILY_NAME_FIRST else words[-1]


def known_codes(actors_yaml):
    with open(actors_yaml, encoding="utf-8") as f:
        return set(re.findall(r"^\s+- code: ([A-Z]{3})\s*$", f.read(), re.M))


def country_words(actors_yaml):
    """Upper-cased one-word names and adjectives of countries: "RUSSIAN" in "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN"."""
    words = set()
    with open(actors_yaml, encoding="utf-8") as f:
        for m in re.finditer(r"^\s+(?:names|adjectives): \[(.*)\]\s*$", f.read(), re.M):
            words.update(w.strip().upper() for w in m.group(1).split(",") if " " not in w.strip())
    return words


def english_words():
    """Lower-case words of the system's word list (Debian package wamerican): a surname that is also one is marked."""
    try:
        with open("/usr/share/dict/american-english", encoding="utf-8") as f:
            return {w.strip() for w in f if w[:1].islower()}
    except OSError:
        sys.exit("needs /usr/share/dict/american-english (apt-get install wamerican)")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    known = known_codes(sys.argv[2])
    COUNTRY_WORDS.update(country_words(sys.argv[2]))
    english = english_words()
    rows = []
    for e in read_entries(sys.argv[1]):
        if not any(re.search(r"\d", r) for r in e["ranges"]):
            continue
        ts = terms(e, known)
        full, short = forms(e)
        if not ts or not (full or short):
            continue
        if not full:  # a mononym: the one name is the full name
            full, short = short, []
        fam = family_name(full[0], ts[0][:3])
        if fam and len(fam) >= 2 and fam not in short and fam not in full and "-" not in fam[:1]:
            short.append(fam)
        # A short form that is also an English word ("Bush", "May", "Brown") stands for the person only where the
        # article has introduced them: marked with ~.
        # Two letters make a surname only in Chinese and Korean names ("Xi", "Li"); "On", "Ba" would be noise.
        short = [x for x in short if len(x) >= 3 or ts[0][:3] in FAMILY_NAME_FIRST]
        short = [("~" + x if x.lower() in english else x) for x in short if x not in NOT_SHORT]
        rows.append((full, short, ts))
    print(HEADER.strip())
    for full, short, ts in rows:
        print("%s\t%s\t%s" % ("|".join(full), "|".join(short), ", ".join(ts)))
    print("%d people" % len(rows), file=sys.stderr)


HEADER = """
# People who served a state, with the dates they served it: derived from PETRARCH-2's country actor dictionary
# (Phoenix.Countries.actors.txt, openeventdata/petrarch2 at 676801cd) by tools/actors/phoenix_people.py, which says
# what was kept and how. Do not edit by hand: fix the converter or add to people.tsv (same format).
#
# Format (tab-separated, one person a line): names | names ... <TAB> short forms | ... <TAB> terms
#   names: full names as written in English news, the first one shown; short forms: a surname alone, matched with
#   more care (see the README's actors section); terms: CODE ROLE FROM..TO, comma-separated, dates inclusive,
#   FROM empty for "since ever", a trailing ? for a date the source cannot vouch for.
#
# The source's licence:
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
# THE SOFTWARE.
"""

if __name__ == "__main__":
    main()
