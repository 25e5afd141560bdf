#!/usr/bin/env bash
# Report reads benchmark (issues 4 and 14): how long each of the eight reports takes to export,
# for one day and for two weeks, in four zones (UTC, Europe/Amsterdam, America/St_Johns at -3:30,
# Asia/Kathmandu at +5:45), over the simulator's two weeks (about 685,000 events), side by side
# with a baseline build (BASE_REF, default 990f09b: the last commit before the report stores of
# decision 30, which read the agent reports from every fact). Both servers get the same events
# through POST /api/events into databases of their own, one after the other; each export runs
# ROUNDS times (default 3) in Europe/Amsterdam and once in the other zones, the median counts. The
# CSV's SHA-256 is compared: both builds must give the same bytes, and the script fails otherwise.
#
#   bash bench/reports.sh
#   ROUNDS=5 BASE_REF=<commit> bash bench/reports.sh
#   REPORTS_SMOKE=1 bash bench/reports.sh   # the current build against itself, one day of a small
#                                          # operation (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
BASE_REF=${BASE_REF:-990f09b}
if [ "${REPORTS_SMOKE:-0}" = 1 ]; then
  ROUNDS=1
  export BENCH_SIMULATION="--seed 24 --start 2026-01-05 --days 14 --accounts 2 --agents 3 --scale 0.2"
fi
PORT=${BENCH_PORT:-18183}
DB=exports_reports_bench
. bench/lib.sh

bench_build
BASELINE="$PWD/$WORK/baseline"
BASELINE_WAR="$BASELINE/app-assembly/target/exports.war"
if [ "${REPORTS_SMOKE:-0}" = 1 ]; then
  BASELINE_WAR=app-assembly/target/exports.war
elif [ ! -f "$BASELINE_WAR" ] || [ "$(git -C "$BASELINE" rev-parse HEAD 2>/dev/null)" != "$(git rev-parse "$BASE_REF^{commit}")" ]; then
  git worktree remove --force "$BASELINE" 2>/dev/null || rm -rf "$BASELINE"
  git worktree add --detach "$BASELINE" "$BASE_REF" > /dev/null
  (cd "$BASELINE" && mvn -B -q package -DskipTests -pl app-assembly -am)
fi

REPORTS=(agent-activity agent-performance agents conversations automatic-invites hosts traffic slots)
RANGES=("from=2026-01-12&to=2026-01-13" "from=2026-01-05&to=2026-01-19")
RANGE_NAMES=("1 day" "14 days")
ZONES=(Europe/Amsterdam UTC America/St_Johns Asia/Kathmandu)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Prints "<report>|<zone>|<range>|<median s>|<bytes>|<sha256>" for every report, zone and range.
measure() {
  local r z i q round rounds times
  for z in "${ZONES[@]}"; do
    rounds=1
    [ "$z" = "${ZONES[0]}" ] && rounds=$ROUNDS
    for r in "${REPORTS[@]}"; do
      for i in "${!RANGES[@]}"; do
        q="http://127.0.0.1:$PORT/api/exports/$r?tz=$z&${RANGES[$i]}"
        times=""
        for round in $(seq 1 "$rounds"); do
          times+="$(curl -fs -o "$WORK/report.csv" -H "Authorization: Bearer $TOKEN" -w "%{time_total}" "$q")"$'\n'
        done
        echo "$r|$z|${RANGE_NAMES[$i]}|$(printf '%s' "$times" | median)|$(stat -c %s "$WORK/report.csv")|$(sha256sum "$WORK/report.csv" | cut -c1-16)"
      done
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

run baseline "$BASELINE_WAR"
run now app-assembly/target/exports.war

printf "%-18s %-17s %-8s %11s %9s %9s %10s  %s\n" report zone range "baseline s" "now s" "speed-up" bytes "same CSV"
paste -d'|' "$WORK/reports-baseline.txt" "$WORK/reports-now.txt" |
  while IFS='|' read -r report zone range base _ base_sha _ _ _ now bytes now_sha; do
    same=no
    [ "$base_sha" = "$now_sha" ] && same=yes
    printf "%-18s %-17s %-8s %11.3f %9.3f %9.1f %10d  %s\n" "$report" "$zone" "$range" "$base" "$now" \
      "$(awk -v b="$base" -v n="$now" 'BEGIN { print b / n }')" "$bytes" "$same"
  done | tee "$WORK/reports-table.txt"
if grep -q ' no$' "$WORK/reports-table.txt"; then
  echo "FAILED: the builds' CSVs differ"
  exit 1
fi
echo "every CSV is byte for byte the baseline's"
