#!/usr/bin/env bash
# Two builds of watchfloor (or two settings of one) replaying the same articles at the same time, each pinned to a
# core of its own, the cores swapped each round. The host this project is measured on changes speed by a third from
# one minute to the next, so runs in turns (bench/ab.sh) need many rounds to see a 10% difference; two runs side by
# side meet the same host and differ only by what they run. Each JVM is told it has 2 processors
# (-XX:ActiveProcessorCount=2), so that it takes the paths a 2-core replay takes (2 readers, 2 lanes) while it has
# one core: figures are for comparing A with B, not throughput (bench/ab.sh and bench/replay.sh give that).
# Per round: each side's wall time, CPU time and a checksum of its output; then each side's median and B against A;
# exit 1 when B's output differs from A's.
# usage: bench/side-by-side.sh A.jar B.jar [--dense | --digest] [N] [PER_DAY] [ROUNDS]   (defaults 10000, 1000 a
#        day, 2 rounds); needs Java 17, python3, taskset and GNU time; WATCHFLOOR_EXTRACT_PARSER=none replays without
#        the parse; HEAP (default 1g); the launchers' options for replay (the parallel collector, less inlining);
#        A_OPTS and B_OPTS: JVM options for one side only, after those (the same jar twice compares two settings)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(nproc)" -ge 2 ] || { echo "bench/side-by-side.sh: needs 2 cores" >&2; exit 2; }
# shellcheck source=bench/replay-common.sh
. "$here/bench/replay-common.sh"
default_rounds=2 two_builds "usage: bench/side-by-side.sh A.jar B.jar [--dense | --digest] [N] [PER_DAY] [ROUNDS]" "$@"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
make_articles "$work/articles"
echo "articles: $n (${mix:-default mix}, $per_day a day); A $a ${A_OPTS:-}, B $b ${B_OPTS:-}; $rounds rounds side by" \
  "side; parser: ${WATCHFLOOR_EXTRACT_PARSER:-as configured}; machine: $(nproc) cores, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

side() { # SIDE ROUND CORE JAR OPTS
  /usr/bin/time -f "%e %U %S" -o "$work/$1.$2.time" taskset -c "$3" \
    java -XX:ActiveProcessorCount=2 -Xmx"${HEAP:-1g}" -XX:+UseParallelGC $BATCH_OPTS $5 \
    -Dlogback.configurationFile="$here/bench/logback-quiet.xml" \
    -jar "$4" replay "$work/articles" --format jsonl 2> "$work/$1.$2.log" | md5sum | cut -d' ' -f1 > "$work/$1.$2.md5"
}
for r in $(seq "$rounds"); do
  core_a=$((r % 2))
  side A "$r" "$core_a" "$a" "${A_OPTS:-}" &
  side B "$r" $((1 - core_a)) "$b" "${B_OPTS:-}" &
  wait
  echo "round $r: A on core $core_a: $(cat "$work/A.$r.time") (wall, user, system s)," \
    "output $(cut -c1-12 "$work/A.$r.md5"); B: $(cat "$work/B.$r.time"), output $(cut -c1-12 "$work/B.$r.md5")"
done

python3 - "$work" "$rounds" <<'EOF'
import statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def side(s):
    t = [list(map(float, open(f"{work}/{s}.{r}.time").read().split()[:3])) for r in range(1, rounds + 1)]
    return statistics.median(x[0] for x in t), statistics.median(x[1] + x[2] for x in t)
(aw, ac), (bw, bc) = side("A"), side("B")
print(f"median wall: A {aw:.1f} s, B {bw:.1f} s: B/A {bw / aw:.2f};"
      f" median CPU: A {ac:.1f} s, B {bc:.1f} s: B/A {bc / ac:.2f}")
sums = {open(f"{work}/{s}.{r}.md5").read().strip() for s in "AB" for r in range(1, rounds + 1)}
if len(sums) != 1:
    print(f"OUTPUTS DIFFER: {sorted(sums)}")
    sys.exit(1)
print(f"outputs identical in all {2 * rounds} runs ({sums.pop()})")
EOF
