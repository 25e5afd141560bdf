#!/usr/bin/env bash
# Stops the local cluster topology started by cluster/start.sh (members, HAProxy, Galera nodes and
# their checks), only the processes it started, by their process ids. The data stays in
# cluster/target/ (delete it, or start with CLUSTER_FRESH=1, to begin anew).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

for m in "${MEMBERS[@]}"; do member_stop "$m"; done
haproxy_stop
for n in "${NODES[@]}"; do check_stop "$n"; done
# The last node to stop is the one Galera marks safe to bootstrap from: stop node 1 last.
for n in 3 2 1; do node_stop "$n"; done
log "cluster stopped"
