# Shared by the benchmarks that read reports (export.sh, preview.sh, reports.sh): sourced, not run.
# Starts the built WAR on Payara Micro against a fresh database of the machine's MariaDB and seeds
# it, one of two ways: the simulator's conversations posted through POST /api/events and copied
# in SQL (export.sh: realistic rows), or a directory posted and numbered rows written with
# MariaDB's sequence engine (preview.sh: row n is session sn, so every page's answer can be
# checked). Ingesting a million conversations through the API is the ingest benchmark's job;
# these measure reading them out.
#
# Before sourcing, set DB and PORT; afterwards TOKEN, MYSQL, WORK and OPERATOR_PASSWORD are set.

TOKEN="c24t_bench-operator-token-0123456789abcdef"
OPERATOR_PASSWORD="bench-operator-password"
MYSQL=(mariadb --protocol=tcp -h127.0.0.1 -uroot)
WORK=bench/target
mkdir -p "$WORK"

# The median of the numbers on stdin, one a line (the mean of the middle two for an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Builds the WAR and the simulator's class path when they are missing.
SIMULATOR_CLASSPATH=app-assembly/target/simulator.classpath
bench_build() {
  if [ ! -f app-assembly/target/exports.war ] || [ ! -f app-assembly/target/payara-micro.jar ] \
      || [ ! -f "$SIMULATOR_CLASSPATH" ]; then
    mvn -B -q package -DskipTests -pl app-assembly -am dependency:build-classpath \
      -Dmdep.includeScope=compile -Dmdep.outputFile="$PWD/$SIMULATOR_CLASSPATH"
  fi
}

# What the script leaves behind when it exits: the server stopped, MariaDB's buffer pool as it was.
# Never fails: under set -e a failing kill of a server already stopped would fail the script.
bench_on_exit() {
  { kill "${SERVER:-}"; wait "${SERVER:-}"; } 2>/dev/null || true
  if [ -n "${BENCH_POOL_BEFORE:-}" ]; then
    "${MYSQL[@]}" -e "SET GLOBAL innodb_buffer_pool_size = $BENCH_POOL_BEFORE" || true
  fi
}

# Sets MariaDB's InnoDB buffer pool to $1 MiB for this run (back as it was when the script exits)
# and waits until the resize is done. MariaDB's default of 128 MiB holds half of a million
# conversations' rows; a server for such selections is given a pool that holds them (docs/deploy.md).
bench_buffer_pool() {
  BENCH_POOL_BEFORE=$("${MYSQL[@]}" -N -e "SELECT @@innodb_buffer_pool_size")
  trap bench_on_exit EXIT
  "${MYSQL[@]}" -e "SET GLOBAL innodb_buffer_pool_size = $(( $1 * 1048576 ))"
  for _ in $(seq 1 60); do
    [ "$("${MYSQL[@]}" -N -e "SELECT @@innodb_buffer_pool_size")" = $(( $1 * 1048576 )) ] \
      && ! "${MYSQL[@]}" -N -e "SHOW STATUS LIKE 'Innodb_buffer_pool_resize_status'" | grep -i 'resiz' | grep -qvi 'completed' \
      && break
    sleep 1
  done
  echo "MariaDB buffer pool: $(( $("${MYSQL[@]}" -N -e "SELECT @@innodb_buffer_pool_size") / 1048576 )) MiB (was $(( BENCH_POOL_BEFORE / 1048576 )) MiB)"
}

# Drops and creates $DB, starts Payara Micro with the WAR ($WAR, else the one just built) on $PORT
# (stopped when the script exits, or by bench_stop_server), waits until it is ready. SERVER is the
# server's process id.
bench_start_server() {
  "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  EXPORTS_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" EXPORTS_DB_USER=root EXPORTS_DB_PASSWORD= \
  EXPORTS_OPERATOR_PASSWORD="$OPERATOR_PASSWORD" EXPORTS_OPERATOR_TOKEN="$TOKEN" \
    java -Xmx1g -XX:+UseG1GC -jar app-assembly/target/payara-micro.jar \
    --deploy "${WAR:-app-assembly/target/exports.war}" --contextroot / --nocluster --port "$PORT" \
    > "$WORK/server.log" 2>&1 &
  SERVER=$!
  trap bench_on_exit EXIT
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "server did not start"; tail -50 "$WORK/server.log"; exit 1; }
}

# The server's live set in MiB: the histogram collects first, then counts what is still reachable,
# in one safepoint, so garbage made between two samples is not counted (the heap's "used" figure
# would count it). While a thread is inside a JNI critical region (the Deflater of an XLSX export's
# ZIP, for one) the JVM skips that collection and counts garbage too, saying so in the server's
# output ("pre-dump GC was skipped"): such a sample is taken again, up to five times, and none is
# printed (an empty figure) when every try was skipped.
bench_live_mib() {
  local skipped mib
  for _ in 1 2 3 4 5; do
    skipped=$(grep -c "pre-dump GC was skipped" "$WORK/server.log" || true)
    mib=$(jcmd "$SERVER" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { printf "%d", $3 / 1048576 }')
    if [ "$(grep -c "pre-dump GC was skipped" "$WORK/server.log" || true)" = "$skipped" ]; then
      echo "$mib"
      return
    fi
  done
}

# $1 URL, $2 token: one export to nowhere, the live set sampled every half second while it runs
# (a run of its own: the full collections slow the export). Prints: live MiB before, highest during.
bench_export_live_heap() {
  local before peak used
  before=$(bench_live_mib)
  peak=$before
  curl -fs -o /dev/null -H "Authorization: Bearer $2" "$1" &
  local c=$!
  while kill -0 "$c" 2>/dev/null; do
    used=$(bench_live_mib)
    [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak=$used
    sleep 0.5
  done
  wait "$c"
  echo "$before $peak"
}

# $1 account: a new admin token of that account, made with the operator's.
bench_admin_token() {
  curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    --data '{"label":"bench","role":"admin"}' "http://127.0.0.1:$PORT/api/admin/accounts/$1/tokens" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

bench_stop_server() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
}

# The directory: 4 accounts, 20 campaigns with an entry point each, 50 agents.
bench_seed_directory() {
  {
    for a in 1 2 3 4; do
      echo "{\"id\":\"b-acc-$a\",\"type\":\"account.updated\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{\"account_id\":$a,\"name\":\"Account $a\"}}"
    done
    for c in $(seq 1 20); do
      echo "{\"id\":\"b-cmp-$c\",\"type\":\"campaign.updated\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{\"chatcampaign_id\":$c,\"account_id\":$(( (c - 1) % 4 + 1 )),\"name\":\"Campaign $c\"}}"
      echo "{\"id\":\"b-ep-$c\",\"type\":\"entrypoint.updated\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{\"entrypoint_id\":$c,\"chatcampaign_id\":$c,\"name\":\"Chat button $c\",\"type\":\"button\"}}"
    done
    for g in $(seq 1 50); do
      echo "{\"id\":\"b-agt-$g\",\"type\":\"agent.updated\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{\"agent_id\":$g,\"account_id\":$(( (g - 1) % 4 + 1 )),\"username\":\"agent$g\"}}"
    done
  } > "$WORK/directory.ndjson"
  curl -fs -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" \
    --data-binary @"$WORK/directory.ndjson" "http://127.0.0.1:$PORT/api/events" > "$WORK/directory-answer.json"
  grep -Eq '"rejected" *: *\[\]' "$WORK/directory-answer.json" || { echo "directory rejected:"; cat "$WORK/directory-answer.json"; exit 1; }
}

# $1 rows: conversation n (1..$1) is session sn, started n seconds after 2026-01-01T00:00:00Z,
# with texts with quotes, commas and non-Latin letters so that the CSV writer has real quoting
# to do.
bench_seed_conversations() {
  # The store's triggers keep the change feed's entries and need a batch (decision 31).
  "${MYSQL[@]}" "$DB" -e "
SET @exports_feed_batch = 1;
INSERT INTO exports_conversation (session_id, campaign_id, account_id, started_at_ms,
  entry_point_id, first_agent_id, last_agent_id, involved_agent_ids, visitor_id, host_id,
  num_messages, duration_total_ms, duration_conversation_ms, duration_afterclose_ms,
  avg_message_length, max_message_length, first_response_ms, first_reply_ms, avg_response_s,
  max_response_ms, decision_ms, accept_url, successcode, survey_result, survey_comment,
  visitor_identifier, blocked, block_reason, goals, total_goal_value, handling_type)
SELECT CONCAT('s', seq), seq % 20 + 1, seq % 20 % 4 + 1,
  UNIX_TIMESTAMP('2026-01-01 00:00:00') * 1000 + seq * 1000,
  seq % 20 + 1, seq % 50 + 1, (seq + 7) % 50 + 1, CONCAT(seq % 50 + 1, ',', (seq + 7) % 50 + 1),
  CONCAT('v', seq % 100000), NULL, seq % 30,
  seq % 3600 * 1000, seq % 3000 * 1000, seq % 120 * 1000,
  seq % 90 + (seq % 100) / 100, seq % 400,
  seq % 60 * 1000, seq % 70 * 1000, seq % 50 + 0.5, seq % 200 * 1000,
  seq % 15 * 1000, CONCAT('https://shop.example/p/', seq), IF(seq % 7 = 0, 'SALE-1', NULL),
  ELT(seq % 4 + 1, NULL, 'GOOD', 'MODERATE', 'BAD'), IF(seq % 9 = 0, 'Très bien, \"merci\", 谢谢', NULL),
  CONCAT('Visitor v', seq % 100000), seq % 101 = 0, IF(seq % 101 = 0, 'spam', NULL),
  IF(seq % 5 = 0, 'newsletter,checkout', NULL), IF(seq % 5 = 0, 12.50, NULL),
  ELT(seq % 3 + 1, 'SELF', 'EXTERNAL', 'HYBRID')
FROM seq_1_to_$1;
ANALYZE TABLE exports_conversation;" > /dev/null
}

# Two weeks (from 2026-01-05) of the simulator's operation, 6 accounts of 20 agents at 3 times the
# default traffic, posted through POST /api/events: about 685,000 events.
# BENCH_SIMULATION replaces the simulator's options (the smoke runs post a small operation).
bench_post_simulation() {
  # shellcheck disable=SC2086 # the options are words
  java -Xmx1g -cp "app-assembly/target/classes:$(cat "$SIMULATOR_CLASSPATH")" \
    com.conversation24.app.simulator.Simulator \
    ${BENCH_SIMULATION:---seed 24 --start 2026-01-05 --days 14 --accounts 6 --agents 20 --scale 3} \
    --quiet --post "http://127.0.0.1:$PORT/api/events" --token "$TOKEN" 2>&1 | tail -3
}

# $1 rows of the simulator's conversations: the simulator (README "Simulator") posts two weeks of
# its operation through POST /api/events (directory, traffic, chats with their messages, surveys,
# codes, goals and blocks in several languages; any rejection stops the run), the projection
# computes their rows, and SQL copies those rows until there are $1: copy n of a conversation is
# session "<id>~n", started n minutes later. Copies keep the rows' realistic contents and sizes
# at a volume that posting alone would take an hour to reach.
bench_seed_simulated_conversations() {
  bench_post_simulation
  local simulated copies
  simulated=$("${MYSQL[@]}" -N "$DB" -e "SELECT COUNT(*) FROM exports_conversation")
  [ "$simulated" -gt 0 ] || { echo "the simulator left no conversations"; exit 1; }
  copies=$(( ($1 + simulated - 1) / simulated - 1 ))
  echo "simulated conversations: $simulated, copied $copies times to $1 rows"
  if [ "$copies" -gt 0 ]; then
    "${MYSQL[@]}" "$DB" -e "
SET @exports_feed_batch = 1;
INSERT INTO exports_conversation
SELECT CONCAT(session_id, '~', seq), campaign_id, account_id, started_at_ms + seq * 60000,
  entry_point_id, first_agent_id, last_agent_id, involved_agent_ids, visitor_id, host_id,
  num_messages, duration_total_ms, duration_conversation_ms, duration_afterclose_ms,
  avg_message_length, max_message_length, first_response_ms, first_reply_ms, avg_response_s,
  max_response_ms, decision_ms, accept_url, successcode, survey_result, survey_comment,
  visitor_identifier, blocked, block_reason, goals, total_goal_value, handling_type
FROM exports_conversation JOIN seq_1_to_$copies
LIMIT $(( $1 - simulated ));
ANALYZE TABLE exports_conversation;" > /dev/null
  fi
}
