#!/usr/bin/env bash
# One step on a running local cluster, for the fault test and by hand:
#   bash cluster/node.sh kill-member N | start-member N | stop-member N | member-ready N
#   bash cluster/node.sh kill-galera N | start-galera N | galera-state N
#   bash cluster/node.sh lb-state BACKEND SERVER | lb BACKEND SERVER enable|disable
set -euo pipefail
source "$(dirname "$0")/lib.sh"

case ${1:-} in
  kill-member) member_kill "$2" ;;
  start-member) member_start "$2" ;;
  stop-member) member_stop "$2" ;;
  member-ready) member_ready "$2" "${3:-300}" ;;
  kill-galera) node_kill "$2" ;;
  start-galera) node_start "$2" ;;
  galera-state) node_state "$2" ;;
  lb-state) haproxy_state "$2" "$3" ;;
  lb) haproxy_admin "$4 server $2/$3" ;;
  *) echo "usage: $0 kill-member|start-member|stop-member|member-ready|kill-galera|start-galera|galera-state|lb-state|lb ..." >&2; exit 2 ;;
esac
