#!/usr/bin/env bash
# Cold start: from process start (just before `java -jar target/watchfloor.jar run`) until the rules are compiled and
# the first polls are scheduled (the daemon's "watchfloor started" log line, just after its "ready:" line, which gives
# the JVM's own uptime and where the time went). Each run starts with an empty data folder, so the store is created
# and migrated every time (the slowest start). Four series: the bare jar, then with the class-data archive that the
# ./watchfloor launcher makes and uses (target/watchfloor.jsa); then, with the archive, rules edited since the build
# (the jar carries the shipped rules compiled, not these): compiled at every start, then restarts that keep the data
# folder's compiled-rules/ (the first compiles, the others read back). Prints each run, then the median and the max.
# usage: bench/coldstart.sh [RUNS]   (default 5); JAVA_OPTS are passed to java; JAR picks another jar (to compare
#        with an older build; bare jar only); needs Java 17 and Maven
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$here"
jar="${JAR:-target/watchfloor.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
mkdir -p "$work/inbox"

now_ms() { date +%s%3N; }
stats() { # median and max of the arguments
  sort -n <<< "$(printf '%s\n' "$@")" | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2); printf "median %d ms, max %d ms", m, v[NR] }'
}

series() { # series LABEL JVM-OPTIONS...
  local label="$1" r t0 t1 cpu wall ready uptime
  shift
  local walls=() uptimes=() cpus=()
  echo "$label:"
  for ((r = 1; r <= runs; r++)); do
    if [ "$keep_compiled" = 1 ] && [ -d "$work/var/compiled-rules" ]; then
      mv "$work/var/compiled-rules" "$work/compiled-rules"
    fi
    rm -rf "$work/var"
    if [ -d "$work/compiled-rules" ]; then
      mkdir -p "$work/var" && mv "$work/compiled-rules" "$work/var/compiled-rules"
    fi
    printf 'dataDir: %s\nrulesDir: %s\nsources:\n  folders: [%s]\nhttp:\n  port: 0\n' \
      "$work/var" "$rules_dir" "$work/inbox" > "$work/watchfloor.yaml"
    : > "$work/log"
    t0="$(now_ms)"
    # shellcheck disable=SC2086
    java "$@" ${JAVA_OPTS:-} -jar "$jar" run --config "$work/watchfloor.yaml" 2> "$work/log" > /dev/null &
    pid=$!
    until grep -q 'watchfloor started' "$work/log"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "the daemon stopped before it was ready:" >&2
        cat "$work/log" >&2
        exit 1
      fi
      if [ $(($(now_ms) - t0)) -gt 120000 ]; then
        echo "not ready after 120 s" >&2
        exit 1
      fi
      sleep 0.01
    done
    t1="$(now_ms)"
    # CPU time used so far (user + system, all threads): less disturbed by other load than the wall time.
    cpu=$(awk -v tck="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / tck}' "/proc/$pid/stat")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
    wall=$((t1 - t0))
    walls+=("$wall")
    cpus+=("$cpu")
    ready="$(grep -o 'ready: .*' "$work/log" || true)"
    uptime="$(sed -n 's/.*first poll scheduled, \([0-9]*\) ms after JVM start.*/\1/p' "$work/log")"
    uptimes+=("${uptime:-0}")
    echo "  run $r: ${wall} ms from exec to ready (seen in the log), CPU ${cpu} ms${ready:+; $ready}"
  done
  echo "  $label, $runs runs (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "    exec to ready: $(stats "${walls[@]}")"
  echo "    CPU time to ready: $(stats "${cpus[@]}")"
  if [ "${uptimes[0]}" != 0 ]; then
    echo "    JVM uptime at ready (from the log): $(stats "${uptimes[@]}")"
  fi
}

rules_dir="$here/rules"
keep_compiled=0
series "bare jar (java -jar $jar)"
if [ -z "${JAR:-}" ]; then
  WATCHFLOOR_CDS=1 ./watchfloor --version > /dev/null # makes target/watchfloor.jsa if missing or stale
  cds=(-XX:SharedArchiveFile=target/watchfloor.jsa -Xlog:disable -Xlog:all=warning:stderr)
  series "with the launcher's class-data archive (target/watchfloor.jsa)" "${cds[@]}"
  # The jar carries the shipped rules compiled; an admin's edit is compiled at the first start after it, and kept
  # in the data folder (compiled-rules/) for the starts after that.
  rules_dir="$work/rules"
  mkdir -p "$rules_dir"
  cp -r "$here/rules/." "$rules_dir"/
  printf '\n// edited by the admin\n' >> "$rules_dir/escalation.drl"
  series "with the archive, rules edited since the build (compiled at each start)" "${cds[@]}"
  keep_compiled=1
  series "with the archive, rules edited, restarts (compiled at the first, read back after)" "${cds[@]}"
fi
