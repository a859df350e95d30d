#!/usr/bin/env bash
# A daemon's backlog: N synthetic articles (bench/gen_articles.py, 100 a day) in a folder, processed by
# `watchfloor run --once` into its own store (H2 on disk, every commit forced to the disk), with every alert queued
# and mailed (.eml files). What the replay does not measure: the store of a daemon, the outbox, the journal of alert
# changes. Prints the wall time, articles per second, the size of the store and the number of messages.
# usage: bench/backlog.sh [N]   (default 2000); JAR=other.jar measures another build; needs Java 17, Maven, python3
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-2000}"
jar="${JAR:-$here/target/watchfloor.jar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
[ -f "$jar" ] || mvn -B -q -DskipTests package
python3 bench/gen_articles.py "$n" "$work/articles" 42 100
echo "articles: $n (100 a day); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat > "$work/watchfloor.yaml" <<EOF
dataDir: $work/var
rulesDir: $here/rules
sources:
  folders: [$work/articles]
email:
  defaultRecipient: duty@example.org
  digest: {enabled: false}
http:
  enabled: false
EOF
start=$(date +%s.%N)
java -Xmx512m -Dlogback.configurationFile=bench/logback-quiet.xml -jar "$jar" run --once \
  --config "$work/watchfloor.yaml" > "$work/out.txt" 2> "$work/err.txt"
end=$(date +%s.%N)
t=$(python3 -c "print(round($end - $start, 2))")
echo "run --once: ${t}s ($(python3 -c "print(round($n / $t))") articles/s, JVM start included): $(cat "$work/out.txt")"
echo "store: $(du -k "$work/var/watchfloor.mv.db" | cut -f1) KB; messages: $(find "$work/var/outbox" -name '*.eml' | wc -l)"
