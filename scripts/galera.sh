# A throwaway three-node MariaDB Galera cluster on loopback, for the galera
# test suite. Sourced after lib.sh, not run. Works on a fresh Debian 12 as root.

# galera-4 is the provider; the rsync SST needs rsync, and one of ss
# (iproute2), sockstat or lsof to see its own daemon listen.
OA_GALERA_PACKAGES=(galera-4 rsync iproute2)
OA_GALERA_PROVIDER=/usr/lib/galera/libgalera_smm.so
OA_GALERA_NODES=3

# Four consecutive free ports from $1 on: SQL, group communication, SST, IST.
oa_galera_free_block() {
  local port=$1
  while ! oa_port_free "$port" || ! oa_port_free $((port + 1)) ||
    ! oa_port_free $((port + 2)) || ! oa_port_free $((port + 3)); do
    port=$((port + 4))
  done
  echo "$port"
}

# The my.cnf lines of node $1 whose block starts at $2; $3 is the gcomm address list.
oa_galera_cnf() {
  local node=$1 base=$2 members=$3
  # A small gcache and buffer pool (OA_BUFFER_POOL) let three nodes share a
  # two-core machine. autoinc_lock_mode=2 and ROW events are what Galera
  # requires; rsync SST needs no extra account.
  cat <<EOF
wsrep_on=ON
wsrep_provider=$OA_GALERA_PROVIDER
wsrep_cluster_name=online-alter-test
wsrep_cluster_address=gcomm://$members
wsrep_node_name=node$node
wsrep_node_address=127.0.0.1:$((base + 1))
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((base + 2))
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$((base + 1));ist.recv_addr=127.0.0.1:$((base + 3));gcache.size=64M;gcs.fc_limit=64"
wsrep_slave_threads=2
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
skip-log-bin
# The SST script takes the server's TLS files as a request to encrypt the
# transfer, which needs stunnel; on loopback a plain rsync is enough.
[sst]
ssl-mode=DISABLED
EOF
}

# Runs SQL as root on node $1 (1-based) over its socket.
oa_galera_root_sql() {
  local node=$1 sql=$2
  shift 2
  mariadb --no-defaults -S "$OA_GALERA_DIR/node$node/mysqld.sock" -uroot -N "$@" -e "$sql"
}

# Waits until node $1 reports a cluster of OA_GALERA_NODES and is Synced.
oa_galera_wait_synced() {
  local node=$1 i size state
  for i in $(seq 1 240); do
    size=$(oa_galera_root_sql "$node" "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null |
      cut -f2)
    state=$(oa_galera_root_sql "$node" "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'" \
      2>/dev/null | cut -f2)
    [ "$size" = "$OA_GALERA_NODES" ] && [ "$state" = Synced ] && return 0
    sleep 0.5
  done
  oa_die "galera node $node is not Synced in a cluster of $OA_GALERA_NODES (size '$size', state '$state')"
}

# Starts the cluster: node 1 bootstraps, the others join it by rsync SST.
# Exports OA_GALERA_PORTS ("p1 p2 p3"), OA_GALERA_DIR, and, as oa_server_start
# does, OA_HOST, OA_PORT (node 1), OA_USER and MYSQL_PWD.
oa_galera_start() {
  oa_require_packages "${OA_GALERA_PACKAGES[@]}"
  OA_GALERA_DIR=$(mktemp -d /tmp/online-alter-galera.XXXXXX)
  export OA_GALERA_DIR
  # The nodes run as mysql: a root joiner's rsync daemon would write the
  # copied datadir as nobody (rsyncd's default for root) and be refused.
  chmod 711 "$OA_GALERA_DIR"
  local bases=() base=${OA_GALERA_PORT:-23306} node members=
  for node in $(seq 1 $OA_GALERA_NODES); do
    base=$(oa_galera_free_block "$base")
    bases+=("$base")
    members+="${members:+,}127.0.0.1:$((base + 1))"
    base=$((base + 4))
  done
  local ports=() cnf
  for node in $(seq 1 $OA_GALERA_NODES); do
    cnf=$(oa_galera_cnf "$node" "${bases[$((node - 1))]}" "$members")
    if [ "$node" -eq 1 ]; then
      OA_BUFFER_POOL=${OA_BUFFER_POOL:-128M} OA_REDO_LOG=${OA_REDO_LOG:-64M} OA_INSTANCE_USER=mysql \
        oa_instance_start "$OA_GALERA_DIR/node1" "${bases[0]}" "$cnf" --wsrep-new-cluster
    else
      OA_BUFFER_POOL=${OA_BUFFER_POOL:-128M} OA_REDO_LOG=${OA_REDO_LOG:-64M} OA_INSTANCE_USER=mysql \
        oa_instance_start "$OA_GALERA_DIR/node$node" "${bases[$((node - 1))]}" "$cnf"
    fi
    [ "$OA_INSTANCE_PORT" = "${bases[$((node - 1))]}" ] ||
      oa_die "galera node $node: port ${bases[$((node - 1))]} was taken meanwhile"
    ports+=("$OA_INSTANCE_PORT")
  done
  for node in $(seq 1 $OA_GALERA_NODES); do oa_galera_wait_synced "$node"; done
  export OA_GALERA_PORTS="${ports[*]}"
  export OA_HOST=127.0.0.1 OA_PORT=${ports[0]} OA_USER=oa
  export OA_SOCKET=$OA_GALERA_DIR/node1/mysqld.sock OA_SSL_CA=$OA_GALERA_DIR/node1/ca.pem
  # Tests that restart "the server" cannot restart a cluster node this way.
  unset OA_SERVER_DEFAULTS
  export MYSQL_PWD="oa-$RANDOM$RANDOM"
  # CREATE USER replicates (TOI): the account exists on every node.
  oa_create_test_account "$OA_GALERA_DIR/node1" || oa_die "could not create the test user"
  oa_log "Galera cluster of $OA_GALERA_NODES nodes on 127.0.0.1 ports $OA_GALERA_PORTS ($OA_GALERA_DIR)"
}

# Stops every node, the joiners first, and removes the directories.
oa_galera_stop() {
  local dir=${OA_GALERA_DIR:-} node
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  for node in $(seq $OA_GALERA_NODES -1 1); do oa_instance_stop "$dir/node$node"; done
  rm -rf "$dir"
  OA_GALERA_DIR=
  unset OA_GALERA_PORTS
}
