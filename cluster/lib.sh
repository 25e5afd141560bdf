# The local cluster topology (docs/deploy.md), sourced by start.sh, stop.sh, node.sh and the fault
# test: three MariaDB Galera nodes, HAProxy in front of them and of the members, three Payara Micro
# members clustered by Hazelcast over TCP/IP. Everything listens on 127.0.0.1 only, on ports of its
# own (never 3306: that is the machine's MariaDB), with its files under cluster/target/.
#
#   node i (1..3)     SQL 2330i   Galera group 2456i   IST 2457i   SST 2444i   sync check 2920i
#   member i (1..3)   HTTP 2808i  data grid 2690i
#   HAProxy           HTTP 28080 (the members)   SQL 23300 (the Galera node that is written to)
#                     SQL 23310 (every node in turn: writers on all nodes, for the fault test)
#                     stats 28404, admin socket cluster/target/haproxy.sock

CLUSTER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$CLUSTER_DIR/.." && pwd)
WORK=${CLUSTER_WORK:-$CLUSTER_DIR/target}
NODES=(1 2 3)
MEMBERS=(1 2 3)
LB_HTTP=28080
LB_SQL=23300
LB_SQL_ALL=23310
LB_STATS=28404
DB=${CLUSTER_DB:-exports}
MEMBER_HEAP=${CLUSTER_MEMBER_HEAP:-512m}
WAR=${CLUSTER_WAR:-$ROOT/app-assembly/target/exports.war}
MICRO=$ROOT/app-assembly/target/payara-micro.jar
OPERATOR_PASSWORD=${CLUSTER_OPERATOR_PASSWORD:-cluster-operator-password}
OPERATOR_TOKEN=${CLUSTER_OPERATOR_TOKEN:-c24t_cluster-operator-token-0123456789abcd}
GALERA_PROVIDER=/usr/lib/galera/libgalera_smm.so

sql_port() { echo $((23300 + $1)); }
group_port() { echo $((24560 + $1)); }
ist_port() { echo $((24570 + $1)); }
sst_port() { echo $((24440 + $1)); }
check_port() { echo $((29200 + $1)); }
http_port() { echo $((28080 + $1)); }
grid_port() { echo $((26900 + $1)); }

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# Installs what the topology uses, from Debian's packages, when missing.
cluster_install() {
  local missing=()
  [[ -f $GALERA_PROVIDER ]] || missing+=(galera-4)
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v mariadb-backup >/dev/null 2>&1 || missing+=(mariadb-backup)
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

node_dir() { echo "$WORK/galera$1"; }
node_sql() { local n=$1; shift; mariadb --protocol=tcp -h127.0.0.1 -P"$(sql_port "$n")" -uroot --connect-timeout=2 "$@"; }
lb_sql() { mariadb --protocol=tcp -h127.0.0.1 -P"$LB_SQL" -uroot --connect-timeout=2 "$@"; }

# The node's own configuration; --defaults-file keeps the machine's /etc/mysql out of it.
node_config() {
  local n=$1 dir members=""
  dir=$(node_dir "$n")
  for m in "${NODES[@]}"; do members+="${members:+,}127.0.0.1:$(group_port "$m")"; done
  mkdir -p "$dir/data" "$dir/tmp"
  cat > "$dir/my.cnf" <<EOF
[mysqld]
user=root
datadir=$dir/data
tmpdir=$dir/tmp
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
skip-ssl
# Galera replicates row images of InnoDB tables; interleaved auto-increment locks let the
# appliers insert in parallel.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=192M
innodb_log_file_size=96M
# Durability comes from the other nodes holding every commit; the log is flushed once a second.
innodb_flush_log_at_trx_commit=2
max_connections=200
wsrep_on=ON
wsrep_provider=$GALERA_PROVIDER
wsrep_cluster_name=exports-local
wsrep_cluster_address=gcomm://$members
wsrep_node_name=galera$n
wsrep_node_address=127.0.0.1:$(group_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(group_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n");gcache.size=256M"
# State transfers stream a hot backup (mariadb-backup over socat): the donor keeps serving.
wsrep_sst_method=mariabackup
wsrep_sst_auth=root:
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$n")
wsrep_slave_threads=2
EOF
}

node_pid() { cat "$(node_dir "$1")/process.pid" 2>/dev/null || true; }
node_alive() { local p; p=$(node_pid "$1"); [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }

# 4 = Synced: the node holds every commit and takes writes.
node_state() { node_sql "$1" -N -e "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'" 2>/dev/null | awk '{print $2}'; }

wait_synced() { # NODE SECONDS
  local n=$1 limit=$2 i
  for ((i = 0; i < limit * 2; i++)); do
    [[ $(node_state "$n") == 4 ]] && return 0
    node_alive "$n" || { log "galera$n died: $(tail -5 "$(node_dir "$n")/error.log")"; return 1; }
    sleep 0.5
  done
  log "galera$n not synced after $limit s"; tail -20 "$(node_dir "$n")/error.log"; return 1
}

# Starts node N; "new" bootstraps a new cluster with it (the first node of an empty cluster).
node_start() { # NODE [new]
  local n=$1 dir
  dir=$(node_dir "$n")
  node_config "$n"
  if [[ ${2:-} == new && ! -d $dir/data/mysql ]]; then
    mariadb-install-db --defaults-file="$dir/my.cnf" --auth-root-authentication-method=normal \
      --skip-test-db > "$dir/install.log" 2>&1 || { cat "$dir/install.log"; return 1; }
  fi
  local extra=()
  [[ ${2:-} == new ]] && extra+=(--wsrep-new-cluster)
  mariadbd --defaults-file="$dir/my.cnf" "${extra[@]}" > "$dir/stdout.log" 2>&1 &
  echo $! > "$dir/process.pid"
  wait_synced "$n" 180
}

node_kill() { local p; p=$(node_pid "$1"); [[ -n $p ]] && kill -9 "$p" 2>/dev/null; rm -f "$(node_dir "$1")/process.pid"; }

node_stop() {
  local n=$1 p i
  p=$(node_pid "$n")
  [[ -n $p ]] || return 0
  kill "$p" 2>/dev/null || true
  for ((i = 0; i < 120 && $(kill -0 "$p" 2>/dev/null && echo 1 || echo 0); i++)); do sleep 0.5; done
  kill -9 "$p" 2>/dev/null || true
  rm -f "$(node_dir "$n")/process.pid"
}

# HAProxy's check of a node: an HTTP answer from socat, 200 while the node is Synced.
check_start() {
  local n=$1 dir
  dir=$(node_dir "$n")
  mkdir -p "$dir"
  cat > "$dir/check.sh" <<EOF
#!/usr/bin/env bash
state=\$(mariadb --protocol=tcp -h127.0.0.1 -P$(sql_port "$n") -uroot --connect-timeout=1 -N \
  -e "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'" 2>/dev/null | awk '{print \$2}')
if [[ \$state == 4 ]]; then
  printf 'HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nsynced\n'
else
  printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Length: 11\r\nConnection: close\r\n\r\nnot synced\n'
fi
EOF
  chmod +x "$dir/check.sh"
  socat TCP-LISTEN:"$(check_port "$n")",bind=127.0.0.1,reuseaddr,fork EXEC:"$dir/check.sh" \
    > /dev/null 2>&1 &
  echo $! > "$dir/check.pid"
}

check_stop() { local p; p=$(cat "$(node_dir "$1")/check.pid" 2>/dev/null || true); [[ -n $p ]] && kill "$p" 2>/dev/null; rm -f "$(node_dir "$1")/check.pid"; }

haproxy_config() {
  mkdir -p "$WORK"
  {
    cat <<EOF
global
  maxconn 4000
  stats socket $WORK/haproxy.sock mode 600 level admin

defaults
  timeout connect 2s
  timeout client 10m
  timeout server 10m
  timeout check 2s

# The members: round robin, each checked on its readiness every second. A console session sticks
# to its member by a cookie; when that member is down the request goes to another one, which
# finds the session in the data grid.
frontend web
  bind 127.0.0.1:$LB_HTTP
  mode http
  option forwardfor
  # A request asking to upgrade to HTTP/2 in clear text (Java's HttpClient asks by default) goes on
  # as HTTP/1.1: on a member the upgrade would carry all of that client's requests over one
  # connection, where a slow export holds up the rest (decision 38).
  http-request del-header upgrade if { req.hdr(upgrade) -i h2c }
  http-request del-header http2-settings
  default_backend members

backend members
  mode http
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  option redispatch
  retries 2
  retry-on conn-failure empty-response
  cookie EXPORTS_MEMBER insert indirect nocache httponly
  default-server inter 1s fall 2 rise 2
EOF
    for m in "${MEMBERS[@]}"; do
      echo "  server member$m 127.0.0.1:$(http_port "$m") check cookie member$m"
    done
    cat <<EOF

# Galera: every connection to one node (the others are backups), so that writes do not conflict
# across nodes; a node is used only while it is Synced. Connections to a node that fails its
# check are cut, and the members' pools reconnect to the next one.
listen galera
  bind 127.0.0.1:$LB_SQL
  mode tcp
  option httpchk
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
EOF
    for n in "${NODES[@]}"; do
      echo "  server galera$n 127.0.0.1:$(sql_port "$n") check port $(check_port "$n")$([[ $n != 1 ]] && echo ' backup')"
    done
    cat <<EOF

# Every synced node in turn, each connection to the next: writes land on all three nodes and
# conflict in certification. Not for production; the fault test's reference run uses it so that
# the application's retries of failed certifications are exercised.
listen galera-all
  bind 127.0.0.1:$LB_SQL_ALL
  mode tcp
  balance roundrobin
  option httpchk
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
EOF
    for n in "${NODES[@]}"; do
      echo "  server galera$n 127.0.0.1:$(sql_port "$n") check port $(check_port "$n")"
    done
    cat <<EOF

listen stats
  bind 127.0.0.1:$LB_STATS
  mode http
  stats enable
  stats uri /
EOF
  } > "$WORK/haproxy.cfg"
}

haproxy_start() {
  haproxy_config
  haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid" || return 1
}

haproxy_stop() { local p; p=$(cat "$WORK/haproxy.pid" 2>/dev/null || true); [[ -n $p ]] && kill "$p" 2>/dev/null; rm -f "$WORK/haproxy.pid"; }

# HAProxy's runtime API: "disable server members/member2", "show stat", ...
haproxy_admin() { echo "$*" | socat stdio "unix-connect:$WORK/haproxy.sock"; }

# UP / DOWN / MAINT of a server as HAProxy sees it.
haproxy_state() { # BACKEND SERVER
  haproxy_admin "show stat" | awk -F, -v b="$1" -v s="$2" '$1 == b && $2 == s {print $18}'
}

member_dir() { echo "$WORK/member$1"; }
member_pid() { cat "$(member_dir "$1")/pid" 2>/dev/null || true; }
member_alive() { local p; p=$(member_pid "$1"); [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }

grid_members() { local list="" m; for m in "${MEMBERS[@]}"; do list+="${list:+,}127.0.0.1:$(grid_port "$m")"; done; echo "$list"; }

# Starts member N in the background (EXTRA_ENV: more NAME=value settings; SQL_PORT: another of
# HAProxy's SQL ports); member_ready waits.
member_start() { # MEMBER [database]
  local m=$1 db=${2:-$DB} dir
  dir=$(member_dir "$m")
  mkdir -p "$dir/tmp"
  env EXPORTS_DB_URL="jdbc:mariadb://127.0.0.1:${SQL_PORT:-$LB_SQL}/$db?connectTimeout=2000" \
    EXPORTS_DB_USER=root EXPORTS_DB_PASSWORD= \
    EXPORTS_OPERATOR_PASSWORD="$OPERATOR_PASSWORD" EXPORTS_OPERATOR_TOKEN="$OPERATOR_TOKEN" \
    EXPORTS_PUBLIC_BASE_URL="http://127.0.0.1:$LB_HTTP" EXPORTS_TRUSTED_PROXIES=127.0.0.1 \
    ${EXTRA_ENV:-} \
    java -Xmx"$MEMBER_HEAP" -XX:+UseSerialGC -Duser.timezone=UTC \
      -Djava.io.tmpdir="$dir/tmp" -jar "$MICRO" --deploy "$WAR" --contextroot / \
      --port "$(http_port "$m")" --name "member$m" --clustername exports-local \
      --clustermode "tcpip:$(grid_members)" --interfaces 127.0.0.1 --startport "$(grid_port "$m")" \
      --nohostaware --disablephonehome > "$dir/server.log" 2>&1 &
  echo $! > "$dir/pid"
}

member_ready() { # MEMBER SECONDS
  local m=$1 limit=$2 i
  for ((i = 0; i < limit; i++)); do
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(http_port "$m")/health/ready" && return 0
    member_alive "$m" || { log "member$m died"; tail -30 "$(member_dir "$m")/server.log"; return 1; }
    if grep -q "Exception while loading the app" "$(member_dir "$m")/server.log"; then
      log "member$m failed to deploy:"; grep -E "Exception|Caused by" "$(member_dir "$m")/server.log" | head -10
      return 1
    fi
    sleep 1
  done
  log "member$m not ready after $limit s"; tail -30 "$(member_dir "$m")/server.log"; return 1
}

member_kill() { local p; p=$(member_pid "$1"); [[ -n $p ]] && kill -9 "$p" 2>/dev/null; rm -f "$(member_dir "$1")/pid"; }

member_stop() {
  local m=$1 p i
  p=$(member_pid "$m")
  [[ -n $p ]] || return 0
  kill "$p" 2>/dev/null || true
  for ((i = 0; i < 60 && $(kill -0 "$p" 2>/dev/null && echo 1 || echo 0); i++)); do sleep 0.5; done
  kill -9 "$p" 2>/dev/null || true
  rm -f "$(member_dir "$m")/pid"
}

# The data grid's size as the member's log last reported it.
grid_size() { grep -o 'DG Size: [0-9]*' "$(member_dir "$1")/server.log" 2>/dev/null | tail -1 | awk '{print $3}'; }

# The three Galera nodes (the first bootstraps the cluster, or its data when it stopped last; the
# others join by state transfer), their checks and HAProxy; then the database $DB exists.
database_start() {
  local n state
  mkdir -p "$WORK"
  for n in "${NODES[@]}"; do
    if node_alive "$n"; then continue; fi
    if [[ $n == 1 ]] && ! node_alive 2 && ! node_alive 3; then
      state=$(node_dir 1)/data/grastate.dat
      [[ -f $state ]] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$state"
      log "galera1: bootstrapping the cluster"
      node_start 1 new
    else
      log "galera$n: joining"
      node_start "$n"
    fi
  done
  for n in "${NODES[@]}"; do check_stop "$n"; check_start "$n"; done
  haproxy_stop
  haproxy_start
  for _ in $(seq 1 30); do lb_sql -e "SELECT 1" > /dev/null 2>&1 && break; sleep 0.5; done
  lb_sql -e "CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
}
