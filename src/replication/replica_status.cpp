#include "replication/replica_status.h"

namespace oa::replication {
namespace {

// The value of the first of `names` the row has.
db::Value column(const db::NamedRow& row, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto it = row.find(name); it != row.end()) return it->second;
  }
  return std::nullopt;
}

std::string text_of(const db::Value& v) { return v ? *v : ""; }

// Why this connection does not replicate, or "".
std::string stop_reason(const db::NamedRow& row) {
  const std::string sql_running =
      text_of(column(row, {"Slave_SQL_Running", "Replica_SQL_Running"}));
  const std::string io_running = text_of(column(row, {"Slave_IO_Running", "Replica_IO_Running"}));
  const std::string name = text_of(column(row, {"Connection_name", "Channel_Name"}));
  const std::string which = name.empty() ? "" : " (connection '" + name + "')";
  if (sql_running != "Yes") {
    const std::string error = text_of(column(row, {"Last_SQL_Error"}));
    return "its SQL thread is stopped" + which + (error.empty() ? "" : ": " + error);
  }
  // "Connecting" is a stopped IO thread too: no events arrive meanwhile.
  if (io_running != "Yes") {
    const std::string error = text_of(column(row, {"Last_IO_Error"}));
    return std::string("its IO thread is ") +
           (io_running == "Connecting" ? "reconnecting" : "stopped") + which +
           (error.empty() ? "" : ": " + error);
  }
  return "";
}

}  // namespace

ReplicaStatus replica_status(const std::vector<db::NamedRow>& rows) {
  ReplicaStatus status;
  if (rows.empty()) {
    status.stopped = "it replicates from no primary (SHOW SLAVE STATUS is empty)";
    return status;
  }
  for (const auto& row : rows) {
    if (status.stopped.empty()) status.stopped = stop_reason(row);
    const db::Value behind = column(row, {"Seconds_Behind_Master", "Seconds_Behind_Source"});
    if (!behind) continue;
    try {
      const double seconds = std::stod(*behind);
      if (!status.seconds_behind || seconds > *status.seconds_behind) {
        status.seconds_behind = seconds;
      }
    } catch (const std::exception&) {
      // Not a number: unknown, as NULL is.
    }
  }
  return status;
}

}  // namespace oa::replication
