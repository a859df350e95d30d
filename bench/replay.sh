#!/usr/bin/env bash
# Replay throughput and memory: N synthetic articles through the whole pipeline (parse, extract with the dependency
# parse, rules, alert decisions, the store: H2 on disk), with a 1 GB heap (the parser's models take about 350 MB);
# then the grep floor: every trigger phrase of the event lexicon (rules/lexicon/events.yaml) counted by grep -c -E
# over the same files.
# usage: bench/replay.sh [N] [PER_DAY]   (defaults 10000 and 1000 articles a day); needs Java 17, Maven and python3
#        HEAP=512m bench/replay.sh ... runs with another -Xmx; JAVA_OPTS are passed to java
#        (e.g. JAVA_OPTS=-Dwatchfloor.extract.parser=none, or WATCHFLOOR_EXTRACT_PARSER=none for the word-order reading)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"
per_day="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
[ -f target/watchfloor.jar ] || mvn -B -q -DskipTests package
python3 bench/gen_articles.py "$n" "$work/articles" 42 "$per_day"
size=$(du -sk "$work/articles" | cut -f1)
echo "articles: $n ($((size / 1024)) MB, $per_day a day)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Output is counted as it streams (a million articles give gigabytes of alert lines). Every 30 s a full collection
# (jcmd GC.run) measures the live heap: the data the pipeline keeps, which must not grow with N.
mkfifo "$work/out"
(cut -c1-16 < "$work/out" | sort | uniq -c > "$work/kinds.txt") &
counter=$!
start=$(date +%s.%N)
heap="${HEAP:-1g}"
# shellcheck disable=SC2086
java -Xmx"$heap" -Xlog:gc:file="$work/gc.log" -Dlogback.configurationFile=bench/logback-quiet.xml ${JAVA_OPTS:-} \
  -jar target/watchfloor.jar replay "$work/articles" --format jsonl > "$work/out" &
pid=$!
while kill -0 "$pid" 2> /dev/null; do
  for _ in $(seq 30); do kill -0 "$pid" 2> /dev/null && sleep 1; done
  if kill -0 "$pid" 2> /dev/null; then jcmd "$pid" GC.run > /dev/null 2>&1 || true; fi
done
wait "$pid"
end=$(date +%s.%N)
wait "$counter"
t=$(python3 -c "print(round($end - $start, 2))")
signals=$(awk '/signal/ {print $1}' "$work/kinds.txt")
alerts=$(awk '/alert/ {print $1}' "$work/kinds.txt")
echo "watchfloor replay: ${t}s  ($(python3 -c "print(round($n / $t))") articles/s, ${signals:-0} signals, ${alerts:-0} alert lines)"
python3 bench/gc_summary.py "$work/gc.log" "$heap"

# The floor: the same lexicon's trigger phrases (a "head ... tail" trigger as head.{0,40}tail), case-insensitive,
# whole words, no understanding.
python3 bench/lexicon_patterns.py rules/lexicon/events.yaml > "$work/lexicon.txt"
start=$(date +%s.%N)
grep -r -c -i -w -E -f "$work/lexicon.txt" "$work/articles" > /dev/null || true
end=$(date +%s.%N)
g=$(python3 -c "print(round($end - $start, 3))")
echo "grep floor ($(wc -l < "$work/lexicon.txt") phrases): ${g}s  (watchfloor / grep = $(python3 -c "print(round($t / $g, 1))"))"
