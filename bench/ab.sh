#!/usr/bin/env bash
# Two builds of watchfloor on the same articles, taken in turns: A, B, A, B ... ROUNDS times each, so that the
# machine's changing speed (a shared host: the same build's CPU time varies by a quarter from one run to the next)
# falls on both alike. Per run: the wall time of the replay, the CPU time of the process (user + system) and the
# stages' CPU as the replay logs it; then the median and the fastest run of each build, B against A. The replays'
# outputs are compared (a checksum of their JSON lines, which name the same article files in every run): exit 1 when
# B's alerts or signals differ from A's, or when one build's runs differ among themselves. The checksum is taken as
# the output streams, without rewriting it: a dense replay writes gigabytes, and rewriting them took a core.
# usage: bench/ab.sh A.jar B.jar [--dense | --digest] [N] [PER_DAY] [ROUNDS]   (defaults 10000, 1000 a day, 3 rounds)
#        needs Java 17, python3 and GNU time (/usr/bin/time); WATCHFLOOR_EXTRACT_PARSER=none replays without the
#        dependency parse; HEAP (default 1g) as in replay.sh; the launchers' options for replay (the parallel
#        collector, less inlining); A_OPTS and B_OPTS: JVM options for one side only, after those (the same jar twice
#        compares two settings; "-XX:FreqInlineSize=325 -XX:InlineSmallCode=2500" restores the JVM's own inlining);
#        A_DIR and B_DIR: the folder each side runs in (default the project folder), whose rules/ it reads: a checkout
#        of each build's commit when the two builds ship different rules
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/replay-common.sh
. "$here/bench/replay-common.sh"
default_rounds=3 two_builds "usage: bench/ab.sh A.jar B.jar [--dense | --digest] [N] [PER_DAY] [ROUNDS]" "$@"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
make_articles "$work/articles"
echo "articles: $n (${mix:-default mix}, $per_day a day); A $a ${A_OPTS:-} ${A_DIR:-}, B $b ${B_OPTS:-} ${B_DIR:-}; \
$rounds rounds; parser: \
${WATCHFLOOR_EXTRACT_PARSER:-as configured}; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

for r in $(seq "$rounds"); do
  for side in A B; do
    jar="$a"
    opts="${A_OPTS:-}"
    dir="${A_DIR:-$here}"
    [ "$side" = B ] && jar="$b" && opts="${B_OPTS:-}" && dir="${B_DIR:-$here}"
    log="$work/$side.$r.log"
    (cd "$dir" && /usr/bin/time -f "process %e s wall, %U s user, %S s system" -o "$work/$side.$r.time" \
      java -Xmx"${HEAP:-1g}" -XX:+UseParallelGC $BATCH_OPTS $opts \
      -Dlogback.configurationFile="$here/bench/logback-quiet.xml" \
      -jar "$jar" replay "$work/articles" --format jsonl 2> "$log" \
      | md5sum | cut -d' ' -f1 > "$work/$side.$r.md5")
    echo "$side round $r: $(cat "$work/$side.$r.time"); output $(cut -c1-12 "$work/$side.$r.md5"); load $(cut -d' ' -f1 /proc/loadavg)"
  done
done

python3 - "$work" "$rounds" "$n" <<'EOF'
import re, statistics, sys
work, rounds, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stages = [("replay pass", r"replayed \d+ articles in (\d+) ms"), ("extraction", r"extraction (\d+) ms"),
          ("ordered thread", r"the ordered stage (\d+) ms"), ("rules", r"the rules (\d+) ms"),
          ("alerts", r"alerts (\d+) ms and"), ("their JSON", r"their JSON (\d+) ms"),
          ("dating", r"dated \d+ articles in (\d+) ms")]
def runs(side):
    out = []
    for r in range(1, rounds + 1):
        t = open(f"{work}/{side}.{r}.time").read()
        wall, user, system = map(float, re.findall(r"([\d.]+) s", t)[:3])
        log = open(f"{work}/{side}.{r}.log").read()
        row = {"articles/s": n / wall, "process CPU s": user + system}
        for name, pattern in stages:
            m = re.search(pattern, log)
            row[name + " s"] = int(m.group(1)) / 1000 if m else float("nan")
        row["md5"] = open(f"{work}/{side}.{r}.md5").read().strip()
        out.append(row)
    return out
A, B = runs("A"), runs("B")
print(f"{'':22} {'A median':>10} {'A best':>10} {'B median':>10} {'B best':>10} {'B/A (median)':>13}")
for key in [k for k in A[0] if k != "md5"]:
    best = max if key == "articles/s" else min
    am, bm = statistics.median(r[key] for r in A), statistics.median(r[key] for r in B)
    print(f"{key:22} {am:10.1f} {best(r[key] for r in A):10.1f} {bm:10.1f} {best(r[key] for r in B):10.1f}"
          f" {bm / am if am else float('nan'):13.2f}")
sums = {r["md5"] for r in A} | {r["md5"] for r in B}
if len(sums) != 1:
    print(f"OUTPUTS DIFFER: A {sorted({r['md5'] for r in A})}, B {sorted({r['md5'] for r in B})}")
    sys.exit(1)
print(f"outputs identical in all {2 * rounds} runs ({sums.pop()})")
EOF
