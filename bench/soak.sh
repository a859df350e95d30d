#!/usr/bin/env bash
# Delivery soak: generated articles (crises between twelve pairs of countries, about six alerts each) dropped into
# the watched folder of a real daemon (target/watchfloor.jar) that is killed with SIGKILL again and again, at random
# moments and, one kill in three, the instant the SMTP server has taken a message (before the daemon hears "250"),
# and restarted each time; a last run finishes the work and stops. A loopback SMTP server records every message. Two
# officers: one follows everything, one only CRITICAL alerts. Prints the alerts on record, the deliveries due, lost,
# sent twice under two Message-IDs, repeats under the same Message-ID (counted apart), and exits 1 on any loss or
# double. The same harness, shorter, is the CI test DeliveryUnderKillsIT.
# usage: bench/soak.sh [CRISES] [KILLS] [SEED] [GROUP_WAIT]   (defaults 80, 12, 7, 0s); needs Java 17 and Maven
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
crises="${1:-80}"
kills="${2:-12}"
seed="${3:-7}"
group_wait="${4:-0s}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
[ -f target/watchfloor.jar ] || mvn -B -q -Dstyle.color=never -DskipTests package
mvn -B -q -Dstyle.color=never test-compile > /dev/null
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" > /dev/null
echo "soak: $crises crises, $kills kills, seed $seed, groupWait $group_wait; machine: $(nproc) cores, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" -Dwatchfloor.jar=target/watchfloor.jar \
  -Dlogback.configurationFile=bench/logback-quiet.xml \
  io.watchfloor.cli.KillLoop "$work/run" "$crises" "$kills" "$seed" "$group_wait"
