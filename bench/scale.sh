#!/usr/bin/env bash
# Whether a long replay costs more per article than a short one, with both meeting the same host: one build replays
# LONG articles on one core while, on the other core, it replays the first SHORT of them (the same generator, seed
# and rate: the same articles) again and again until the long replay ends; then the cores are swapped. The host this
# project is measured on changes speed by a third from one minute to the next, so a long run and short runs taken in
# turns compare two hours of the host, not two lengths of replay. Each JVM is told it has 2 processors
# (-XX:ActiveProcessorCount=2, as bench/side-by-side.sh does): its times are for the comparison, not throughput
# (bench/replay.sh gives that). A short replay still running when the long one ends runs partly alone: it is left out.
# Per round: the long replay's wall time, its time per 100,000 (from its progress lines), each short replay's wall
# time; then the seconds per 100,000 articles of each and the long against the short. Exit 1 when the short replays'
# outputs differ from each other, or the long replays' from each other.
# usage: bench/scale.sh [--dense | --digest] [LONG] [PER_DAY] [ROUNDS]   (defaults 1000000, 1000 a day, 2 rounds);
#        SHORT (default 100000); needs Java 17, python3, taskset and GNU time; JAR (default target/watchfloor.jar);
#        WATCHFLOOR_EXTRACT_PARSER=none replays without the parse; HEAP (default 1g); the launchers' options for
#        replay (the parallel collector, less inlining), then JAVA_OPTS
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(nproc)" -ge 2 ] || { echo "bench/scale.sh: needs 2 cores" >&2; exit 2; }
# shellcheck source=bench/replay-common.sh
. "$here/bench/replay-common.sh"
default_n=1000000 default_rounds=2 articles_args "$@"
long="$n"
short="${SHORT:-100000}"
[ "$short" -lt "$long" ] || { echo "bench/scale.sh: SHORT ($short) must be less than LONG ($long)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
jar="$(realpath "${JAR:-target/watchfloor.jar}")"
[ -f "$jar" ] || mvn -B -q -DskipTests package
n="$long" make_articles "$work/long"
n="$short" make_articles "$work/short"
echo "articles: $long and $short (${mix:-default mix}, $per_day a day); jar $jar; commit $(git rev-parse --short HEAD);" \
  "$rounds rounds; parser: ${WATCHFLOOR_EXTRACT_PARSER:-as configured}; machine: $(nproc) cores, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

replay() { # NAME CORE FOLDER
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S" -o "$work/$1.time" taskset -c "$2" \
    java -XX:ActiveProcessorCount=2 -Xmx"${HEAP:-1g}" -XX:+UseParallelGC $BATCH_OPTS ${JAVA_OPTS:-} \
    -Dlogback.configurationFile="$here/bench/logback-quiet.xml" \
    -jar "$jar" replay "$3" --format jsonl 2> "$work/$1.log" | md5sum | cut -d' ' -f1 > "$work/$1.md5"
}
for r in $(seq "$rounds"); do
  core_long=$((r % 2))
  replay "long.$r" "$core_long" "$work/long" &
  long_pid=$!
  s=0
  while kill -0 "$long_pid" 2> /dev/null; do
    s=$((s + 1))
    replay "short.$r.$s" $((1 - core_long)) "$work/short"
    # Counted only when the long replay was still running at its end: both met the same host all along
    if kill -0 "$long_pid" 2> /dev/null; then echo "$s" >> "$work/short.$r.counted"; fi
  done
  wait "$long_pid"
  echo "round $r: long on core $core_long: $(cat "$work/long.$r.time") (wall, user, system s); short replays:" \
    "$(for i in $(cat "$work/short.$r.counted" 2> /dev/null); do cut -d' ' -f1 "$work/short.$r.$i.time"; done | tr '\n' ' ')" \
    "s (the last, $s, left out); load $(cut -d' ' -f1 /proc/loadavg)"
done

python3 - "$work" "$rounds" "$long" "$short" <<'EOF'
import glob, os, re, statistics, sys
work, rounds, long_n, short_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def wall(name):
    return float(open(f"{work}/{name}.time").read().split()[0])
def seconds(clock):
    h, m, s = map(int, clock.split(":"))
    return h * 3600 + m * 60 + s
per = 100_000
ratios, longs, shorts = [], [], []
for r in range(1, rounds + 1):
    counted = f"{work}/short.{r}.counted"
    runs = [int(x) for x in open(counted).read().split()] if os.path.exists(counted) else []
    if not runs:
        print(f"round {r}: no short replay ended while the long one ran; make LONG longer")
        sys.exit(2)
    lw = wall(f"long.{r}")
    sw = statistics.median(wall(f"short.{r}.{i}") for i in runs)
    l_per, s_per = lw * per / long_n, sw * per / short_n
    longs.append(l_per); shorts.append(s_per); ratios.append(l_per / s_per)
    # The long replay's own pace: the time between its progress lines ("replayed N articles; heap ...")
    log = open(f"{work}/long.{r}.log").read()
    marks = [seconds(m.group(1)) for m in re.finditer(r"^(\d\d:\d\d:\d\d) INFO  Replayer - replayed \d+ articles;", log, re.M)]
    dated = re.search(r"^(\d\d:\d\d:\d\d) INFO  Replayer - dated", log, re.M)
    if dated:
        marks.insert(0, seconds(dated.group(1)))
    steps = [(b - a) % 86400 for a, b in zip(marks, marks[1:])]
    pace = f" (each {per:,} of its replay pass: {', '.join(map(str, steps))} s)" if steps else ""
    print(f"round {r}: long {l_per:.1f} s per {per:,} articles{pace}, short {s_per:.1f} s per {per:,} (median of"
          f" {len(runs)}): long/short {l_per / s_per:.3f}")
print(f"median over {rounds} rounds: long {statistics.median(longs):.1f} s, short {statistics.median(shorts):.1f} s"
      f" per {per:,} articles: long/short {statistics.median(ratios):.3f}"
      f" ({'no slower per article' if statistics.median(ratios) <= 1 else 'slower per article'} at {long_n:,})")
bad = False
for kind in ("long", "short"):
    sums = {open(f).read().strip() for f in glob.glob(f"{work}/{kind}.*.md5")}
    if len(sums) != 1:
        print(f"{kind} replays' OUTPUTS DIFFER: {sorted(sums)}")
        bad = True
    else:
        print(f"{kind} replays' outputs identical ({sums.pop()})")
sys.exit(1 if bad else 0)
EOF
