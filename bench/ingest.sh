#!/usr/bin/env bash
# Ingest throughput benchmark (issue 3): the simulator's 1,000,000 events (the options of
# bench/simulate.sh) through POST /api/events against LOAD DATA LOCAL INFILE of the same lines into
# a one-column table, on the same MariaDB, in the same run. Prints the measured figures; see
# docs/benchmarks.md.
#
#   bash bench/ingest.sh                    # on a shared machine: flock /tmp/mvn.lock bash bench/ingest.sh
#
# Settings (environment): BENCH_EVENTS (1000000: the simulator's --limit), BENCH_WARMUP (1000000,
# not measured: the same operation's weeks before, so other event ids; a server that has run a
# while, its code compiled and its tables full, is what bulk ingest meets; 50000 measures a freshly
# started one), BENCH_BATCH (5000 lines per request), BENCH_THREADS (2 client threads),
# BENCH_PROFILE (1: JFR CPU profile of the server while it ingests, and the database's statements
# sampled from its process list; the recording itself costs about a third of the rate, so a
# profiled run's figure is labelled and is not the benchmark's),
# BENCH_BUILD (auto: build the WAR when missing; 1: always), BENCH_WAR (the WAR to measure, e.g. a
# copy of an earlier build), BENCH_DB_HOST/PORT/USER/PASSWORD (127.0.0.1/3306/root/empty), BENCH_DB
# (exports_bench, dropped and created; BENCH_KEEP_DB=1 keeps it after the run, to look into), BENCH_DB_OPTIONS (JDBC URL options, e.g. useBulkStmts=false,
# to compare driver settings), BENCH_HTTP_PORT (18080), BENCH_BUFFER_POOL_MIB (empty: the server's
# setting; else the run is made with innodb_buffer_pool_size set to it, labelled as such, and the
# setting restored afterwards), BENCH_OPERATION (the simulator's options of the operation, default
# "--seed 24 --accounts 6 --agents 20 --scale 3"; "--seed 7 --accounts 20 --agents 20 --scale 0.2"
# is the history bench's, where presence and work shifts weigh more than page views).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/bench/target
mkdir -p "$out"

events=${BENCH_EVENTS:-1000000}
warmup=${BENCH_WARMUP:-1000000}
batch=${BENCH_BATCH:-5000}
threads=${BENCH_THREADS:-2}
profile=${BENCH_PROFILE:-0}
db_host=${BENCH_DB_HOST:-127.0.0.1}
db_port=${BENCH_DB_PORT:-3306}
db_user=${BENCH_DB_USER:-root}
db_password=${BENCH_DB_PASSWORD:-}
db=${BENCH_DB:-exports_bench}
db_options=${BENCH_DB_OPTIONS:-}
http_port=${BENCH_HTTP_PORT:-18080}
token=c24t_bench-operator-token-0123456789abcdef
war=${BENCH_WAR:-$root/app-assembly/target/exports.war}
micro=$root/app-assembly/target/payara-micro.jar

sql() { mariadb -h "$db_host" -P "$db_port" -u "$db_user" ${db_password:+-p"$db_password"} "$@"; }
now() { date +%s.%N; }
# utime + stime of a process, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# one line per thread of a process: id, user ticks, system ticks, name (the name may hold spaces,
# so the fields are counted after its closing parenthesis)
thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    echo "${t##*/} $(sed 's/.*) //' "$t/stat" | awk '{print $12, $13}') $(tr ' ' '_' < "$t/comm")"
  done 2>/dev/null
}

classpath=$out/simulator.classpath
if [[ ${BENCH_BUILD:-auto} == 1 || ! -f $war || ! -f $micro || ! -f $classpath ]]; then
  echo "== building the WAR and the simulator's class path"
  mvn -B -q -o package -DskipTests -pl app-assembly -am dependency:build-classpath \
    -Dmdep.includeScope=compile -Dmdep.outputFile="$classpath"
fi

# The simulator (README "Simulator") with the options of bench/simulate.sh. Started with java on
# the class path `mvn -Psimulate` would use (that profile's exec plugin cannot be resolved offline
# here); files are kept in bench/target and reused while the options stay the same.
simulate() { # FILE OPTIONS...
  local file=$1; shift
  [[ -s $file ]] && return
  echo "== simulating: $* -> $file"
  java -Xmx1g -cp "$root/app-assembly/target/classes:$(cat "$classpath")" \
    com.conversation24.app.simulator.Simulator "$@" --quiet --out "$file"
}
operation=${BENCH_OPERATION:---seed 24 --accounts 6 --agents 20 --scale 3}
key=$(printf '%s' "$operation" | sha256sum | cut -c1-8)
data=$out/sim-$key-$events.ndjson
warm=$out/sim-$key-warmup-$warmup.ndjson
simulate "$data" $operation --start 2026-01-05 --days 21 --limit "$events"
# The same operation's weeks before: another run key, so no event id of the measured set.
simulate "$warm" $operation --start 2025-12-01 --days 21 --limit "$warmup"
id_prefix() { head -1 "$1" | sed -E 's/.*"id":"(sim-[0-9a-f]+-).*/\1/'; }
ids=$(id_prefix "$data")
[[ $ids == sim-*- && $ids != "$(id_prefix "$warm")" ]] || { echo "FAILED: event ids $ids"; exit 1; }
lines=$(wc -l < "$data")
bytes=$(wc -c < "$data")
echo "== $lines events, $((bytes / 1024 / 1024)) MiB ($data)"
awk -F'"type":"' '{split($2, t, "\""); n[t[1]]++} END {for (k in n) printf "   %7d %s\n", n[k], k}' "$data" | sort -rn | head -8

pool_label=""
if [[ -n ${BENCH_BUFFER_POOL_MIB:-} ]]; then
  # Dynamic in MariaDB 10.11; the server's own setting is put back when the script ends.
  pool_before=$(sql -N -e 'SELECT @@innodb_buffer_pool_size')
  sql -e "SET GLOBAL innodb_buffer_pool_size = $((BENCH_BUFFER_POOL_MIB * 1048576))"
  restore_pool() { sql -e "SET GLOBAL innodb_buffer_pool_size = $pool_before" || true; }
  trap restore_pool EXIT
  pool_label=" [NOT the server's default: innodb_buffer_pool_size $BENCH_BUFFER_POOL_MIB MiB]"
  echo "== InnoDB buffer pool set to $(sql -N -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MiB for this run$pool_label"
fi

sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"

echo "== starting Payara Micro on port $http_port (database $db)"
EXPORTS_DB_URL="jdbc:mariadb://$db_host:$db_port/$db${db_options:+?$db_options}" EXPORTS_DB_USER=$db_user \
EXPORTS_DB_PASSWORD=$db_password EXPORTS_OPERATOR_TOKEN=$token \
EXPORTS_OPERATOR_PASSWORD=bench-operator-password \
  java -Xmx2g -Djava.io.tmpdir="$out" -jar "$micro" --deploy "$war" --contextroot / \
  --nocluster --port "$http_port" > "$out/payara.log" 2>&1 &
server=$!
trap 'rm -f "$out/sampling"; kill ${sampler:-} 2>/dev/null || true; kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; [[ -z $pool_label ]] || restore_pool' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$http_port/health/ready" > /dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { tail -50 "$out/payara.log"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$http_port/health/ready" > /dev/null || { echo "not ready"; exit 1; }

echo "== warm-up: $warmup events (not measured)"
java bench/Post.java "http://127.0.0.1:$http_port" "$token" "$warm" "$batch" "$threads"

mariadbd=$(pgrep -x mariadbd | head -1 || true)
[[ -n $mariadbd ]] || mariadbd=$(pgrep -x mysqld | head -1 || true)
tick=$(getconf CLK_TCK)
if [[ $profile == 1 ]]; then
  jcmd $server JFR.start name=bench settings=profile filename="$out/ingest.jfr" > /dev/null
  # The database's side, which JFR does not see: what the server's connections are executing,
  # sampled from the process list every 0.2 s (at most 3,000 samples), with the InnoDB state of
  # their transaction (LOCK WAIT: waiting for a row another batch holds).
  : > "$out/statements.txt"
  touch "$out/sampling"
  (
    for _ in $(seq 1 3000); do
      [[ -f $out/sampling ]] || break
      sql -N -e "SELECT COALESCE(t.trx_state, '-'), LEFT(REGEXP_REPLACE(p.INFO, '[[:space:]]+', ' '), 64)
        FROM information_schema.PROCESSLIST p
        LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID
        WHERE p.DB = '$db' AND p.COMMAND IN ('Query', 'Execute') AND p.ID <> CONNECTION_ID()
          AND p.INFO IS NOT NULL" >> "$out/statements.txt" 2>/dev/null || true
      sleep 0.2
    done
  ) &
  sampler=$!
fi
java_cpu0=$(cpu_ticks $server); db_cpu0=$(cpu_ticks "${mariadbd:-0}")
thread_ticks $server > "$out/threads-before.txt"; thread_ticks "${mariadbd:-0}" > "$out/db-threads-before.txt"
echo "== POST /api/events: $lines events, $batch per request, $threads client threads"
sql -N -e "SHOW GLOBAL STATUS" | sort > "$out/db-status-before.txt"
post=$(java bench/Post.java "http://127.0.0.1:$http_port" "$token" "$data" "$batch" "$threads")
sql -N -e "SHOW GLOBAL STATUS" | sort > "$out/db-status-after.txt"
java_cpu1=$(cpu_ticks $server); db_cpu1=$(cpu_ticks "${mariadbd:-0}")
thread_ticks $server > "$out/threads-after.txt"; thread_ticks "${mariadbd:-0}" > "$out/db-threads-after.txt"
echo "   $post"
if [[ $profile == 1 ]]; then
  jcmd $server JFR.stop name=bench > /dev/null
  rm -f "$out/sampling"; wait "$sampler" 2>/dev/null || true
fi
api_seconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<< "$post")
api_rate=$(sed -E 's/.*events_per_s=([0-9]+).*/\1/' <<< "$post")
accepted=$(sed -E 's/.*accepted=([0-9]+).*/\1/' <<< "$post")
stored=$(sql -N "$db" -e "SELECT COUNT(*) FROM campaigns_event_log WHERE event_id LIKE '$ids%'")
facts=$(sql -N "$db" -e "SELECT (SELECT COUNT(*) FROM campaigns_fact) + (SELECT COUNT(*) FROM agents_fact)
  + (SELECT COUNT(*) FROM conversations_fact) + (SELECT COUNT(*) FROM traffic_fact)")
logged=$(sql -N "$db" -e "SELECT COUNT(*) FROM campaigns_event_log")
[[ $accepted == "$lines" && $stored == "$lines" && $facts == "$logged" ]] || {
  echo "FAILED: accepted $accepted, stored $stored of $lines lines, facts $facts for $logged log rows"
  exit 1
}
# What the database did for the measured events: statements and rows read per event, and the time
# transactions waited for row locks (two clients ingesting batches of the same agents wait here).
join "$out/db-status-before.txt" "$out/db-status-after.txt" | awk -v n="$lines" '
  { d[$1] = $3 - $2 }
  END { printf "   database per event: %.2f statements, %.1f index rows read; row lock waits %.1f s in all\n",
          d["Questions"] / n, (d["Handler_read_next"] + d["Handler_read_key"]) / n, d["Innodb_row_lock_time"] / 1000 }'
cores() { awk -v a="$1" -v b="$2" -v s="$api_seconds" -v t="$tick" 'BEGIN {printf "%.2f", (b - a) / t / s}'; }
echo "   stored exactly once: $stored log rows (every context's facts: $facts for $logged log rows)"
echo "   CPU while ingesting: Payara $(cores "$java_cpu0" "$java_cpu1") cores, mariadbd $(cores "$db_cpu0" "$db_cpu1") cores (of $(nproc))"
# Where each process's CPU went, by thread name (numbers stripped), user and system time apart:
# the JFR profile below only sees Java frames of a few sampled threads.
thread_cores() { # BEFORE AFTER
  awk -v t="$tick" -v s="$api_seconds" 'NR == FNR {u[$1] = $2; k[$1] = $3; next}
    {name = $4; gsub(/[0-9]+/, "#", name); du[name] += $2 - u[$1]; dk[name] += $3 - k[$1]}
    END {for (n in du) if (du[n] + dk[n] > 0)
      printf "%.3f %.2f %.2f %s\n", (du[n] + dk[n]) / t / s, du[n] / t / s, dk[n] / t / s, n}' "$1" "$2" |
    sort -rn | head -6 | awk '{printf "     %5.2f cores (user %.2f, system %.2f)  %s\n", $1, $2, $3, $4}'
}
echo "   Payara's threads:"; thread_cores "$out/threads-before.txt" "$out/threads-after.txt"
echo "   mariadbd's threads:"; thread_cores "$out/db-threads-before.txt" "$out/db-threads-after.txt"

# Every table of the database over every event it holds (the warm-up's too), against the NDJSON
# that was posted: the statistics' sizes after ANALYZE, and the blocks their files take on disk
# (less than their length where pages are compressed: the holes are not stored).
sql -N "$db" -e "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()" |
  while read -r table; do sql -N "$db" -e "ANALYZE TABLE \`$table\`" > /dev/null; done
datadir=$(sql -N -e 'SELECT @@datadir')
# Every dirty page written first: a compressed table's file is extended sparsely, so a page still
# in the buffer pool takes no block yet and would not be counted.
sql -N "$db" -e "FLUSH TABLES $(sql -N "$db" -e "SELECT GROUP_CONCAT(CONCAT('\`', table_name, '\`'))
  FROM information_schema.tables WHERE table_schema = DATABASE()") FOR EXPORT; UNLOCK TABLES"
echo "   tables after ingest, the largest on disk (data + indexes, and the file's blocks; InnoDB buffer pool $(sql -N -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MiB):"
sql -N "$db" -e "SELECT table_name, ROUND(data_length / 1048576), ROUND(index_length / 1048576)
  FROM information_schema.tables WHERE table_schema = DATABASE()" |
  while read -r table data_mib index_mib; do
    printf '%d %s %s %s\n' "$(du --block-size=1 "$datadir/$db/$table.ibd" | cut -f1)" "$table" "$data_mib" "$index_mib"
  done | sort -rn | head -12 |
  awk '{printf "     %-34s %5d + %4d MiB, %5d MiB on disk\n", $2, $3, $4, $1 / 1048576}'
all_bytes=$(sql -N "$db" -e "SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = DATABASE()")
file_bytes=$(du -c --block-size=1 "$datadir/$db"/*.ibd | tail -1 | cut -f1)
posted=("$data"); [[ -s $warm ]] && posted+=("$warm")
posted_bytes=$(cat "${posted[@]}" | wc -c)
posted_lines=$(cat "${posted[@]}" | wc -l)
bytes_line=$(printf "bytes per stored event: %d in all tables (%d on disk), NDJSON posted %d" \
  $(( all_bytes / logged )) $(( file_bytes / logged )) $(( posted_bytes / posted_lines )))
echo "   $bytes_line ($logged events, $(( all_bytes / 1048576 )) MiB in all tables)"

echo "== LOAD DATA LOCAL INFILE of the same file into a one-column table"
sql "$db" -e "CREATE TABLE load_baseline (line LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
t0=$(now)
sql --local-infile=1 "$db" -e "LOAD DATA LOCAL INFILE '$data' INTO TABLE load_baseline
  CHARACTER SET utf8mb4 FIELDS TERMINATED BY 0x01 ESCAPED BY '' LINES TERMINATED BY '\n' (line)"
t1=$(now)
loaded=$(sql -N "$db" -e "SELECT COUNT(*) FROM load_baseline")
[[ $loaded == "$lines" ]] || { echo "FAILED: LOAD DATA stored $loaded of $lines lines"; exit 1; }
load_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
load_rate=$(awk -v n="$lines" -v s="$load_seconds" 'BEGIN {printf "%.0f", n / s}')

echo
profile_label=""
[[ $profile == 1 ]] && profile_label=" [PROFILED: JFR recording while measured, not comparable]"
echo "== result ($(date -u +%FT%TZ), $(nproc) cores, MariaDB $(sql -N -e 'SELECT VERSION()'), buffer pool $(sql -N -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MiB, warm-up $warmup)$pool_label$profile_label"
printf "   POST /api/events        %9d events/s  (%s s for %d events)\n" "$api_rate" "$api_seconds" "$lines"
printf "   LOAD DATA LOCAL INFILE  %9d events/s  (%s s, one-column table)\n" "$load_rate" "$load_seconds"
awk -v a="$api_rate" -v l="$load_rate" 'BEGIN {printf "   ratio API / LOAD DATA   %9.2f\n", a / l}'
echo "   $bytes_line"

if [[ $profile == 1 ]]; then
  echo
  echo "== where the server spent its CPU while ingesting (JFR, $out/ingest.jfr)"
  java bench/JfrTop.java "$out/ingest.jfr" | tee "$out/profile.txt"
  echo
  echo "== what the database was executing while ingesting ($(wc -l < "$out/statements.txt") statements seen in the samples; share of them, InnoDB state, statement)"
  awk -F'\t' '{n[$1 "\t" $2]++; t++} END {for (k in n) printf "%5.1f %%  %s\n", 100 * n[k] / t, k}' \
    "$out/statements.txt" | sort -rn | head -15 | tee -a "$out/profile.txt"
fi

[[ ${BENCH_KEEP_DB:-0} == 1 ]] || sql -e "DROP DATABASE IF EXISTS $db"
