// What SHOW SLAVE STATUS (or SHOW REPLICA STATUS) says about one replica, in
// the terms the throttle needs. MariaDB and MySQL before 8.0.22 name the
// columns Slave_* and *_Master, later MySQL Replica_* and *_Source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"

namespace oa::replication {

struct ReplicaStatus {
  // Why the replica is not replicating, or "" when both threads run.
  std::string stopped;
  // Seconds_Behind_Master; nullopt when the server does not know (NULL).
  std::optional<double> seconds_behind;
};

// Reads the status rows of one replica: empty means it replicates from
// nothing. With multi-source replication every connection must run; the
// largest delay counts.
ReplicaStatus replica_status(const std::vector<db::NamedRow>& rows);

}  // namespace oa::replication
