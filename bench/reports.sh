#!/usr/bin/env bash
# Report reads benchmark (issue 4): how long each of the eight reports takes to export, for one
# day and for two weeks, over the simulator's two weeks (about 685,000 events), side by side with
# a baseline build that computed the seven aggregate reports from every stored fact (BASE_REF,
# default 2b49667, the last commit before decision 17). Both servers get the same events through
# POST /api/events into databases of their own, one after the other; each export runs ROUNDS times
# (default 3) and the median counts. The CSV's SHA-256 is printed too: both builds must give the
# same bytes.
#
#   bash bench/reports.sh
#   ROUNDS=5 BASE_REF=<commit> bash bench/reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
BASE_REF=${BASE_REF:-2b49667}
PORT=${BENCH_PORT:-18183}
DB=exports_reports_bench
. bench/lib.sh

bench_build
BASELINE="$PWD/$WORK/baseline"
if [ ! -f "$BASELINE/app-assembly/target/exports.war" ]; then
  git worktree remove --force "$BASELINE" 2>/dev/null || rm -rf "$BASELINE"
  git worktree add --detach "$BASELINE" "$BASE_REF" > /dev/null
  (cd "$BASELINE" && mvn -B -q package -DskipTests -pl app-assembly -am)
fi

REPORTS=(agent-activity agent-performance agents conversations automatic-invites hosts traffic slots)
RANGES=("from=2026-01-12&to=2026-01-13" "from=2026-01-05&to=2026-01-19")
RANGE_NAMES=("1 day" "14 days")

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Prints "<report>|<range>|<median s>|<bytes>|<sha256>" for every report and range.
measure() {
  local r i q round times body
  for r in "${REPORTS[@]}"; do
    for i in "${!RANGES[@]}"; do
      q="http://127.0.0.1:$PORT/api/exports/$r?tz=Europe/Amsterdam&${RANGES[$i]}"
      times=""
      for round in $(seq 1 "$ROUNDS"); do
        times+="$(curl -fs -o "$WORK/report.csv" -H "Authorization: Bearer $TOKEN" -w "%{time_total}" "$q")"$'\n'
      done
      echo "$r|${RANGE_NAMES[$i]}|$(printf '%s' "$times" | median)|$(stat -c %s "$WORK/report.csv")|$(sha256sum "$WORK/report.csv" | cut -c1-16)"
    done
  done
}

run() { # $1 = label, $2 = WAR
  DB="exports_reports_bench_$1"
  WAR="$2" bench_start_server
  local started=$SECONDS
  bench_post_simulation >&2
  echo "$1: seeded in $(( SECONDS - started )) s" >&2
  measure > "$WORK/reports-$1.txt"
  bench_stop_server
}

run baseline "$BASELINE/app-assembly/target/exports.war"
run now app-assembly/target/exports.war

printf "%-18s %-8s %12s %12s %9s %10s  %s\n" report range "baseline s" "now s" "speed-up" bytes "same CSV"
paste -d'|' "$WORK/reports-baseline.txt" "$WORK/reports-now.txt" |
  while IFS='|' read -r report range base _ base_sha _ _ now bytes now_sha; do
    same=no
    [ "$base_sha" = "$now_sha" ] && same=yes
    printf "%-18s %-8s %12.3f %12.3f %9.1f %10d  %s\n" "$report" "$range" "$base" "$now" \
      "$(awk -v b="$base" -v n="$now" 'BEGIN { print b / n }')" "$bytes" "$same"
  done
