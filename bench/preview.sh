#!/usr/bin/env bash
# Preview benchmark (issue 7): the console's Exports preview over 1,000,000 conversations, driven
# as a browser drives it. The operator signs in with the form, opens the Exports page, chooses
# Conversations over days that cover every row, then bench/Preview.java sends PrimeFaces' own AJAX
# requests (captured once from headless Chromium) for page changes at the start, the middle, the
# end and at random, sort changes on three columns, and page changes while sorted, checks each
# answer's rows and prints count, median, p95, p99 and max of the client's wall times.
#
#   bash bench/preview.sh             # on a shared machine: flock /tmp/mvn.lock bash bench/preview.sh
#   ROWS=200000 PAGE_CHANGES=100 bash bench/preview.sh
#   BENCH_BUFFER_POOL_MIB=128 bash bench/preview.sh   # MariaDB's default pool instead of 1 GiB
#   WAR=path/to/other.war bash bench/preview.sh # another build, for a side-by-side run
#
# The server and the rows are those of the export benchmark (bench/lib.sh): a fresh database of
# the machine's MariaDB, the directory through POST /api/events, the rows straight into the
# projection table, conversation n being session sn, started n seconds after 2026-01-01 UTC.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
PAGE_CHANGES=${PAGE_CHANGES:-300}
DB=${BENCH_DB:-exports_preview_bench}
PORT=${BENCH_PORT:-18182}
. bench/lib.sh

bench_build
bench_buffer_pool "${BENCH_BUFFER_POOL_MIB:-1024}"
bench_start_server
bench_seed_directory
bench_seed_conversations "$ROWS"

# The last day that has a row: conversation $ROWS starts $ROWS seconds after 2026-01-01.
LAST_DAY=$(date -u -d "@$(( $(date -u -d 2026-01-01 +%s) + ROWS ))" +%Y-%m-%d)
java bench/Preview.java "http://127.0.0.1:$PORT" operator "$OPERATOR_PASSWORD" 2026-01-01 "$LAST_DAY" \
  "$ROWS" "$PAGE_CHANGES"
