#!/usr/bin/env python3
"""Writes N synthetic news articles (2-8 KB, seed format) for the replay benchmark.

A realistic mix: about a third report an event between two countries (strikes, clashes, visits, talks, ceasefires),
the rest are filler news with no signal; dates spread over months. Deterministic for a given seed.
usage: gen_articles.py N OUTDIR [SEED]
"""
import datetime
import os
import random
import sys

PAIRS = [("Iran", "Pakistan", "Iranian", "Pakistani", "Tehran", "Islamabad"),
         ("India", "Pakistan", "Indian", "Pakistani", "New Delhi", "Islamabad"),
         ("Israel", "Lebanon", "Israeli", "Lebanese", "Jerusalem", "Beirut"),
         ("Armenia", "Azerbaijan", "Armenian", "Azerbaijani", "Yerevan", "Baku"),
         ("Thailand", "Cambodia", "Thai", "Cambodian", "Bangkok", "Phnom Penh"),
         ("Russia", "Ukraine", "Russian", "Ukrainian", "Moscow", "Kyiv"),
         ("China", "Japan", "Chinese", "Japanese", "Beijing", "Tokyo"),
         ("Ethiopia", "Eritrea", "Ethiopian", "Eritrean", "Addis Ababa", "Asmara")]
EVENTS = ["{A} launched missile strikes on militant camps inside {B} on {day}, officials said.",
          "{Aadj} and {Badj} troops exchanged fire along the border on {day}, leaving several soldiers dead.",
          "{Aadj} Foreign Minister arrived in {Bcap} on {day} for talks with his {Badj} counterpart.",
          "The foreign ministers of {A} and {B} held talks in {Bcap} on {day} to ease tensions.",
          "{A} and {B} agreed to a ceasefire on {day} after days of fighting.",
          "{A} recalled its ambassador from {B} on {day} in protest."]
# Domestic news with no event between countries (and no sport, market, weather or culture words such as "museum":
# three of one kind make the extractor treat the whole article as off-topic).
FILLER = ["The central bank kept interest rates unchanged, citing steady inflation and a stronger currency.",
          "City officials opened a new metro line that links the northern suburbs with the old town.",
          "Volunteers planted trees along the river banks, part of a plan to green the city's older districts.",
          "Officials said the harvest had been better than expected thanks to a mild spring and good irrigation.",
          "The parliament debated a bill on digital services, with a vote expected before the summer recess.",
          "The education ministry announced more places for nursing students at regional universities.",
          "Hospitals reported fewer seasonal flu cases than last year, according to the health ministry.",
          "The national library began digitising its collection of nineteenth-century newspapers."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rnd, i, published):
    a = rnd.choice(PAIRS)
    if rnd.random() < 0.5:
        a = (a[1], a[0], a[3], a[2], a[5], a[4])
    signal = rnd.random() < 0.35
    paragraphs = []
    if signal:
        day = WEEKDAYS[(published - datetime.timedelta(days=rnd.randint(0, 3))).weekday()]
        for _ in range(rnd.randint(1, 3)):
            e = rnd.choice(EVENTS)
            paragraphs.append(e.format(A=a[0], B=a[1], Aadj=a[2], Badj=a[3], Bcap=a[5], day=day))
    target = rnd.randint(2000, 8000)
    while sum(len(p) for p in paragraphs) < target:
        paragraphs.append(" ".join(rnd.choice(FILLER) for _ in range(rnd.randint(2, 5))))
    rnd.shuffle(paragraphs)
    title = ("%s and %s: tensions" % (a[0], a[1])) if signal else "Daily news roundup %d" % i
    return "%s\n\n%s\n\nPublished: %s\n" % (title, "\n\n".join(paragraphs), published.isoformat())


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    os.makedirs(out, exist_ok=True)
    start = datetime.date(2024, 1, 1)
    for i in range(n):
        published = start + datetime.timedelta(days=int(i * 180 / max(1, n)))
        with open(os.path.join(out, "a%07d.txt" % i), "w", encoding="utf-8") as f:
            f.write(article(rnd, i, published))


if __name__ == "__main__":
    main()
