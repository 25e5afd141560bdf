#!/usr/bin/env bash
# Simulator benchmark: generates 1,000,000 events (three weeks of a larger operation) into an
# NDJSON file and prints the elapsed time and events per second, as measured inside the JVM
# (the Maven build before it is not counted). The file is what the ingest and export
# benchmarks can post: bench/simulate.sh [FILE] (default target/bench/events-1m.ndjson).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/bench/events-1m.ndjson}"
mvn -q -B -Psimulate -DskipTests package -pl app-assembly -am \
  -Dsimulate="--seed 24 --start 2026-01-05 --days 21 --accounts 6 --agents 20 --scale 3 --limit 1000000 --quiet --out ${out}"
echo "$(wc -l < "${out}") lines, $(du -h "${out}" | cut -f1) in ${out}"
