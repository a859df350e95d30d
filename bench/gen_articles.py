#!/usr/bin/env python3
"""Writes N synthetic news articles (2-8 KB, seed format) for the replay benchmark.

A realistic mix: a fifth report events between two countries of twelve pairs (strikes, retaliation, clashes,
recalled ambassadors, threats; visits, talks, ceasefires) with dates said in several ways; the rest are domestic news
with no signal, some with words that look like events and are not (a dockworkers' strike, a striker's goal, a
lightning strike). Publication dates advance at a fixed rate (PER_DAY articles a day), so a bigger N covers a longer
period, as a longer run of the daemon would. Deterministic for a given seed.

--dense: the event-dense mix of issue 18 (a crisis desk's feed): every article reports events between one of the
twelve pairs, as the fifth of the default mix that does (one to three event sentences among domestic news): about
2 signals an article, five times the default mix's density.
--digest: denser still (a wire digest): every article reports events on about a dozen pairs of twenty-four (10 to
14 pairs, one or two event sentences each), between a few lines of domestic news: about 19 signals an article.
Before 2026-12-07 this mix was called --dense (bench/RESULTS.md's earlier dense figures are of it).
The default mix's output for a seed is unchanged by the options' existence.
usage: gen_articles.py [--dense | --digest] N OUTDIR [SEED] [PER_DAY]
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
         ("Ethiopia", "Eritrea", "Ethiopian", "Eritrean", "Addis Ababa", "Asmara"),
         ("Venezuela", "Guyana", "Venezuelan", "Guyanese", "Caracas", "Georgetown"),
         ("Serbia", "Kosovo", "Serbian", "Kosovar", "Belgrade", "Pristina"),
         ("Sudan", "South Sudan", "Sudanese", "South Sudanese", "Khartoum", "Juba"),
         ("Peru", "Ecuador", "Peruvian", "Ecuadorian", "Lima", "Quito")]
# More pairs for the digest mix: a digest of a dozen crises needs more than twelve to choose from.
DENSE_PAIRS = PAIRS + [
    ("Syria", "Turkey", "Syrian", "Turkish", "Damascus", "Ankara"),
    ("Rwanda", "Burundi", "Rwandan", "Burundian", "Kigali", "Gitega"),
    ("Greece", "Turkey", "Greek", "Turkish", "Athens", "Ankara"),
    ("Colombia", "Venezuela", "Colombian", "Venezuelan", "Bogota", "Caracas"),
    ("Egypt", "Sudan", "Egyptian", "Sudanese", "Cairo", "Khartoum"),
    ("Kyrgyzstan", "Tajikistan", "Kyrgyz", "Tajik", "Bishkek", "Dushanbe"),
    ("Vietnam", "China", "Vietnamese", "Chinese", "Hanoi", "Beijing"),
    ("Morocco", "Algeria", "Moroccan", "Algerian", "Rabat", "Algiers"),
    ("Saudi Arabia", "Yemen", "Saudi", "Yemeni", "Riyadh", "Sanaa"),
    ("Iraq", "Turkey", "Iraqi", "Turkish", "Baghdad", "Ankara"),
    ("Afghanistan", "Pakistan", "Afghan", "Pakistani", "Kabul", "Islamabad"),
    ("Mali", "Algeria", "Malian", "Algerian", "Bamako", "Algiers")]
EVENTS = ["{A} launched missile strikes on militant camps inside {B} {when}, officials said.",
          "{Aadj} jets struck targets in {B} {when}, the {Aadj} military said in a statement.",
          "{B} retaliated with strikes inside {A} {when}, two days after the first attack.",
          "{Aadj} and {Badj} troops exchanged fire along the border {when}, leaving several soldiers dead.",
          "{Aadj} forces shelled villages across the border in {B} {when}, local officials said.",
          "{A} recalled its ambassador from {B} {when} in protest.",
          "{A} expelled {Badj} diplomats {when}, accusing them of espionage.",
          "{A} warned {B} of severe consequences {when} after the incident.",
          "The {Aadj} Foreign Minister arrived in {Bcap} {when} for talks with his {Badj} counterpart.",
          "The foreign ministers of {A} and {B} held talks in {Bcap} {when} to ease tensions.",
          "{A} and {B} agreed to a ceasefire {when} after days of fighting.",
          "{Aadj} and {Badj} officials signed an agreement on border trade {when}."]
WHEN = ["on {weekday}", "on {month} {day}", "yesterday", "on {weekday} night", "earlier this week"]
# Domestic news with no event between countries.
FILLER = ["The central bank kept interest rates unchanged, citing steady inflation and a stronger currency.",
          "City officials opened a new metro line that links the northern suburbs with the old town.",
          "The national archive put thousands of old photographs online for researchers and families.",
          "Officials said the harvest had been better than expected thanks to a mild spring and good irrigation.",
          "The parliament debated a bill on digital services, with a vote expected before the summer recess.",
          "The education ministry announced more places for nursing students at regional universities.",
          "Hospitals reported fewer seasonal flu cases than last year, according to the health ministry.",
          "The national library began digitising its collection of nineteenth-century newspapers.",
          "A court in the capital adjourned the corruption trial of a former mayor until next month.",
          "The transport minister said the new highway would cut travel times between the two largest cities.",
          "Local councils were asked to publish their spending plans before the end of the financial year.",
          "Engineers finished repairs on the old bridge, which had been closed to heavy traffic since spring."]
# Words that look like events and are not; at most one per article, in articles without events.
LOOKALIKES = ["Dockworkers went on strike at the main port on Monday, demanding higher wages.",
              "The striker scored twice as the home side won the cup final in front of a full stadium.",
              "A lightning strike set fire to a warehouse outside the city, but no one was hurt.",
              "The two companies struck a deal to build a new plant, the firms said."]
# Share of articles reporting events between two countries: general news feeds carry fewer; a crisis desk's more.
SIGNAL_SHARE = 0.20
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def when(rnd, published):
    day = published - datetime.timedelta(days=rnd.randint(0, 3))
    return rnd.choice(WHEN).format(weekday=WEEKDAYS[day.weekday()], month=MONTHS[day.month - 1], day=day.day)


def article(rnd, i, published, share=SIGNAL_SHARE):
    a = rnd.choice(PAIRS)
    if rnd.random() < 0.5:
        a = (a[1], a[0], a[3], a[2], a[5], a[4])
    signal = rnd.random() < share
    paragraphs = []
    if signal:
        for _ in range(rnd.randint(1, 3)):
            e = rnd.choice(EVENTS)
            paragraphs.append(e.format(A=a[0], B=a[1], Aadj=a[2], Badj=a[3], Bcap=a[5], when=when(rnd, published)))
    elif rnd.random() < 0.2:
        paragraphs.append(rnd.choice(LOOKALIKES))
    target = rnd.randint(2000, 8000)
    while sum(len(p) for p in paragraphs) < target:
        paragraphs.append(" ".join(rnd.choice(FILLER) for _ in range(rnd.randint(2, 5))))
    rnd.shuffle(paragraphs)
    title = ("%s and %s: tensions" % (a[0], a[1])) if signal else "Daily news roundup %d" % i
    return "%s\n\n%s\n\nPublished: %s\n" % (title, "\n\n".join(paragraphs), published.isoformat())


def oriented(rnd, pair):
    return pair if rnd.random() < 0.5 else (pair[1], pair[0], pair[3], pair[2], pair[5], pair[4])


def dense_article(rnd, i, published):
    """An article of the default mix that reports events, every time."""
    return article(rnd, i, published, share=1.0)


def digest_article(rnd, i, published):
    """A wire digest: one paragraph per crisis, 10 to 14 crises, a few domestic lines between them."""
    pairs = rnd.sample(DENSE_PAIRS, rnd.randint(10, 14))
    paragraphs = []
    for pair in pairs:
        a = oriented(rnd, pair)
        sentences = [rnd.choice(EVENTS).format(A=a[0], B=a[1], Aadj=a[2], Badj=a[3], Bcap=a[5],
                                               when=when(rnd, published)) for _ in range(rnd.randint(1, 2))]
        paragraphs.append(" ".join(sentences))
    for _ in range(rnd.randint(2, 4)):
        paragraphs.append(" ".join(rnd.choice(FILLER) for _ in range(rnd.randint(1, 3))))
    rnd.shuffle(paragraphs)
    return "Crisis digest %d\n\n%s\n\nPublished: %s\n" % (i, "\n\n".join(paragraphs), published.isoformat())


def main():
    args = sys.argv[1:]
    make = dense_article if "--dense" in args else digest_article if "--digest" in args else article
    args = [a for a in args if a not in ("--dense", "--digest")]
    n = int(args[0])
    out = args[1]
    rnd = random.Random(int(args[2]) if len(args) > 2 else 42)
    per_day = int(args[3]) if len(args) > 3 else 1000
    os.makedirs(out, exist_ok=True)
    start = datetime.date(2024, 1, 1)
    # 1,000 files to a folder, as a busy drop folder would be rotated
    for i in range(n):
        published = start + datetime.timedelta(days=i // per_day)
        sub = os.path.join(out, "%04d" % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "a%07d.txt" % i), "w", encoding="utf-8") as f:
            f.write(make(rnd, i, published))


if __name__ == "__main__":
    main()
