#include "phases/foreign_keys.h"

#include <algorithm>

#include "db/db_error.h"
#include "log.h"
#include "schema/table_inspector.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

// ALTER TABLE ... ADD FOREIGN KEY runs in place, as a change of metadata
// only, when foreign_key_checks is off; with checks on, the server would
// copy the table (and check every row) under the cut-over's lock.
class ForeignKeyChecksOff {
 public:
  explicit ForeignKeyChecksOff(db::Connection& c) : c_(c) {
    c_.execute("SET SESSION foreign_key_checks = 0");
  }
  ~ForeignKeyChecksOff() {
    try {
      c_.execute("SET SESSION foreign_key_checks = 1");
    } catch (const std::exception&) {
      // The session is then broken, and a new one starts with checks on.
    }
  }
  ForeignKeyChecksOff(const ForeignKeyChecksOff&) = delete;
  ForeignKeyChecksOff& operator=(const ForeignKeyChecksOff&) = delete;

 private:
  db::Connection& c_;
};

std::vector<std::string> clauses(const std::vector<sql::ForeignKey>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys) out.push_back(sql::constraint_clause(k));
  return out;
}

std::vector<std::string> names(const std::vector<sql::ForeignKey>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys) out.push_back(k.name);
  return out;
}

bool has_key(const std::vector<sql::ForeignKey>& keys, const std::string& name) {
  return std::any_of(keys.begin(), keys.end(),
                     [&](const sql::ForeignKey& k) { return k.name == name; });
}

}  // namespace

void move_foreign_keys_to_shadow(db::Connection& c, const plan::MigrationPlan& plan) {
  if (plan.foreign_keys.empty() && plan.child_foreign_keys.empty()) return;
  ForeignKeyChecksOff off(c);
  const std::string& db = plan.database;
  if (!plan.foreign_keys.empty()) {
    // Dropped from T first: constraint names are unique in a schema, and the
    // old table must not keep restricting the parent's deletes with its
    // stale rows.
    c.execute(sql::drop_foreign_keys(db, plan.table, names(plan.foreign_keys)));
    c.execute(sql::add_foreign_keys(db, plan.names.shadow, clauses(plan.shadow_foreign_keys)));
  }
  for (const auto& key : plan.child_foreign_keys) {
    c.execute(sql::repoint_foreign_key(key, db, plan.names.shadow));
  }
}

std::vector<std::string> return_foreign_keys(db::Connection& c, const plan::MigrationPlan& plan,
                                             const std::vector<sql::ForeignKey>& own) {
  const std::string& db = plan.database;
  schema::TableInspector inspector(c);
  std::vector<std::string> done;
  ForeignKeyChecksOff off(c);
  for (const auto& key : inspector.foreign_keys_referencing(db, plan.names.shadow)) {
    if (key.table == plan.names.shadow && key.database == db) continue;
    c.execute(sql::repoint_foreign_key(key, db, plan.table));
    done.push_back("pointed the foreign key " + sql::quote_identifier(key.name) + " of " +
                   sql::qualified_name(key.database, key.table) + " back at " +
                   sql::qualified_name(db, plan.table) + " as " +
                   sql::quote_identifier(sql::toggled_name(key.name)));
  }
  if (own.empty()) return done;
  if (inspector.table_type(db, plan.names.shadow)) {
    std::vector<std::string> on_shadow;
    for (const auto& key : inspector.foreign_keys_of(db, plan.names.shadow)) {
      if (has_key(own, key.name)) on_shadow.push_back(key.name);
    }
    if (!on_shadow.empty()) c.execute(sql::drop_foreign_keys(db, plan.names.shadow, on_shadow));
  }
  const auto present = inspector.foreign_keys_of(db, plan.table);
  std::vector<sql::ForeignKey> missing;
  for (const auto& key : own) {
    if (!has_key(present, key.name)) missing.push_back(key);
  }
  if (!missing.empty()) {
    c.execute(sql::add_foreign_keys(db, plan.table, clauses(missing)));
    done.push_back("gave " + sql::qualified_name(db, plan.table) + " back its foreign keys " +
                   sql::quoted_list(names(missing)));
  }
  return done;
}

std::vector<std::string> check_child_constraints(db::Connection& c,
                                                 const plan::MigrationPlan& plan) {
  std::vector<std::string> with_orphans;
  for (auto key : plan.child_foreign_keys) {
    key.name = sql::toggled_name(key.name);
    key.referenced_table = plan.table;
    const std::uint64_t orphans = c.query_number(sql::count_orphans(key));
    const std::string what = "foreign key " + sql::quote_identifier(key.name) + " of " +
                             sql::qualified_name(key.database, key.table);
    if (orphans == 0) {
      log::info(what + " now references " + sql::qualified_name(plan.database, plan.table) +
                "; every row has its parent");
    } else {
      log::warning(what + ": " + std::to_string(orphans) + " rows reference no row of " +
                   sql::qualified_name(plan.database, plan.table));
      with_orphans.push_back(what);
    }
  }
  return with_orphans;
}

}  // namespace oa::phases
