#include "replication/replica_set.h"

#include <set>

#include "db/db_error.h"
#include "error.h"
#include "log.h"

namespace oa::replication {
namespace {

constexpr int kErrAccessDenied = 1227;
constexpr int kErrParse = 1064;

std::string name_of(const db::ConnectionSettings& s) {
  return s.socket.empty() ? s.host + ":" + std::to_string(s.port) : s.socket;
}

// Replicas that register with report_host: SHOW SLAVE HOSTS gives their
// address as they report it. One without report_host shows an empty host.
std::vector<Replica> from_slave_hosts(db::Connection& primary, const db::ConnectionSettings& base) {
  std::vector<Replica> found;
  std::vector<db::NamedRow> rows;
  try {
    try {
      rows = primary.query_named("SHOW SLAVE HOSTS");
    } catch (const db::DbError& e) {
      // MySQL 8.4 knows only the newer name.
      if (e.server_code() != kErrParse) throw;
      rows = primary.query_named("SHOW REPLICAS");
    }
  } catch (const db::DbError& e) {
    if (e.server_code() != kErrAccessDenied) throw;
    // An account without REPLICATION MASTER ADMIN cannot list replicas; most
    // servers have none, so the run goes on, but it says so.
    log::warning(std::string("cannot look for replicas with SHOW SLAVE HOSTS: ") + e.what() +
                 ". Name them with --replica, or say --recursion-method none when there are none");
    return found;
  }
  for (const auto& row : rows) {
    const auto host = row.count("Host") ? row.at("Host") : std::nullopt;
    const auto port = row.count("Port") ? row.at("Port") : std::nullopt;
    const auto id = row.count("Server_id")   ? row.at("Server_id")
                    : row.count("Server_Id") ? row.at("Server_Id")
                                             : std::nullopt;
    if (!host || host->empty() || !port) {
      log::warning("a replica (server_id " + id.value_or("?") +
                   ") does not report its address (report_host); name it with --replica");
      continue;
    }
    found.push_back(
        {"", "SHOW SLAVE HOSTS", replica_settings(base, {{"host", *host}, {"port", *port}})});
  }
  return found;
}

// Replicas seen as binlog dump threads: the processlist gives the host but
// not the port the replica listens on, so the primary's port is assumed, as
// on hosts that all use the default port.
std::vector<Replica> from_processlist(db::Connection& primary, const db::ConnectionSettings& base) {
  std::vector<Replica> found;
  for (const auto& row : primary.query("SELECT HOST FROM information_schema.PROCESSLIST "
                                       "WHERE COMMAND IN ('Binlog Dump', 'Binlog Dump GTID')")) {
    if (!row[0]) continue;
    std::string host = *row[0];
    if (auto colon = host.rfind(':'); colon != std::string::npos) host.erase(colon);
    if (host.empty()) continue;
    found.push_back(
        {"", "the processlist",
         replica_settings(base, {{"host", host}, {"port", std::to_string(base.port)}})});
  }
  return found;
}

std::uint64_t server_id(const Replica& r) {
  try {
    auto c = db::Connection::open(r.settings);
    return c->query_number("SELECT @@server_id");
  } catch (const Error& e) {
    throw Error(ExitCode::kConnect,
                "cannot reach replica " + r.name + " (found by " + r.found_by + "): " + e.what() +
                    ". The copy must not run blind to a replica's lag: fix its address with "
                    "--replica h=HOST,P=PORT, or leave discovery out with --recursion-method none");
  }
}

}  // namespace

db::ConnectionSettings replica_settings(const db::ConnectionSettings& base,
                                        const std::map<std::string, std::string>& dsn) {
  db::ConnectionSettings s = base;
  s.database.clear();
  // A replica is another server: the primary's socket does not lead there.
  s.socket.clear();
  for (const auto& [key, value] : dsn) {
    if (key == "host") {
      s.host = value;
    } else if (key == "port") {
      try {
        s.port = static_cast<unsigned>(std::stoul(value));
      } catch (const std::exception&) {
        throw UsageError("--replica: P=" + value + " is not a port number");
      }
    } else if (key == "user") {
      s.user = value;
    } else if (key == "password") {
      s.password = value;
    } else if (key == "socket") {
      s.socket = value;
    } else {
      throw UsageError("--replica takes h=, P=, u=, p= and S=; not the " + key + " part");
    }
  }
  return s;
}

std::vector<Replica> find_replicas(db::Connection& primary, const db::ConnectionSettings& base,
                                   const DiscoverySettings& settings) {
  std::vector<Replica> candidates;
  for (const auto& dsn : settings.named) {
    candidates.push_back({"", "--replica", replica_settings(base, dsn)});
  }
  for (const auto& method : settings.methods) {
    auto found =
        method == "hosts" ? from_slave_hosts(primary, base) : from_processlist(primary, base);
    if (found.empty()) continue;
    candidates.insert(candidates.end(), found.begin(), found.end());
    break;
  }
  const std::uint64_t primary_id = primary.query_number("SELECT @@server_id");
  std::set<std::uint64_t> seen{primary_id};
  std::vector<Replica> replicas;
  for (auto& r : candidates) {
    r.name = name_of(r.settings);
    const std::uint64_t id = server_id(r);
    if (id == primary_id) {
      // The processlist gives no port: on hosts that run several servers
      // the guess can lead back to the primary.
      log::warning(r.name + " (found by " + r.found_by +
                   ") is the primary itself, not a replica; name the replica with "
                   "--replica h=HOST,P=PORT");
      continue;
    }
    if (!seen.insert(id).second) {
      log::debug("replica " + r.name + " (" + r.found_by + ") is listed already");
      continue;
    }
    replicas.push_back(std::move(r));
  }
  return replicas;
}

}  // namespace oa::replication
