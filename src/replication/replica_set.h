// Which replicas the migration watches: those named with --replica, and
// those the primary knows of (--recursion-method).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "db/connection.h"
#include "db/connection_settings.h"

namespace oa::replication {

struct Replica {
  std::string name;      // "host:port" (or the socket) for messages and metrics
  std::string found_by;  // "--replica", "SHOW SLAVE HOSTS" or "the processlist"
  db::ConnectionSettings settings;
};

struct DiscoverySettings {
  // "hosts" (SHOW SLAVE HOSTS) and "processlist" (the primary's binlog dump
  // threads), tried in this order; the first that finds a replica is used.
  // Empty: no discovery.
  std::vector<std::string> methods;
  // --replica DSNs, as parsed by cli::parse_dsn (keys host, port, user,
  // password, socket). Unset keys are taken from the primary's connection.
  std::vector<std::map<std::string, std::string>> named;
};

// The replicas to watch. Connects to each to learn its server_id, leaving out
// the primary itself and a replica found twice. Throws Error(kConnect) naming
// a replica that cannot be reached, with how to leave it out.
std::vector<Replica> find_replicas(db::Connection& primary, const db::ConnectionSettings& base,
                                   const DiscoverySettings& settings);

// The connection settings for a replica at `host`:`port`: the primary's
// account and TLS settings, then what `dsn` sets.
db::ConnectionSettings replica_settings(const db::ConnectionSettings& base,
                                        const std::map<std::string, std::string>& dsn);

}  // namespace oa::replication
