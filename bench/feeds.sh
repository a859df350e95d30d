#!/usr/bin/env bash
# Feed-polling benchmark: 1,000 generated RSS feeds on a loopback server, one fresh round and one all-304 round.
#   bench/feeds.sh [--feeds 1000] [--items 5] [--concurrency 16] [--pipeline]
# --pipeline sends new items through the whole article pipeline (extraction, rules, alerts) instead of a counter.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/watchfloor.jar || ! -d target/test-classes/io/watchfloor/bench ]]; then
  mvn -B -q package -DskipTests >&2
fi
exec java -Xmx1g -Dlogback.configurationFile=bench/logback-quiet.xml -Dsun.net.httpserver.nodelay=true \
  -cp target/watchfloor.jar:target/test-classes io.watchfloor.bench.FeedPollBench "$@"
