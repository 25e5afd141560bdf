#!/usr/bin/env bash
# Starts the local cluster topology (docs/deploy.md): three Galera nodes, HAProxy, three Payara Micro
# members started at the same moment, all on 127.0.0.1. Installs galera-4, haproxy, mariadb-backup and socat
# when missing (as root). Stop it with cluster/stop.sh.
#
#   bash cluster/start.sh            # the application at http://127.0.0.1:28080/
#
# Settings (environment): CLUSTER_MEMBER_HEAP (512m), CLUSTER_DB (exports), CLUSTER_WAR (the built
# WAR), CLUSTER_OPERATOR_PASSWORD, CLUSTER_OPERATOR_TOKEN; CLUSTER_FRESH=1 deletes the nodes' data
# first. Builds the WAR when it is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cluster_install
if [[ ! -f $WAR || ! -f $MICRO ]]; then
  log "building the WAR"
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl app-assembly -am)
fi
if [[ ${CLUSTER_FRESH:-0} == 1 ]]; then
  bash "$CLUSTER_DIR/stop.sh" > /dev/null 2>&1 || true
  rm -rf "$WORK"
fi
mkdir -p "$WORK"

database_start
log "galera: $(node_sql 1 -N -e "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}') nodes synced; HAProxy on $LB_HTTP (members) and $LB_SQL (SQL)"

# All members at the same moment: the start-up lock lets one migrate and bootstrap at a time.
for m in "${MEMBERS[@]}"; do member_alive "$m" || member_start "$m"; done
for m in "${MEMBERS[@]}"; do member_ready "$m" 300; done
log "members ready; data grid size as member1 last saw it: $(grid_size 1)"
echo
echo " Application: http://127.0.0.1:$LB_HTTP/   (members on $(http_port 1)-$(http_port 3))"
echo " Sign in:     operator / $OPERATOR_PASSWORD   (API token: $OPERATOR_TOKEN)"
echo " SQL:         mariadb -h127.0.0.1 -P$LB_SQL -uroot $DB"
echo " HAProxy:     http://127.0.0.1:$LB_STATS/"
echo " Stop:        bash cluster/stop.sh"
