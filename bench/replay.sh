#!/usr/bin/env bash
# Replay throughput and memory: N synthetic articles through the whole pipeline (parse, extract with the dependency
# parse, rules, alert decisions, the store: H2 on disk), with a 1 GB heap (the parser's models take about 350 MB);
# then two grep floors over the same files, each reading every byte (grep -c counts every matching line, its output
# goes to a file: sent to /dev/null, GNU grep stops reading a file at its first match), in the C locale: a short list
# of 16 trigger words, and every trigger phrase of the event lexicon (rules/lexicon/events.yaml).
# usage: bench/replay.sh [--dense | --digest] [N] [PER_DAY]   (defaults 10000 and 1000 articles a day); needs Java 17, Maven,
#        python3; --dense: the event-dense mix of gen_articles.py (events in every article, about 2 signals each);
#        --digest: denser still (a dozen pairs' events in every article, about 19 signals each)
#        HEAP=512m bench/replay.sh ... runs with another -Xmx; JAVA_OPTS are passed to java (after the launchers'
#        batch options: the parallel collector unless they name another, and less inlining);
#        JAR=old.jar measures another build (default target/watchfloor.jar, built when missing);
#        REPLAY_OPTS="--lanes 1" passes options to watchfloor replay;
#        WATCHFLOOR_EXTRACT_PARSER=none replays without the dependency parse (roles from the order of words);
#        KEEP=out.jsonl keeps the replay's output (to compare two builds' alerts)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/replay-common.sh
. "$here/bench/replay-common.sh"
articles_args "$@"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
jar="${JAR:-target/watchfloor.jar}"
[ -n "${JAR:-}" ] || [ -f target/watchfloor.jar ] || mvn -B -q -DskipTests package
make_articles "$work/articles"
size=$(du -sk "$work/articles" | cut -f1)
echo "articles: $n (${mix:-default mix}, $((size / 1024)) MB, $per_day a day); ${JAR:+jar $JAR, }commit $(git rev-parse --short HEAD)"
echo "parser: ${WATCHFLOOR_EXTRACT_PARSER:-as configured (corenlp by default)}; replay options: ${REPLAY_OPTS:-none}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Output is counted as it streams (a million articles give gigabytes of alert lines). Every 30 s a full collection
# (jcmd GC.run) measures the live heap: the data the pipeline keeps, which must not grow with N.
mkfifo "$work/out"
(tee "${KEEP:-/dev/null}" < "$work/out" | cut -c1-16 | sort | uniq -c > "$work/kinds.txt") &
counter=$!
start=$(date +%s.%N)
heap="${HEAP:-1g}"
# What the launchers give replay: the parallel collector, unless JAVA_OPTS names another, and less inlining (JAVA_OPTS,
# later on the line, win)
gc="-XX:+UseParallelGC"
case " ${JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) gc="" ;; esac
gc="$gc $BATCH_OPTS"
# shellcheck disable=SC2086
java -Xmx"$heap" $gc -Xlog:gc:file="$work/gc.log" -Dlogback.configurationFile=bench/logback-quiet.xml ${JAVA_OPTS:-} \
  -jar "$jar" replay "$work/articles" --format jsonl ${REPLAY_OPTS:-} > "$work/out" &
pid=$!
rss=0
while kill -0 "$pid" 2> /dev/null; do
  for _ in $(seq 30); do
    if kill -0 "$pid" 2> /dev/null; then
      # The peak resident set so far (gone with the process: read while it runs)
      r=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
      [ "${r:-0}" -gt "$rss" ] && rss=$r
      sleep 1
    fi
  done
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
echo "peak RSS: $((rss / 1024)) MB; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

# The floors: trigger phrases (a "head ... tail" trigger as head.{0,40}tail), case-insensitive, whole words, no
# understanding; counted in every file to the end.
floor() {
  local name="$1" patterns="$2"
  local start end g
  start=$(date +%s.%N)
  LC_ALL=C grep -r -c -i -w -E -f "$patterns" "$work/articles" > "$work/grep-counts.txt" || true
  end=$(date +%s.%N)
  g=$(python3 -c "print(round($end - $start, 3))")
  echo "grep floor, $name ($(wc -l < "$patterns") patterns, LC_ALL=C grep -r -c): ${g}s, \
$(awk -F: '{s += $NF} END {print s}' "$work/grep-counts.txt") matching lines  (watchfloor / grep = \
$(python3 -c "print(round($t / $g, 1))"))"
}
printf '%s\n' strike struck strikes shelled clash clashes recalled expelled warned visit arrived talks ceasefire \
  agreement retaliated troops > "$work/short.txt"
python3 bench/lexicon_patterns.py rules/lexicon/events.yaml > "$work/lexicon.txt"
floor "16 trigger words" "$work/short.txt"
floor "the whole lexicon" "$work/lexicon.txt"
