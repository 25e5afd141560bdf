#!/usr/bin/env bash
# Export jobs benchmark (issue 18): ROWS Conversations rows prepared as a job's file (written into
# the database in 1 MiB chunks) against the streaming export of the same rows to /dev/null, the
# server's live heap while the job runs, and the downloaded file checked against the manifest,
# whole and cut at a random byte then resumed with Range, and a job whose server was killed (kill
# -9) done after the restart. Prints the figures.
#
#   bash bench/jobs.sh                # 1,000,000 rows; the machine's MariaDB at 127.0.0.1:3306
#   ROWS=20000 ROUNDS=1 bash bench/jobs.sh
#
# Rows: the numbered Conversations rows of bench/lib.sh (bench_seed_directory,
# bench_seed_conversations), written in SQL: ingesting a million conversations through the API
# is the ingest benchmark's job.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
DB=${BENCH_DB:-exports_jobs_bench}
PORT=${BENCH_PORT:-18183}
. bench/lib.sh

bench_build
bench_start_server
bench_seed_directory
bench_seed_conversations "$ROWS"

API="http://127.0.0.1:$PORT/api"
FROM=2026-01-01T00:00:00Z
TO=2026-03-01T00:00:00Z
BODY="{\"report\":\"conversations\",\"criteria\":{\"from\":\"$FROM\",\"to\":\"$TO\",\"tz\":\"UTC\"},\"format\":\"csv\"}"

field() { # $1 name; the last value of that member in the JSON on stdin (a string or a number)
  sed -nE "s/.*\"$1\":(\"([^\"]*)\"|(-?[0-9]+)).*/\2\3/p"
}
job_create() { # prints the job's id
  curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    --data "$BODY" "$API/export-jobs" | field id
}
job_state() { # $1 id; prints the job's JSON
  curl -fs -H "Authorization: Bearer $TOKEN" "$API/export-jobs/$1"
}
job_wait() { # $1 id; waits until it is done (exits when it failed); prints its JSON
  local json state
  while true; do
    json=$(job_state "$1")
    state=$(echo "$json" | field state)
    case "$state" in
      done) echo "$json"; return ;;
      failed) echo "job $1 failed: $json" >&2; exit 1 ;;
    esac
    sleep 0.2
  done
}
job_timed() { # prints: seconds from POST to done, and the job's id
  local start id
  start=$(date +%s.%N)
  id=$(job_create)
  job_wait "$id" > /dev/null
  echo "$(echo "$(date +%s.%N) - $start" | bc) $id"
}
export_timed() { # prints: seconds of the streaming export of the same rows
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -w "%{time_total}\n" \
    "$API/exports/conversations?from=$FROM&to=$TO&tz=UTC"
}
job_live_heap() { # prints: live MiB before the job, highest while it ran
  local before peak used id state
  before=$(bench_live_mib)
  peak=$before
  id=$(job_create)
  while true; do
    used=$(bench_live_mib)
    [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak=$used
    state=$(job_state "$id" | field state)
    [ "$state" = done ] && break
    [ "$state" = failed ] && { echo "job $id failed" >&2; exit 1; }
    sleep 0.5
  done
  echo "$before $peak"
}

export_timed > /dev/null   # warm-up: JIT and pools
job_timed > /dev/null
# The machine is shared: the two are measured in turns and compared by medians.
: > "$WORK/jobs-rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  et=$(export_timed)
  read -r jt id < <(job_timed)
  echo "$et $jt $id" >> "$WORK/jobs-rounds.txt"
  awk -v r="$round" -v et="$et" -v jt="$jt" 'BEGIN { printf "round %d: export %.2f s, job %.2f s, ratio %.2f\n", r, et, jt, et / jt }'
done
EXPORT_T=$(awk '{ print $1 }' "$WORK/jobs-rounds.txt" | median)
JOB_T=$(awk '{ print $2 }' "$WORK/jobs-rounds.txt" | median)
RATIO=$(awk '{ print $1 / $2 }' "$WORK/jobs-rounds.txt" | median)
ID=$(tail -1 "$WORK/jobs-rounds.txt" | awk '{ print $3 }')

# The file against its manifest: whole, and cut at a random byte then resumed (curl -C sends
# Range: bytes=<what it has>-).
MANIFEST=$(job_state "$ID")
SHA=$(echo "$MANIFEST" | field sha256)
BYTES=$(echo "$MANIFEST" | field bytes)
MROWS=$(echo "$MANIFEST" | field rows)
curl -fs -o "$WORK/job.csv" -H "Authorization: Bearer $TOKEN" "$API/export-jobs/$ID/file"
WHOLE=$(sha256sum "$WORK/job.csv" | cut -d' ' -f1)
CUT=$(( (RANDOM * 32768 + RANDOM) % (BYTES - 1) + 1 ))
{ curl -s -H "Authorization: Bearer $TOKEN" "$API/export-jobs/$ID/file" || true; } | head -c "$CUT" > "$WORK/job-cut.csv"
curl -fs -C - -o "$WORK/job-cut.csv" -H "Authorization: Bearer $TOKEN" "$API/export-jobs/$ID/file"
RESUMED=$(sha256sum "$WORK/job-cut.csv" | cut -d' ' -f1)
rm -f "$WORK/job.csv" "$WORK/job-cut.csv"

read -r IDLE_HEAP JOB_HEAP < <(job_live_heap)

# kill -9 while a job runs, then a restart on the same database: the job must end done with the
# same file, started again once its lease ran out (30 s), or failed with its reason.
restart_server() {
  EXPORTS_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" EXPORTS_DB_USER=root EXPORTS_DB_PASSWORD= \
  EXPORTS_OPERATOR_PASSWORD="$OPERATOR_PASSWORD" EXPORTS_OPERATOR_TOKEN="$TOKEN" \
    java -Xmx1g -XX:+UseG1GC -jar app-assembly/target/payara-micro.jar \
    --deploy "${WAR:-app-assembly/target/exports.war}" --contextroot / --nocluster --port "$PORT" \
    >> "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "server did not start again"; exit 1
}
KILLED=$(job_create)
sleep "${KILL_AFTER:-1}"
KILLED_STATE=$(job_state "$KILLED" | field state)
kill -9 "$SERVER"
wait "$SERVER" 2>/dev/null || true
restart_server
AFTER=$(job_wait "$KILLED")
AFTER_SHA=$(echo "$AFTER" | field sha256)

awk -v rows="$ROWS" -v mrows="$MROWS" -v et="$EXPORT_T" -v jt="$JOB_T" -v ratio="$RATIO" -v b="$BYTES" \
    -v ih="$IDLE_HEAP" -v jh="$JOB_HEAP" 'BEGIN {
  printf "rows                          %d (manifest: %d)\n", rows, mrows
  printf "streaming export (median)     %.2f s, %.0f rows/s\n", et, rows / et
  printf "export job, POST to done (median) %.2f s, %.0f rows/s, file %.1f MiB\n", jt, rows / jt, b / 1048576
  printf "throughput ratio (job/export) %.2f (median over the rounds; target at least 0.8)\n", ratio
  printf "live heap (after a full GC)   before the job: %d MiB, highest during it: %d MiB, growth %d MiB (target under 64)\n", ih, jh, jh - ih
}'
echo "SHA-256 of the manifest       $SHA"
echo "SHA-256 of the download       $WHOLE $([ "$WHOLE" = "$SHA" ] && echo equal || echo DIFFERENT)"
echo "cut at byte $CUT, resumed      $RESUMED $([ "$RESUMED" = "$SHA" ] && echo equal || echo DIFFERENT)"
echo "kill -9 with a job $KILLED_STATE: after the restart $(echo "$AFTER" | field state), SHA-256 $([ "$AFTER_SHA" = "$SHA" ] && echo equal || echo DIFFERENT)"
[ "$WHOLE" = "$SHA" ] && [ "$RESUMED" = "$SHA" ] && [ "$MROWS" = "$ROWS" ] && [ "$AFTER_SHA" = "$SHA" ]
