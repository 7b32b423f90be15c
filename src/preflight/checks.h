// The preflight checks, one per file. Each returns nullopt when the migration
// may go on, or the refusal message: the cause and what the user can do.
// None of them creates or changes anything on the server.
#pragma once

#include <optional>
#include <string>

#include "plan/names.h"
#include "schema/held_privileges.h"
#include "schema/table_info.h"
#include "schema/table_inspector.h"
#include "sql/alter_text.h"

namespace oa::preflight {

using CheckResult = std::optional<std::string>;

CheckResult check_alter_text(const sql::AlterText& alter);
CheckResult check_privileges(const schema::HeldPrivileges& held, const std::string& database);
CheckResult check_table_exists(schema::TableInspector& inspector, const std::string& database,
                               const std::string& table);
CheckResult check_engine(const schema::TableInfo& table);
CheckResult check_chunk_key(const schema::TableInfo& table);
CheckResult check_foreign_keys(const schema::TableInfo& table, bool rebuild_child_constraints);
CheckResult check_not_replica(const schema::ServerRole& role);
// On a Galera node (wsrep_on): TOI, a primary key, no own triggers or foreign keys.
CheckResult check_galera(const schema::ServerRole& role, const schema::TableInfo& table);
// --execute on a Galera node: refused for now (see galera_check.cpp).
CheckResult check_galera_execute(const schema::ServerRole& role);
CheckResult check_names_free(schema::TableInspector& inspector, const schema::TableInfo& table,
                             const plan::MigrationNames& names);

}  // namespace oa::preflight
