# Sourced by the replay benchmarks (replay.sh, ab.sh, side-by-side.sh, scale.sh): their common arguments, their
# articles and the JVM options the launchers give replay.

# The options both launchers give replay and evaluate after the parallel collector (less inlining, the heap in
# transparent huge pages): see the launcher ./watchfloor and config/install.sh, whose values these must stay.
BATCH_OPTS="-XX:FreqInlineSize=150 -XX:InlineSmallCode=500 -XX:+UseTransparentHugePages"
# articles_args [--dense | --digest] [N] [PER_DAY] [ROUNDS]: sets mix, n (default $default_n, or 10000), per_day
# (default 1000) and rounds (default $default_rounds, or 1).
articles_args() {
  mix=""
  if [ "${1:-}" = "--dense" ] || [ "${1:-}" = "--digest" ]; then
    mix="$1"
    shift
  fi
  n="${1:-${default_n:-10000}}"
  per_day="${2:-1000}"
  rounds="${3:-${default_rounds:-1}}"
}

# two_builds USAGE A.jar B.jar [articles_args ...]: sets a and b (absolute paths), then the articles' arguments; exits
# 2 with USAGE when the two jars are not given.
two_builds() {
  local usage="$1"
  shift
  [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
  a="$(realpath "$1")"
  b="$(realpath "$2")"
  shift 2
  articles_args "$@"
}

# make_articles DIR: the articles of gen_articles.py for those arguments (seed 42), into DIR.
make_articles() {
  python3 bench/gen_articles.py $mix "$n" "$1" 42 "$per_day"
}
