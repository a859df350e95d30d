#!/usr/bin/env bash
# The situation board with many alerts on record: N alerts (default 100,000) in an H2 file store, the board served
# on loopback as the daemon serves it, each page timed over HTTP (p50, p95, max of REQUESTS, default 100).
#   bench/board.sh [N] [REQUESTS]
# Needs Java 17 and Maven. Exits 1 when the board or the pair page takes 200 ms or more at p95.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"; requests="${2:-100}"
if [[ ! -f target/watchfloor.jar || ! -f target/test-classes/io/watchfloor/bench/BoardBench.class \
      || -n "$(find src/main src/test/java/io/watchfloor/bench -newer target/watchfloor.jar -type f | head -1)" ]]; then
  mvn -B -q package -DskipTests >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -Dlogback.configurationFile=bench/logback-quiet.xml -cp target/watchfloor.jar:target/test-classes \
  io.watchfloor.bench.BoardBench "$work/var" "$n" "$requests"
