# Shared helpers for scripts/demo, scripts/test and scripts/bench.
# Sourced, not run. Everything here works on a fresh Debian 12 machine as root.

OA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OA_BUILD=${OA_BUILD:-$OA_ROOT/build}

oa_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
oa_die() { oa_log "error: $*"; exit 1; }

# Packages needed to build the tool and to run its tests.
OA_BUILD_PACKAGES=(meson ninja-build pkg-config g++ libmysqlcppconn-dev
  libboost-program-options-dev libboost-log-dev libxxhash-dev doctest-dev)
OA_SERVER_PACKAGES=(mariadb-server mariadb-client openssl)
# The integration tests read --log-format json with jq, as a cron job would.
OA_TEST_PACKAGES=(jq)

# Installs whichever of the named Debian packages are missing.
oa_require_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || oa_die "missing packages: ${missing[*]} (run as root, or install them)"
  oa_log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Installing mariadb-server must not start the system service: the tests use
  # their own throwaway instance. policy-rc.d is Debian's switch for that.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e $policy ]; then
    printf '#!/bin/sh\nexit 101\n' >$policy && chmod +x $policy && created_policy=1
  fi
  apt-get update -q >/dev/null || oa_die "apt-get update failed"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
    oa_die "apt-get install ${missing[*]} failed"
  [ $created_policy -eq 1 ] && rm -f $policy
  return 0
}

# Configures (once) and builds the project into $OA_BUILD.
oa_build() {
  if [ ! -f "$OA_BUILD/build.ninja" ]; then
    meson setup "$OA_BUILD" "$OA_ROOT" --buildtype=debugoptimized ${OA_MESON_ARGS:-} >/dev/null ||
      oa_die "meson setup failed"
  fi
  ninja -C "$OA_BUILD" >"$OA_BUILD/ninja.log" 2>&1 || { cat "$OA_BUILD/ninja.log" >&2; oa_die "build failed"; }
  oa_log "built $OA_BUILD/online-alter"
}

# Writes a throwaway certificate authority and a server certificate signed by it
# into directory $1: ca.pem, server-cert.pem, server-key.pem. The server
# certificate names 127.0.0.1 and localhost, so that VERIFY_IDENTITY can pass.
oa_make_certificates() {
  local dir=$1
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=online-alter test CA" \
    -keyout "$dir/ca-key.pem" -out "$dir/ca.pem" >/dev/null 2>&1 &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
      -keyout "$dir/server-key.pem" -out "$dir/server.csr" >/dev/null 2>&1 &&
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$dir/server.ext" &&
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" \
      -CAcreateserial -days 2 -extfile "$dir/server.ext" -out "$dir/server-cert.pem" >/dev/null 2>&1
}

oa_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts one throwaway mariadbd on loopback: $1 is a new directory for its
# datadir, socket, logs and certificate; $2 the first port to try; $3 option
# lines added to its my.cnf (e.g. binary logging, wsrep); any further
# arguments go to mariadbd. Sets OA_INSTANCE_PORT and OA_INSTANCE_PID, and
# returns once root can connect over the socket. The server offers TLS with a
# certificate signed by a throwaway CA ($1/ca.pem).
# OA_BUFFER_POOL and OA_REDO_LOG size the buffer pool and the redo log;
# OA_INSTANCE_USER is the account it runs as (root by default).
oa_instance_start() {
  local dir=$1 port=$2 extra=$3 user=${OA_INSTANCE_USER:-root}
  shift 3
  while ! oa_port_free "$port"; do port=$((port + 1)); done
  mkdir -p "$dir/data"
  mariadb-install-db --no-defaults --user="$user" --datadir="$dir/data" \
    --auth-root-authentication-method=socket >"$dir/install.log" 2>&1 ||
    { cat "$dir/install.log" >&2; oa_die "mariadb-install-db failed"; }
  oa_make_certificates "$dir" || oa_die "openssl could not make the test certificates"
  [ "$user" = root ] || chown -R "$user" "$dir"
  cat >"$dir/my.cnf" <<EOF
[mariadbd]
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=$port
bind-address=127.0.0.1
user=$user
innodb_buffer_pool_size=${OA_BUFFER_POOL:-1G}
innodb_log_file_size=${OA_REDO_LOG:-256M}
innodb_flush_log_at_trx_commit=2
max_connections=500
character-set-server=utf8mb4
collation-server=utf8mb4_general_ci
ssl-ca=$dir/ca.pem
ssl-cert=$dir/server-cert.pem
ssl-key=$dir/server-key.pem
$extra
EOF
  mariadbd --defaults-file="$dir/my.cnf" "$@" >/dev/null 2>&1 &
  OA_INSTANCE_PID=$!
  OA_INSTANCE_PORT=$port
  local i
  # A cluster node that joins copies the whole datadir first: allow two minutes.
  for i in $(seq 1 240); do
    mariadb --no-defaults -S "$dir/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && return 0
    kill -0 $OA_INSTANCE_PID 2>/dev/null || { cat "$dir/error.log" >&2; oa_die "mariadbd did not start"; }
    sleep 0.5
  done
  cat "$dir/error.log" >&2
  oa_die "mariadbd in $dir did not accept connections within two minutes"
}

# Stops the mariadbd whose directory is $1 (shutdown, then signals) and removes the directory.
oa_instance_stop() {
  local dir=$1 pid=
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  # A test may have restarted the server: the pid file names the one running now.
  [ -s "$dir/mysqld.pid" ] && pid=$(cat "$dir/mysqld.pid")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # A wedged server (a stalled Galera node) never answers: bound the wait.
    timeout 60 mariadb-admin --no-defaults -S "$dir/mysqld.sock" -uroot shutdown >/dev/null 2>&1 ||
      kill "$pid" 2>/dev/null
    local i
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true  # usually gone already; must not trip set -e
  fi
  rm -rf "$dir"
}

# Starts the throwaway server the scripts use (oa_instance_start) and exports
# OA_HOST, OA_PORT, OA_SOCKET, OA_USER and MYSQL_PWD for clients, and
# OA_SSL_CA. The password travels only in the environment, never on a command
# line. OA_SERVER_CNF replaces the default extra option lines (no binary log).
oa_server_start() {
  OA_SERVER_DIR=$(mktemp -d /tmp/online-alter-db.XXXXXX)
  oa_instance_start "$OA_SERVER_DIR" "${OA_PORT:-13306}" "${OA_SERVER_CNF:-skip-log-bin}"
  OA_SERVER_PID=$OA_INSTANCE_PID
  local port=$OA_INSTANCE_PORT
  export OA_HOST=127.0.0.1 OA_PORT=$port OA_SOCKET=$OA_SERVER_DIR/mysqld.sock OA_USER=oa
  # How to start the same server again (the tests that restart it mid-run).
  export OA_SERVER_DEFAULTS=$OA_SERVER_DIR/my.cnf
  export OA_SSL_CA=$OA_SERVER_DIR/ca.pem
  export MYSQL_PWD="oa-$RANDOM$RANDOM"
  oa_create_test_account "$OA_SERVER_DIR" || oa_die "could not create the test user"
  oa_log "MariaDB $(oa_root_sql 'SELECT VERSION()' -N) on 127.0.0.1:$port (datadir $OA_SERVER_DIR)"
}

# Creates the account `oa` with password $MYSQL_PWD on the server whose
# directory is $1; the SQL goes through stdin, out of the process list. The
# anonymous accounts mariadb-install-db creates would match a client on
# localhost before any 'name'@'%' account that the tests create; the tests
# create and grant such accounts, hence WITH GRANT OPTION.
oa_create_test_account() {
  mariadb --no-defaults -S "$1/mysqld.sock" -uroot <<EOF
DROP USER IF EXISTS ''@'localhost'; DROP USER IF EXISTS ''@'$(hostname)';
CREATE USER 'oa'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PWD';
CREATE USER 'oa'@'localhost' IDENTIFIED BY '$MYSQL_PWD';
GRANT ALL ON *.* TO 'oa'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL ON *.* TO 'oa'@'localhost' WITH GRANT OPTION;
EOF
}

# Runs SQL as the server's root over the socket. Extra arguments go to the client.
oa_root_sql() {
  local sql=$1; shift
  mariadb --no-defaults -S "$OA_SERVER_DIR/mysqld.sock" -uroot "$@" -e "$sql"
}

# Runs SQL as the test user over TCP (the password comes from MYSQL_PWD).
oa_sql() {
  local sql=$1; shift
  mariadb --no-defaults -h "$OA_HOST" -P "$OA_PORT" -u "$OA_USER" "$@" -e "$sql"
}

oa_server_stop() {
  oa_instance_stop "${OA_SERVER_DIR:-}"
  OA_SERVER_DIR=
}

# Option lines that make the server oa_server_start starts a primary: a
# row-based binary log, which is what replicas of an online schema change
# need (the triggers' writes travel as rows). Use as OA_SERVER_CNF.
OA_PRIMARY_CNF=$'log-bin=primary-bin\nbinlog-format=ROW\nserver-id=1'

# Starts a replica of the server oa_server_start started with OA_PRIMARY_CNF:
# read_only, replicating through GTIDs from the primary's first event (so it
# gets the test account too), and reporting its address to SHOW SLAVE HOSTS.
# Exports OA_REPLICA_PORT and OA_REPLICA_DIR; returns once it has caught up.
oa_replica_start() {
  OA_REPLICA_DIR=$(mktemp -d /tmp/online-alter-replica.XXXXXX)
  local port=$((OA_PORT + 1)) password="repl-$RANDOM$RANDOM"
  while ! oa_port_free "$port"; do port=$((port + 1)); done
  oa_instance_start "$OA_REPLICA_DIR" "$port" \
    $'server-id=2\nread-only=1\nskip-log-bin\nrelay-log=replica-relay\nreport-host=127.0.0.1'"
report-port=$port"
  mariadb --no-defaults -S "$OA_SERVER_DIR/mysqld.sock" -uroot <<SQL ||
CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
SQL
    oa_die "could not create the replication account on the primary"
  mariadb --no-defaults -S "$OA_REPLICA_DIR/mysqld.sock" -uroot <<SQL ||
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$OA_PORT, MASTER_USER='repl',
  MASTER_PASSWORD='$password', MASTER_USE_GTID=slave_pos;
START SLAVE;
SQL
    oa_die "could not start replication on the replica"
  export OA_REPLICA_PORT=$OA_INSTANCE_PORT OA_REPLICA_DIR
  local i
  for i in $(seq 1 60); do
    mariadb --no-defaults -h 127.0.0.1 -P "$OA_REPLICA_PORT" -u oa -e 'SELECT 1' >/dev/null 2>&1 &&
      { oa_log "replica on 127.0.0.1:$OA_REPLICA_PORT (datadir $OA_REPLICA_DIR)"; return 0; }
    sleep 0.5
  done
  mariadb --no-defaults -S "$OA_REPLICA_DIR/mysqld.sock" -uroot -e 'SHOW SLAVE STATUS\G' >&2
  oa_die "the replica did not catch up with the primary within 30 s"
}

oa_replica_stop() {
  oa_instance_stop "${OA_REPLICA_DIR:-}"
  OA_REPLICA_DIR=
}
