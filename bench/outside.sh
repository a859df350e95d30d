#!/usr/bin/env bash
# Extraction on outside text: `watchfloor evaluate` on the project's own corpus, the outside sets real-dev and plover
# and PETRARCH-2's unit-test records; then, for real-dev and plover, the same figures from the outside corpus's own
# score.py on `replay --format jsonl` output, compared with evaluate's figure by figure, miss by miss and false alarm
# by false alarm (bench/score_agreement.py). The outside text is never copied into the project: SHARED (default
# ../shared) is the folder that holds corpus/ and data/petrarch2/.
# usage: SHARED=../shared bench/outside.sh          needs Java 17, Maven and python3
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
shared="${SHARED:-../shared}"
[ -f "$shared/corpus/score.py" ] || { echo "bench/outside.sh: no $shared/corpus/score.py (set SHARED)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./watchfloor evaluate src/test/resources/corpus "$shared/corpus/real-dev" "$shared/corpus/plover" \
  --petrarch "$shared/data/petrarch2/PETR.UnitTest.records.xml" --show figures 2> "$work/evaluate.err"

status=0
for set in real-dev plover; do
  ./watchfloor replay "$shared/corpus/$set/articles" --format jsonl > "$work/$set.replay.jsonl" 2> /dev/null
  python3 "$shared/corpus/score.py" "$shared/corpus/$set/labels.yaml" < "$work/$set.replay.jsonl" > "$work/$set.score.txt"
  ./watchfloor evaluate "$shared/corpus/$set" --format jsonl > "$work/$set.evaluate.jsonl" 2> /dev/null
  echo "score.py and evaluate on $set:"
  python3 bench/score_agreement.py "$work/$set.evaluate.jsonl" "$work/$set.score.txt" || status=1
done
exit "$status"
