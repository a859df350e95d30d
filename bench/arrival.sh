#!/usr/bin/env bash
# Arrival order: N articles from bench/gen_articles.py, all at once in publication order (as `watchfloor replay`
# takes them), then dropped one at a time into a watched folder in ORDERS shuffled orders, a folder pass after each,
# as a running daemon reads a drop folder; what differs in the alerts on record. -v lists the differences.
#   bench/arrival.sh [N] [PER_DAY] [SEED] [ORDERS] [-v]     (defaults: 224 8 7 3)
# Needs Java 17, Maven and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-224}"; per_day="${2:-8}"; seed="${3:-7}"; orders="${4:-3}"; verbose="${5:-}"
if [[ ! -f target/watchfloor.jar || ! -f target/test-classes/io/watchfloor/bench/ArrivalOrderBench.class ]]; then
  mvn -B -q package -DskipTests >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen_articles.py "$n" "$work/articles" "$seed" "$per_day"
java -Xmx1g -Dlogback.configurationFile=bench/logback-quiet.xml -cp target/watchfloor.jar:target/test-classes \
  io.watchfloor.bench.ArrivalOrderBench --orders "$orders" ${verbose:+-v} "$work/articles"
