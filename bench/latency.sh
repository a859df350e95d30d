#!/usr/bin/env bash
# Alert latency: article files dropped one at a time into the watched folder of a running daemon, each reporting a
# strike between a new pair of countries, so each raises a new alert that is emailed; the time from the drop (an
# atomic rename into the folder) until a local SMTP server (GreenMail, on loopback) has accepted the message.
# The daemon runs with email.groupWait 0s (the group wait is a deliberate delay, 30 s by default) and
# sources.scanInterval 1h (so the periodic scan plays no part). Prints p50, p95 and max.
# usage: bench/latency.sh [N]   (default 30); JAVA_OPTS are passed to the daemon's java; needs Java 17, Maven, python3
#        and curl
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-30}"
work="$(mktemp -d)"
sink_pid=""
daemon_pid=""
cleanup() {
  for pid in "$daemon_pid" "$sink_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$here"
[ -f target/watchfloor.jar ] || mvn -B -q -Dstyle.color=never -DskipTests package

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local until=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@"; do
    if [ -n "$daemon_pid" ] && ! kill -0 "$daemon_pid" 2>/dev/null; then
      echo "the daemon stopped while waiting for $what; its log:" >&2
      tail -n 40 "$work/daemon.log" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$until" ]; then
      echo "timed out waiting for $what; daemon log:" >&2
      tail -n 40 "$work/daemon.log" >&2 || true
      exit 1
    fi
    sleep 0.05
  done
}

# The SMTP server: GreenMail from the project's test classpath, run as a single-file program.
# Its logging stays quiet: at DEBUG (the test classpath's level) it slows every message down by about 100 ms.
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" > /dev/null
smtp_port="$(free_port)"
: > "$work/sink.log"
java -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$(cat "$work/cp.txt")" bench/SmtpSink.java \
  "$smtp_port" > "$work/sink.log" 2> "$work/sink.err" &
sink_pid=$!
wait_for 60 "the SMTP server" grep -q '^listening' "$work/sink.log"

http_port="$(free_port)"
mkdir -p "$work/inbox" "$work/stage"
cat > "$work/watchfloor.yaml" <<EOF
dataDir: $work/var
rulesDir: $here/rules
sources:
  scanInterval: 1h
  folders: [$work/inbox]
email:
  smtp: {host: 127.0.0.1, port: $smtp_port, security: none}
  groupWait: 0s
  defaultRecipient: duty@example.org
  digest: {enabled: false}
http:
  port: $http_port
EOF
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar target/watchfloor.jar run --config "$work/watchfloor.yaml" \
  > "$work/daemon.out" 2> "$work/daemon.log" &
daemon_pid=$!
wait_for 90 "the daemon's /health" curl -fs -o /dev/null "http://127.0.0.1:$http_port/health"

received_more_than() { [ "$(grep -c '^received' "$work/sink.log")" -gt "$1" ]; }

# Article i reports a strike by country i on country i+1: a new pair, so a new alert, every time.
countries=(Iran Pakistan India China Russia Ukraine Israel Lebanon Syria Iraq Armenia Azerbaijan Thailand Cambodia Egypt
  Sudan Ethiopia Eritrea Somalia Kenya Afghanistan Venezuela Colombia Vietnam Philippines Japan Yemen Libya Chad Niger
  Mali Algeria Morocco)
if [ "$n" -ge "${#countries[@]}" ]; then
  echo "at most $((${#countries[@]} - 1)) articles" >&2
  exit 2
fi
today="$(date -u +%F)"
: > "$work/latencies.txt"
for ((i = 0; i < n; i++)); do
  a="${countries[$i]}" b="${countries[$((i + 1))]}" f="$(printf 'strike-%02d.txt' "$i")"
  printf '%s launches missile strikes on %s\n\nPublished: %s\n\n%s launched missile strikes on military targets in %s,%s\n' \
    "$a" "$b" "$today" "$a" "$b" " officials said. The strikes hit several bases near the border." > "$work/stage/$f"
  t0="$(date +%s%3N)"
  mv "$work/stage/$f" "$work/inbox/$f"
  wait_for 60 "the email for $f" received_more_than "$i"
  t1="$(grep '^received' "$work/sink.log" | sed -n "$((i + 1))p" | cut -d' ' -f2)"
  echo "$((t1 - t0))" >> "$work/latencies.txt"
  sleep 0.3
done

python3 - "$work/latencies.txt" <<'EOF'
import math, sys
ms = [int(l) for l in open(sys.argv[1]) if l.strip()]
s = sorted(ms)
def pct(p):
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]
print(f"alert latency, file dropped -> email accepted by SMTP ({len(ms)} articles, groupWait 0s):")
print(f"  p50 {pct(50)} ms   p95 {pct(95)} ms   max {s[-1]} ms   (first {ms[0]} ms, min {s[0]} ms)")
print("  each: " + " ".join(str(m) for m in ms))
EOF
