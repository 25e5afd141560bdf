#!/usr/bin/env bash
# Fuzz bench (issue 15): 1,000,000 mutated event lines (app-assembly's fuzz package: valid events,
# and events broken in one known way each, from a 1,000-level nesting to a 200,000-digit number)
# through POST /api/events, each batch of one mutation, every answer checked (never a 5xx, every
# valid line accepted, every broken one rejected naming its field). Prints per mutation lines, MiB
# and seconds per MiB, and the worst. docs/benchmarks.md keeps a run's output.
#
#   flock /tmp/mvn.lock bash bench/fuzz.sh
#   FUZZ_LINES=3000 FUZZ_SERVER=http://127.0.0.1:18282 bash bench/fuzz.sh   # a running server
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${FUZZ_LINES:-1000000}
DB=${BENCH_DB:-exports_fuzz_bench}
PORT=${BENCH_PORT:-18383}
. bench/lib.sh

bench_build
if [ -n "${FUZZ_SERVER:-}" ]; then
  BASE=$FUZZ_SERVER
else
  bench_start_server
  BASE="http://127.0.0.1:$PORT"
fi
java -Xmx1g -cp "app-assembly/target/classes:$(cat "$SIMULATOR_CLASSPATH")" \
  com.conversation24.app.fuzz.Fuzz --post "$BASE" --token "$TOKEN" --lines "$LINES" --by-kind \
  --seed "${FUZZ_SEED:-24}"
