#!/usr/bin/env bash
# Soak (issue 15): ten minutes, at once, of ingestion at half the rate measured just before,
# exports, public link requests and console sign-ins, plus 20 slow readers of a 1,000,000-row
# Conversations export (admins of four accounts; the export limits admit 2 per account, 8 in all,
# the others wait their Retry-After). Then: requests, answers by status, p50/p99/longest per kind,
# the live heap after a full collection at the start and the end, database connections in use.
# Targets: no 5xx, no request waiting more than 5 s for a connection (the pool's own limit: it
# would answer 503), heap flat within 64 MiB. Before the load, 8 stalled readers (below): what the
# server holds for clients that stop reading must stay bounded, and their transfers whole.
# docs/benchmarks.md keeps a run's output.
#
#   flock /tmp/mvn.lock bash bench/soak.sh
#   SOAK_SMOKE=1 bash bench/soak.sh      # 10 s, 400,000 synthetic rows, 2 slow readers, and the
#                                        # fuzz bench's smoke on the same server (.ci/run)
#
# Settings: SOAK_SECONDS (600), ROWS (1000000), SLOW_READERS (20), SLOW_KIB_PER_S (256 per reader),
# STALL_SECONDS (15), STALL_LIMIT_MIB (64), BENCH_DB (exports_soak_bench), BENCH_PORT (18282),
# SOAK_HTTP (1.1; 2: the clients ask for HTTP/2 as Java's HttpClient does by default, decision 38).
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=${SOAK_SMOKE:-0}
if [ "$SMOKE" = 1 ]; then
  SECONDS_OF_LOAD=${SOAK_SECONDS:-10}; ROWS=${ROWS:-400000}; READERS=${SLOW_READERS:-2}
else
  SECONDS_OF_LOAD=${SOAK_SECONDS:-600}; ROWS=${ROWS:-1000000}; READERS=${SLOW_READERS:-20}
fi
KIB=${SLOW_KIB_PER_S:-256}
# What the slow readers and the stalled readers export: every row of their account.
SLOW_PATH="/api/exports/conversations?from=2026-01-01&to=2027-01-01"
DB=${BENCH_DB:-exports_soak_bench}
PORT=${BENCH_PORT:-18282}
. bench/lib.sh

bench_build
bench_start_server
BASE="http://127.0.0.1:$PORT"
if [ "$SMOKE" = 1 ]; then
  bench_seed_directory
  bench_seed_conversations "$ROWS"
else
  bench_seed_simulated_conversations "$ROWS"
fi

admins=()
for account in 1 2 3 4; do
  admins+=("$(bench_admin_token "$account")")
done
LINK=$(curl -fs -X POST -H "Authorization: Bearer ${admins[0]}" -H "Content-Type: application/json" \
  --data '{"report":"hosts"}' "$BASE/api/public-links" | sed -E 's/.*"url":"[a-z]+:\/\/[^/]+([^"]+)".*/\1/')

connections() {
  "${MYSQL[@]}" -N -e "SELECT COUNT(*) FROM information_schema.processlist WHERE db = '$DB'"
}

# Stalled readers (decision 37): as many exports as the admission runs at once (two per account),
# whose clients stop reading for STALL_SECONDS, then read on. While they stall, the live heap may
# grow by what the exports have read ahead from the database, not by what the container queues
# for their sockets (before decision 37, up to 8 MiB a connection); afterwards every transfer must
# be whole, the same bytes as a reader that did not stall.
STALL_SECONDS=${STALL_SECONDS:-15}
STALL_LIMIT_MIB=${STALL_LIMIT_MIB:-64}
stalled_readers() {
  local i j pids=() before during sizes=() sums=()
  for i in 0 1 2 3; do
    curl -fs -H "Authorization: Bearer ${admins[$i]}" "$BASE$SLOW_PATH" > "$WORK/stalled-reference.csv"
    sizes[$i]=$(stat -c %s "$WORK/stalled-reference.csv")
    sums[$i]=$(sha256sum < "$WORK/stalled-reference.csv")
  done
  rm -f "$WORK/stalled-reference.csv"
  before=$(bench_live_mib)
  for i in 0 1 2 3; do
    for j in 1 2; do
      # The pipe fills, then curl stops reading the socket until the sleep is over.
      { curl -fsN -H "Authorization: Bearer ${admins[$i]}" "$BASE$SLOW_PATH" \
          | { sleep "$STALL_SECONDS"; sha256sum; } > "$WORK/stalled-$i-$j.txt"; } &
      pids+=($!)
    done
  done
  sleep $(( STALL_SECONDS * 2 / 3 ))
  during=$(bench_live_mib)
  wait "${pids[@]}" || true
  local whole=0 broken=0 got
  for i in 0 1 2 3; do
    for j in 1 2; do
      got=$(cat "$WORK/stalled-$i-$j.txt")
      if [ "$got" = "${sums[$i]}" ]; then whole=$((whole + 1)); else broken=$((broken + 1)); fi
    done
  done
  echo "stalled readers: 8 exports of $(( (sizes[0] + sizes[1] + sizes[2] + sizes[3]) / 4 / 1048576 )) MiB on average, stalled $STALL_SECONDS s: live heap $before MiB before, $during MiB while stalled (growth $(( during - before )) MiB, limit $STALL_LIMIT_MIB); whole $whole, broken $broken"
  [ "$broken" = 0 ] || { echo "FAILED: stalled readers' transfers broke"; exit 1; }
  [ $(( during - before )) -le "$STALL_LIMIT_MIB" ] || { echo "FAILED: the stalled readers' bytes are held in the heap"; exit 1; }
}
stalled_readers

# Printed with echo, not tee /dev/stderr: reopening stderr truncates it when it is a log file.
MAX_LINE=$(java bench/Soak.java max "$BASE" "$TOKEN" "$([ "$SMOKE" = 1 ] && echo 3 || echo 30)")
echo "$MAX_LINE"
MAX=$(echo "$MAX_LINE" | awk '{ print $4 }')
RATE=$(awk -v m="$MAX" 'BEGIN { printf "%d", m / 2 }')
HEAP_START=$(bench_live_mib)
: > "$WORK/soak-connections.txt"
( while kill -0 "$SERVER" 2>/dev/null; do connections >> "$WORK/soak-connections.txt" 2>/dev/null || true; sleep 5; done ) &
SAMPLER=$!
echo "soak: $SECONDS_OF_LOAD s, ingestion at $RATE events/s (half of $MAX), $READERS slow readers at $KIB KiB/s, $ROWS rows, clients on HTTP/${SOAK_HTTP:-1.1}"
java bench/Soak.java soak "$BASE" "$TOKEN" "$SECONDS_OF_LOAD" "$RATE" \
  "/api/exports/traffic?range=last_7_days&tz=Europe/Amsterdam" "$LINK" "$OPERATOR_PASSWORD" \
  "$SLOW_PATH" "$READERS" "$KIB" "${admins[@]}" \
  | tee "$WORK/soak.txt"
sleep 2
HEAP_END=$(bench_live_mib)
kill "$SAMPLER" 2>/dev/null || true
CONN_MAX=$(sort -n "$WORK/soak-connections.txt" | tail -1)
echo "live heap after a full GC: start $HEAP_START MiB, end $HEAP_END MiB, growth $(( HEAP_END - HEAP_START )) MiB"
echo "database connections of the server (processlist, every 5 s): max $CONN_MAX"
grep -q "^5xx or broken: 0$" "$WORK/soak.txt" || { echo "FAILED: 5xx answers or broken requests"; exit 1; }
if [ "$SMOKE" = 1 ]; then
  # The fuzz bench's smoke, against the same server.
  FUZZ_SERVER="$BASE" FUZZ_LINES=3000 bash bench/fuzz.sh
fi
