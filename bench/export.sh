#!/usr/bin/env bash
# Export benchmark (issue 5): 1,000,000 Conversations rows over HTTP to /dev/null, side by side
# with the MariaDB command-line client dumping the same rows and columns from the projection
# table, plus time to first byte and the server's heap during a 10,000-row and a 1,000,000-row
# export. Prints the figures; docs/benchmarks.md keeps a run's output.
#
#   bash bench/export.sh            # uses the machine's MariaDB at 127.0.0.1:3306 (root, no password)
#   ROWS=200000 bash bench/export.sh
#   BENCH_PROFILE=1 bash bench/export.sh   # and a JFR profile of one more export
#
# The rows are the simulator's: two weeks of its operation posted through POST /api/events (the
# directory too, so every cell the export joins is real), their projection rows then copied in
# SQL up to ROWS (bench/lib.sh, bench_seed_simulated_conversations): ingesting a million
# conversations through the API is the ingest benchmark's job, and this one measures reading
# them out.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
DB=${BENCH_DB:-exports_export_bench}
PORT=${BENCH_PORT:-18181}
. bench/lib.sh

bench_build
bench_start_server
bench_seed_simulated_conversations "$ROWS"

FROM=2026-01-01T00:00:00Z
TO=2027-01-01T00:00:00Z
# The 10,000-row export ends where the 10,001st row starts.
SMALL_TO_MS=$("${MYSQL[@]}" -N "$DB" -e "SELECT started_at_ms FROM exports_conversation
  ORDER BY started_at_ms, campaign_id, session_id LIMIT 1 OFFSET 10000")
SMALL_TO=$(date -u -d "@$(( SMALL_TO_MS / 1000 ))" +%Y-%m-%dT%H:%M:%SZ)
URL="http://127.0.0.1:$PORT/api/exports/conversations?tz=UTC&from=$FROM"

# Throughput and first byte: curl's own timers, nothing else running.
export_timed() { # $1 = to; prints: first-byte-s total-s bytes
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
    -w "%{time_starttransfer} %{time_total} %{size_download}\n" "$URL&to=$1"
}
# Memory: the live set while an export runs (bench/lib.sh, bench_export_live_heap).
COLS="session_id, campaign_id, account_id, started_at_ms, entry_point_id, first_agent_id, last_agent_id, involved_agent_ids, visitor_id, host_id, num_messages, duration_total_ms, duration_conversation_ms, duration_afterclose_ms, avg_message_length, max_message_length, first_response_ms, first_reply_ms, avg_response_s, max_response_ms, decision_ms, accept_url, successcode, survey_result, survey_comment, visitor_identifier, blocked, block_reason, goals, total_goal_value, handling_type"
client_timed() { # prints: total-s of the MariaDB client dumping the same rows and columns
  local start
  start=$(date +%s.%N)
  "${MYSQL[@]}" --batch --quick "$DB" -e "SELECT $COLS FROM exports_conversation WHERE started_at_ms >= 0 ORDER BY started_at_ms, campaign_id, session_id" > /dev/null
  echo "$(date +%s.%N) - $start" | bc
}

export_timed "$TO" > /dev/null   # warm-up: JIT and pools
client_timed > /dev/null         # and the server's buffer pool for the client
read -r SMALL_FB SMALL_T SMALL_B < <(export_timed "$SMALL_TO")
# The machine is shared: the two are measured in turns, ROUNDS times, and compared by medians.
ROUNDS=${ROUNDS:-5}
: > "$WORK/export-rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  read -r fb t b < <(export_timed "$TO")
  ct=$(client_timed)
  echo "$fb $t $b $ct" >> "$WORK/export-rounds.txt"
  awk -v r="$round" -v t="$t" -v ct="$ct" -v fb="$fb" 'BEGIN { printf "round %d: HTTP %.2f s (first byte %.3f s), client %.2f s, ratio %.2f\n", r, t, fb, ct, ct / t }'
done
BIG_FB=$(awk '{ print $1 }' "$WORK/export-rounds.txt" | median)
BIG_T=$(awk '{ print $2 }' "$WORK/export-rounds.txt" | median)
BIG_B=$(awk '{ print $3 }' "$WORK/export-rounds.txt" | median)
CLIENT_T=$(awk '{ print $4 }' "$WORK/export-rounds.txt" | median)
RATIO=$(awk '{ print $4 / $2 }' "$WORK/export-rounds.txt" | median)
read -r IDLE_HEAP SMALL_HEAP < <(bench_export_live_heap "$URL&to=$SMALL_TO" "$TOKEN")
read -r _ BIG_HEAP < <(bench_export_live_heap "$URL&to=$TO" "$TOKEN")

if [ "${BENCH_PROFILE:-0}" = 1 ]; then # where the server's time goes, from one more export
  jcmd "$SERVER" JFR.start name=export settings=profile filename="$PWD/$WORK/export.jfr" > /dev/null
  export_timed "$TO" > /dev/null
  jcmd "$SERVER" JFR.stop name=export > /dev/null
  java bench/JfrTop.java "$WORK/export.jfr" | head -45
fi

awk -v rows="$ROWS" -v ratio="$RATIO" -v fb="$BIG_FB" -v t="$BIG_T" -v b="$BIG_B" -v ct="$CLIENT_T" \
    -v sfb="$SMALL_FB" -v st="$SMALL_T" -v sh="$SMALL_HEAP" -v bh="$BIG_HEAP" -v ih="$IDLE_HEAP" 'BEGIN {
  printf "rows                          %d\n", rows
  printf "HTTP export (median)          %.2f s, %.0f rows/s, %.1f MiB, first byte %.3f s\n", t, rows / t, b / 1048576, fb
  printf "mariadb --batch --quick (median) %.2f s, %.0f rows/s\n", ct, rows / ct
  printf "throughput ratio (HTTP/client) %.2f (median over the rounds)\n", ratio
  printf "10,000-row export             %.3f s, first byte %.3f s\n", st, sfb
  printf "live heap (after a full GC)   idle: %d MiB, during 10,000 rows: %d MiB, during %d rows: %d MiB, growth %d MiB\n", ih, sh, rows, bh, bh - sh
}'
