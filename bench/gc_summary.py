#!/usr/bin/env python3
"""Heap figures from a JVM GC log (-Xlog:gc): the high-water mark after collections, and the live heap measured by
the full collections the replay benchmark asks for (jcmd GC.run) every 30 s.
usage: gc_summary.py GC_LOG [HEAP]   (HEAP: the -Xmx given, for the record)
"""
import re
import sys

log = open(sys.argv[1]).read()
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(\d+M\)", log)]
live = [(float(m.group(1)), int(m.group(2)))
        for m in re.finditer(r"\[([\d.]+)s\].*Pause Full \([^)]*\) \d+M->(\d+)M", log)]
if after:
    heap = sys.argv[2] if len(sys.argv) > 2 else "?"
    print("heap after collections: high-water %d MB (of -Xmx%s, %d collections)" % (max(after), heap, len(after)))
if live:
    print("live heap, full collection every 30 s: " + ", ".join("%.0fs %d MB" % x for x in live))
