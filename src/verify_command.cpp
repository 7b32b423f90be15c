#include "verify_command.h"

#include <chrono>

#include "db/connection.h"
#include "error.h"
#include "log.h"
#include "phases/chunk_comparer.h"
#include "phases/chunker.h"
#include "plan/key_choice.h"
#include "plan/migration_plan.h"
#include "schema/table_inspector.h"
#include "sql/quote.h"

namespace oa {
namespace {

using Clock = std::chrono::steady_clock;

schema::TableInfo inspect_table(schema::TableInspector& inspector, const std::string& db,
                                const std::string& table) {
  const auto type = inspector.table_type(db, table);
  if (!type) {
    throw RefusedError("table " + sql::qualified_name(db, table) +
                       " does not exist; check --database, --table and --against");
  }
  if (*type != "BASE TABLE") {
    throw RefusedError(sql::qualified_name(db, table) + " is a " + *type +
                       ", not a table; only tables can be compared");
  }
  return inspector.inspect(db, table);
}

// The columns compared: --columns, each of which both tables must have, or
// every column they share, generated ones left out.
std::vector<std::string> compared_columns(const cli::Options& o, const schema::TableInfo& table,
                                          const schema::TableInfo& other) {
  std::vector<std::string> names;
  if (!o.columns.empty()) {
    for (const std::string& name : o.columns) {
      const schema::Column* mine = table.column(name);
      const schema::Column* theirs = other.column(name);
      if (mine == nullptr || theirs == nullptr) {
        throw UsageError("--columns names " + sql::quote_identifier(name) + ", which " +
                         sql::quote_identifier(mine == nullptr ? table.name : other.name) +
                         " does not have");
      }
      names.push_back(mine->name);
    }
    return names;
  }
  for (const schema::Column& c : table.columns) {
    const schema::Column* theirs = other.column(c.name);
    if (theirs != nullptr && !c.generated && !theirs->generated) names.push_back(c.name);
  }
  if (names.empty()) {
    throw RefusedError(sql::quote_identifier(table.name) + " and " +
                       sql::quote_identifier(other.name) + " have no column in common");
  }
  return names;
}

phases::ComparedTables compared_tables(const cli::Options& o, const schema::TableInfo& table,
                                       const schema::TableInfo& other) {
  const auto chunk_key = plan::choose_chunk_key(table);
  if (!chunk_key) {
    throw RefusedError(sql::quote_identifier(table.name) +
                       " has no PRIMARY KEY or NOT NULL unique key to walk along; name as "
                       "--table a table that has one");
  }
  plan::ColumnMapping same_names;
  for (const std::string& name : chunk_key->columns) {
    if (other.column(name) == nullptr) {
      throw RefusedError(sql::quote_identifier(other.name) + " lacks the key column " +
                         sql::quote_identifier(name) + " of " + sql::quote_identifier(table.name));
    }
    same_names.source.push_back(name);
    same_names.target.push_back(other.column(name)->name);
  }
  const auto other_key = plan::choose_row_key(other, same_names, *chunk_key);
  if (!other_key) {
    throw RefusedError(sql::quote_identifier(other.name) + " has no index that starts with " +
                       sql::quoted_list(chunk_key->columns) + " (the key of " +
                       sql::quote_identifier(table.name) +
                       "); reading it range by range would scan it once per range");
  }
  phases::ComparedTables t;
  t.db = o.connection.database;
  t.source = sql::VerifiedSide{table.name, chunk_key->index, chunk_key->columns, {}, {}};
  t.target = sql::VerifiedSide{other.name, other_key->index, other_key->target_columns, {}, {}};
  // A key the other table collates otherwise is compared as this table's.
  const sql::KeyCollations collations = plan::key_collations(table, other, *other_key);
  if (sql::any_collation_change(collations)) {
    t.target.key_forms = sql::keys_as_original(other_key->target_columns, collations);
  }
  for (const std::string& name : compared_columns(o, table, other)) {
    const sql::ComparedColumn c =
        sql::compare_as(plan::column_type(table, name), plan::column_type(other, name));
    t.source.expressions.push_back(c.source);
    t.target.expressions.push_back(c.target);
  }
  t.binary = chunk_key->binary;
  return t;
}

}  // namespace

void run_verify(const cli::Options& o) {
  const auto started = Clock::now();
  const std::string& db = o.connection.database;
  auto connection = db::Connection::open(o.connection);
  log::info("connected to " + o.connection.describe());
  schema::TableInspector inspector(*connection);
  if (!inspector.database_exists(db)) {
    throw RefusedError("database " + sql::quote_identifier(db) + " does not exist");
  }
  const schema::TableInfo table = inspect_table(inspector, db, o.table);
  const schema::TableInfo other = inspect_table(inspector, db, o.against);
  const phases::ChunkComparer comparer(compared_tables(o, table, other));
  const auto& key = comparer.tables().source.key;
  phases::Chunker chunker(*connection,
                          sql::ChunkTable{db, table.name, comparer.tables().source.index, key},
                          comparer.tables().binary);
  const std::string mine = sql::quote_identifier(table.name);
  const std::string theirs = sql::quote_identifier(other.name);
  std::uint64_t ranges = 0, rows = 0, differing = 0;
  phases::for_each_range(
      chunker, o.chunk_size,
      [&](const std::optional<phases::Key>& lower, const std::optional<phases::Key>& upper) {
        const phases::RangeComparison r = comparer.compare(*connection, lower, upper);
        ++ranges;
        rows += r.source.rows();
        if (!r.equal()) {
          ++differing;
          log::write_stdout(
              "differs: " +
              phases::describe_difference(r, phases::range_text(key, lower, upper), mine, theirs) +
              "\n");
        }
        log::event(log::Level::kDebug, "verify_progress", "",
                   {{"ranges", ranges}, {"rows", rows}, {"differing", differing}});
      });
  const std::string seconds =
      log::seconds_text(std::chrono::duration<double>(Clock::now() - started).count());
  log::write_stdout((differing == 0 ? "equal: " : "different: ") +
                    sql::qualified_name(db, table.name) + " and " + theirs + ": " +
                    std::to_string(ranges) + " key ranges, " + std::to_string(rows) + " rows of " +
                    mine + " compared in " + seconds + ", " + std::to_string(differing) +
                    " ranges differ\n");
  if (differing > 0) {
    throw Error(ExitCode::kVerificationFailed,
                std::to_string(differing) + " key ranges of " + mine + " and " + theirs +
                    " differ; the lines starting with \"differs:\" name them and their keys");
  }
}

}  // namespace oa
