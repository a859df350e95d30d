#!/usr/bin/env bash
# JMH benchmarks of the pipeline's stages alone (parse, extract, rules, store, alerts) and together (pipeline), on the
# labeled corpus (src/test/resources/corpus and seeds/) and on N articles from bench/gen_articles.py; then a summary:
# time per article, extraction per 5 KB, rules per signal, and which stage dominates.
# usage: bench/jmh.sh [JMH args...]    e.g.  bench/jmh.sh ExtractBench -prof gc
#        (default: every benchmark, about 3-4 minutes: one fork; extract and rules 3 warm-up and 5 measured
#        iterations of 2 s, parse and store of 1 s; alerts and pipeline are single shots over the whole stream, 2+4 and
#        1+3. -wi, -i ... given here apply to every benchmark selected.)
# env:   BENCH_N  generated articles (default 3000, 1,000 a day as in replay.sh, which uses 10000)
# Builds what is missing or older than the sources: the main project (mvn -DskipTests install, which puts its
# classes in the local Maven repository) and bench/jmh/target/benchmarks.jar. Needs Java 17, Maven and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
n="${BENCH_N:-3000}"
jmh=bench/jmh
jar=$jmh/target/benchmarks.jar

mvn_q() {
  # Offline first (everything is usually in the local repository); online when something is missing.
  mvn -B -q -Dstyle.color=never -o "$@" || mvn -B -q -Dstyle.color=never "$@"
}
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main "$jmh/pom.xml" "$jmh/src" -newer "$jar" -print -quit)" ]; then
  echo "building: watchfloor (mvn -DskipTests install), then $jar"
  mvn_q -DskipTests install
  (cd "$jmh" && mvn_q package)
fi

gen="$jmh/target/articles-$n-$(sha1sum bench/gen_articles.py | cut -c1-8)"
if [ ! -d "$gen" ]; then
  echo "generating $n articles in $gen"
  rm -rf "$gen.tmp"
  python3 bench/gen_articles.py "$n" "$gen.tmp"
  mv "$gen.tmp" "$gen"
fi

results="$jmh/target/jmh-result.json"
stats="$jmh/target/jmh-stats"
rm -rf "$stats" "$results"
java -Dlogback.configurationFile=bench/logback-quiet.xml -Dbench.root="$here" -Dbench.generated="$here/$gen" \
  -Dbench.stats="$here/$stats" -jar "$jar" -rf json -rff "$results" "$@"
if [ -f "$results" ]; then
  python3 bench/jmh/summary.py "$results" "$stats"
fi
