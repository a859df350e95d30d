#!/usr/bin/env bash
# Replay throughput: N synthetic articles through the whole pipeline (parse, extract, rules, alert decisions, an
# in-memory H2 store), against the grep floor (the same event words counted by grep -c -E over the same files).
# usage: bench/replay.sh [N]   (default 10000); needs Java 17, Maven and python3
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
[ -f target/watchfloor.jar ] || mvn -B -q -DskipTests package
python3 bench/gen_articles.py "$n" "$work/articles"
size=$(du -sk "$work/articles" | cut -f1)
echo "articles: $n ($size KB) in $work/articles"

start=$(date +%s.%N)
java -Xmx512m -Dlogback.configurationFile=bench/logback-quiet.xml -jar target/watchfloor.jar \
  replay "$work/articles" --format jsonl > "$work/out.jsonl"
end=$(date +%s.%N)
t=$(python3 -c "print(round($end - $start, 2))")
signals=$(grep -c '"kind":"signal"' "$work/out.jsonl" || true)
alerts=$(grep -c '"kind":"alert"' "$work/out.jsonl" || true)
echo "watchfloor replay: ${t}s  ($(python3 -c "print(round($n / $t))") articles/s, $signals signals, $alerts alert lines)"

start=$(date +%s.%N)
grep -c -E 'strike|strikes|exchanged fire|arrived in|held talks|ceasefire|recalled its ambassador' \
  "$work"/articles/*.txt > /dev/null || true
end=$(date +%s.%N)
g=$(python3 -c "print(round($end - $start, 3))")
echo "grep floor: ${g}s  (watchfloor / grep = $(python3 -c "print(round($t / $g, 1))"))"
