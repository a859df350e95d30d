#!/usr/bin/env python3
"""The event lexicon's trigger phrases as grep -E patterns, one per line, for the grep floor of the replay benchmark:
a "head ... tail" trigger becomes head.{0,40}tail. Reads the flow lists of rules/lexicon/events.yaml without a YAML
library (python3 alone on a fresh machine).
usage: lexicon_patterns.py EVENTS_YAML
"""
import re
import sys

text = open(sys.argv[1]).read()
types = text.split("\ntypes:", 1)[1].split("\ntraps:", 1)[0]
phrases = set()
for block in re.findall(r"triggers:\s*\[(.*?)\]", types, re.S):
    for p in block.split(","):
        p = " ".join(p.split())
        if p:
            phrases.add(".{0,40}".join(re.escape(x).replace("\\ ", " ") for x in p.split(" ... ")))
print("\n".join(sorted(phrases)))
