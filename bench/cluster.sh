#!/usr/bin/env bash
# Ingest throughput through the load balancer with one and with three members, in one run, on the
# local cluster topology (cluster/lib.sh: three Galera nodes, HAProxy, three Payara Micro members).
# All three members run all the time; for the one-member rounds HAProxy sends every request to
# member1 (the others are set to maintenance through its admin socket), so both kinds of round
# meet the same grid, database and machine. Rounds alternate 1, 3, 1, 3, ...; each posts a log of
# its own (another simulator seed: other event ids) from the same client threads. Prints each
# round, the medians and their ratio, and where the CPU went. See docs/benchmarks.md.
#
#   flock /tmp/mvn.lock bash bench/cluster.sh
#
# Settings (environment): BENCH_ROUNDS (3 of each), BENCH_DAYS (7 days of the default operation
# per round), BENCH_BATCH (2000), BENCH_THREADS (8 client threads).
set -euo pipefail
source "$(dirname "$0")/../cluster/lib.sh"
cd "$ROOT"

rounds=${BENCH_ROUNDS:-3}
days=${BENCH_DAYS:-7}
batch=${BENCH_BATCH:-2000}
threads=${BENCH_THREADS:-8}
out=$ROOT/bench/target/cluster
mkdir -p "$out"

cluster_install
if [[ ! -f $WAR || ! -f $MICRO || ! -f app-assembly/target/simulator.classpath ]]; then
  mvn -B -q package -DskipTests -pl app-assembly -am
fi
bash cluster/stop.sh > /dev/null 2>&1 || true
rm -rf "$WORK"
trap 'bash cluster/stop.sh > /dev/null 2>&1 || true' EXIT

for ((r = 1; r <= 2 * rounds; r++)); do
  file=$out/round-$r.ndjson
  [[ -s $file ]] || java -Xmx512m -cp "app-assembly/target/classes:$(cat app-assembly/target/simulator.classpath)" \
    com.conversation24.app.simulator.Simulator --seed $((100 + r)) --days "$days" --quiet --out "$file"
done
echo "== $((2 * rounds)) logs of $(wc -l < "$out/round-1.ndjson") events each (seeds 101..$((100 + 2 * rounds)))"

DB=exports_bench database_start
for m in "${MEMBERS[@]}"; do member_start "$m" exports_bench; done
for m in "${MEMBERS[@]}"; do member_ready "$m" 300; done
echo "== topology up: 3 Galera nodes, HAProxy, 3 members (heap $MEMBER_HEAP each); data grid $(grid_size 1)"
# Warm-up: the first round's code paths compiled on every member, not measured.
java -Xmx512m -cp "app-assembly/target/classes:$(cat app-assembly/target/simulator.classpath)" \
  com.conversation24.app.simulator.Simulator --seed 99 --days 2 --quiet --out "$out/warmup.ndjson"
java bench/Post.java "http://127.0.0.1:$LB_HTTP" "$OPERATOR_TOKEN" "$out/warmup.ndjson" "$batch" "$threads" > /dev/null

ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
members_pids=$(for m in "${MEMBERS[@]}"; do member_pid "$m"; done)
nodes_pids=$(for n in "${NODES[@]}"; do node_pid "$n"; done)
haproxy_pid=$(cat "$WORK/haproxy.pid")
tick=$(getconf CLK_TCK)

declare -a one three
for ((r = 1; r <= 2 * rounds; r++)); do
  if ((r % 2 == 1)); then
    mode=1
    haproxy_admin "disable server members/member2" > /dev/null
    haproxy_admin "disable server members/member3" > /dev/null
  else
    mode=3
    haproxy_admin "enable server members/member2" > /dev/null
    haproxy_admin "enable server members/member3" > /dev/null
    sleep 3 # two checks of the members' readiness
  fi
  j0=$(ticks $members_pids); d0=$(ticks $nodes_pids); h0=$(ticks "$haproxy_pid")
  result=$(java bench/Post.java "http://127.0.0.1:$LB_HTTP" "$OPERATOR_TOKEN" "$out/round-$r.ndjson" "$batch" "$threads")
  j1=$(ticks $members_pids); d1=$(ticks $nodes_pids); h1=$(ticks "$haproxy_pid")
  rate=$(sed -E 's/.*events_per_s=([0-9]+).*/\1/' <<< "$result")
  seconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<< "$result")
  accepted=$(sed -E 's/.*accepted=([0-9]+).*/\1/' <<< "$result")
  lines=$(wc -l < "$out/round-$r.ndjson")
  [[ $accepted == "$lines" ]] || { echo "FAILED: round $r accepted $accepted of $lines"; exit 1; }
  cores() { awk -v a="$1" -v b="$2" -v s="$seconds" -v t="$tick" 'BEGIN {printf "%.2f", (b - a) / t / s}'; }
  printf "   round %d, %d member(s): %6d events/s (%s s)  CPU: members %s, Galera nodes %s, HAProxy %s cores of %d\n" \
    "$r" "$mode" "$rate" "$seconds" "$(cores "$j0" "$j1")" "$(cores "$d0" "$d1")" "$(cores "$h0" "$h1")" "$(nproc)"
  if ((mode == 1)); then one+=("$rate"); else three+=("$rate"); fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
m1=$(median "${one[@]}"); m3=$(median "${three[@]}")
echo "== result ($(date -u +%FT%TZ), $(nproc) cores, $threads client threads, batches of $batch)"
printf "   1 member   %7.0f events/s (median of %d)\n" "$m1" "$rounds"
printf "   3 members  %7.0f events/s (median of %d)\n" "$m3" "$rounds"
awk -v a="$m3" -v b="$m1" 'BEGIN {printf "   ratio 3 / 1  %5.2f\n", a / b}'
rows=$(lb_sql -N exports_bench -e "SELECT COUNT(*) FROM campaigns_event_log")
echo "   log rows after all rounds: $rows"
