#!/usr/bin/env bash
# XLSX benchmark (issue 20): ROWS Conversations rows exported as XLSX (format=xlsx) against the
# CSV export of the same criteria, in turns, ROUNDS times (medians); the server's live heap while
# each runs; then both files downloaded and the workbook read by an independent reader (Apache
# POI's streaming reader, bench/XlsxCells.java) cell by cell against the CSV (read by Commons
# CSV). Prints the figures; exits non-zero when a cell differs.
#
#   bash bench/xlsx.sh                 # 1,000,000 rows; the machine's MariaDB at 127.0.0.1:3306
#   ROWS=50000 ROUNDS=1 bash bench/xlsx.sh
#
# Rows: the simulator's conversations copied in SQL (bench/lib.sh,
# bench_seed_simulated_conversations), so the cells hold realistic texts; Europe/Amsterdam, so
# the date-times are converted from instants across both of the year's clock changes.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
DB=${BENCH_DB:-exports_xlsx_bench}
PORT=${BENCH_PORT:-18184}
. bench/lib.sh

# The reader's class path: POI and Commons CSV from app-assembly's test scope.
READER_CLASSPATH=$WORK/reader.classpath
if [ ! -f "$READER_CLASSPATH" ]; then
  mvn -B -q package -DskipTests -pl app-assembly -am dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$READER_CLASSPATH"
fi
bench_build
bench_start_server
bench_seed_simulated_conversations "$ROWS"

URL="http://127.0.0.1:$PORT/api/exports/conversations?tz=Europe/Amsterdam&from=2026-01-01&to=2027-01-01"
export_timed() { # $1 format; prints: total-s bytes
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -w "%{time_total} %{size_download}\n" "$URL&format=$1"
}

export_timed xlsx > /dev/null # warm-up: JIT and pools
export_timed csv > /dev/null
: > "$WORK/xlsx-rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  read -r xt xb < <(export_timed xlsx)
  read -r ct cb < <(export_timed csv)
  echo "$xt $xb $ct $cb" >> "$WORK/xlsx-rounds.txt"
  awk -v r="$round" -v xt="$xt" -v ct="$ct" -v n="$ROWS" \
    'BEGIN { printf "round %d: XLSX %.2f s (%d rows/s), CSV %.2f s (%d rows/s), XLSX/CSV rate %.2f\n", r, xt, n / xt, ct, n / ct, ct / xt }'
done
XT=$(awk '{ print $1 }' "$WORK/xlsx-rounds.txt" | median)
XB=$(awk '{ print $2 }' "$WORK/xlsx-rounds.txt" | median)
CT=$(awk '{ print $3 }' "$WORK/xlsx-rounds.txt" | median)
CB=$(awk '{ print $4 }' "$WORK/xlsx-rounds.txt" | median)
RATE=$(awk '{ print $3 / $1 }' "$WORK/xlsx-rounds.txt" | median)
read -r IDLE_HEAP XLSX_HEAP < <(bench_export_live_heap "$URL&format=xlsx" "$TOKEN")
read -r IDLE_HEAP_CSV CSV_HEAP < <(bench_export_live_heap "$URL&format=csv" "$TOKEN")

curl -fs -o "$WORK/conversations.csv" -H "Authorization: Bearer $TOKEN" "$URL&format=csv"
curl -fs -o "$WORK/conversations.xlsx" -H "Authorization: Bearer $TOKEN" "$URL&format=xlsx"
bench_stop_server
set +e
CHECK=$(java -Xmx1g -cp "$(cat "$READER_CLASSPATH")" bench/XlsxCells.java "$WORK/conversations.csv" "$WORK/conversations.xlsx" 2>&1 | grep -v "Log4j API could not find")
CHECK_RC=$?
set -e

echo
echo "== XLSX export, $ROWS Conversations rows, Europe/Amsterdam (medians of $ROUNDS rounds) =="
awk -v xt="$XT" -v xb="$XB" -v ct="$CT" -v cb="$CB" -v n="$ROWS" -v rate="$RATE" 'BEGIN {
  printf "XLSX: %.2f s, %d rows/s, %.1f MiB\n", xt, n / xt, xb / 1048576
  printf "CSV:  %.2f s, %d rows/s, %.1f MiB\n", ct, n / ct, cb / 1048576
  printf "XLSX rows/s against CSV rows/s (median of the rounds): %.2f\n", rate }'
echo "server live heap: idle $IDLE_HEAP MiB, during XLSX at most $XLSX_HEAP MiB (growth $(( XLSX_HEAP - IDLE_HEAP )) MiB); during CSV at most $CSV_HEAP MiB (growth $(( CSV_HEAP - IDLE_HEAP_CSV )) MiB)"
echo "independent reader (Apache POI, streaming): $CHECK"
exit "$CHECK_RC"
