#include "phases/checkpoint.h"

#include <cctype>

#include "db/lock_retry.h"
#include "error.h"
#include "log.h"
#include "phases/table_removal.h"
#include "sql/checkpoint_sql.h"
#include "sql/ddl.h"
#include "sql/queries.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

constexpr std::size_t kLengthBytes = 8;

const char* stage_name(Stage stage) {
  switch (stage) {
    case Stage::kPreparing:
      return "preparing";
    case Stage::kCopying:
      return "copying";
    case Stage::kCopied:
      return "copied";
    case Stage::kRevertible:
      return "revertible";
  }
  return "preparing";
}

Stage parse_stage(const std::string& name) {
  if (name == "preparing") return Stage::kPreparing;
  if (name == "copying") return Stage::kCopying;
  if (name == "copied") return Stage::kCopied;
  if (name == "revertible") return Stage::kRevertible;
  throw RefusedError("the checkpoint names an unknown stage '" + name +
                     "'; it was not written by this version of online-alter");
}

std::optional<Key> decode_key(const db::Value& v) {
  if (!v) return std::nullopt;
  return decode_strings(*v);
}

db::Param blob(std::string bytes) { return db::Param{std::move(bytes), true}; }

[[noreturn]] void throw_damaged() {
  throw RefusedError(
      "the checkpoint is damaged (a stored key or index list is cut short); remove what the run "
      "left with `online-alter cleanup` and start again");
}

}  // namespace

std::string encode_foreign_keys(const std::vector<sql::ForeignKey>& keys) {
  std::vector<std::string> items;
  for (const auto& k : keys) {
    items.push_back(encode_strings(
        {k.name, k.database, k.table, k.referenced_database, k.referenced_table, k.update_rule,
         k.delete_rule, encode_strings(k.columns), encode_strings(k.referenced_columns)}));
  }
  return encode_strings(items);
}

std::vector<sql::ForeignKey> decode_foreign_keys(std::string_view bytes) {
  std::vector<sql::ForeignKey> keys;
  for (const auto& item : decode_strings(bytes)) {
    const auto f = decode_strings(item);
    if (f.size() != 9) throw_damaged();
    keys.push_back(sql::ForeignKey{f[0], f[1], f[2], decode_strings(f[7]), f[3], f[4],
                                   decode_strings(f[8]), f[5], f[6]});
  }
  return keys;
}

std::string encode_triggers(const std::vector<schema::Trigger>& triggers) {
  std::vector<std::string> items;
  for (const auto& t : triggers) {
    items.push_back(encode_strings({t.name, t.event, t.timing, t.body, t.definer, t.sql_mode}));
  }
  return encode_strings(items);
}

std::vector<schema::Trigger> decode_triggers(std::string_view bytes) {
  std::vector<schema::Trigger> triggers;
  for (const auto& item : decode_strings(bytes)) {
    const auto f = decode_strings(item);
    if (f.size() != 6) throw_damaged();
    triggers.push_back(schema::Trigger{f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return triggers;
}

std::string encode_strings(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    std::uint64_t n = item.size();
    for (std::size_t i = 0; i < kLengthBytes; ++i) out.push_back(static_cast<char>(n >> (8 * i)));
    out += item;
  }
  return out;
}

std::vector<std::string> decode_strings(std::string_view bytes) {
  std::vector<std::string> items;
  while (!bytes.empty()) {
    if (bytes.size() < kLengthBytes) throw_damaged();
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < kLengthBytes; ++i) {
      n |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
    }
    bytes.remove_prefix(kLengthBytes);
    if (n > bytes.size()) throw_damaged();
    items.emplace_back(bytes.substr(0, n));
    bytes.remove_prefix(n);
  }
  return items;
}

std::string plan_summary(const plan::MigrationPlan& plan) {
  const auto& n = plan.names;
  std::string out = "names: " +
                    sql::quoted_list({n.shadow, n.change_log, n.checkpoint, n.insert_trigger,
                                      n.update_trigger, n.delete_trigger}) +
                    "\nchunk key: " + sql::quoted_list(plan.chunk_key.columns) + "\ncolumns:";
  const auto& m = *plan.mapping;
  for (std::size_t i = 0; i < m.source.size(); ++i) {
    out +=
        "\n  " + sql::quote_identifier(m.source[i]) + " -> " + sql::quote_identifier(m.target[i]);
  }
  out += "\nshadow row key: " + sql::quoted_list(plan.row_key->target_columns) + "\n";
  return out;
}

std::string without_auto_increment(std::string definition) {
  const std::string counter = " AUTO_INCREMENT=";
  for (auto at = definition.find(counter); at != std::string::npos; at = definition.find(counter)) {
    auto end = at + counter.size();
    while (end < definition.size() && std::isdigit(static_cast<unsigned char>(definition[end]))) {
      ++end;
    }
    definition.erase(at, end - at);
  }
  return definition;
}

std::string table_definition(db::Connection& c, const std::string& db, const std::string& table) {
  // SHOW CREATE TABLE writes as the session's sql_mode says (ANSI_QUOTES
  // quotes names with "), and the sessions of a run have different modes: it
  // is read in one mode, always, so that definitions compare.
  const db::Value mode = c.query_value("SELECT @@SESSION.sql_mode");
  c.execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
  std::vector<db::Row> rows;
  try {
    rows = c.query(sql::show_create_table(db, table));
  } catch (...) {
    c.update("SET SESSION sql_mode = ?", {db::Param{mode}});
    throw;
  }
  c.update("SET SESSION sql_mode = ?", {db::Param{mode}});
  if (rows.empty() || rows.front().size() < 2 || !rows.front()[1]) return "";
  return without_auto_increment(*rows.front()[1]);
}

Checkpoint::Checkpoint(const plan::MigrationPlan& plan)
    : db_(plan.database), table_(plan.names.checkpoint) {}

void Checkpoint::create(ServerAccess& server, const plan::MigrationPlan& plan,
                        const std::string& original_definition, const std::string& chunk_settings,
                        CleanupStack& cleanup) {
  db::Connection& c = server.main();
  c.execute(sql::create_checkpoint(db_, table_));
  register_removal(server, cleanup);
  c.update(
      sql::insert_checkpoint(db_, table_),
      {db::Param{std::string(ONLINE_ALTER_VERSION)}, db::Param{plan.alter_clauses},
       db::Param{original_definition}, db::Param{plan_summary(plan)}, db::Param{chunk_settings},
       blob(encode_foreign_keys(plan.foreign_keys)), blob(encode_triggers(plan.user_triggers))});
  log::info("created checkpoint table " + sql::qualified_name(db_, table_));
}

void Checkpoint::register_removal(ServerAccess& server, CleanupStack& cleanup) const {
  register_table_removal(server, cleanup, "checkpoint table", db_, table_);
}

void Checkpoint::save_deferred_indexes(db::Connection& c,
                                       const std::vector<sql::IndexDefinition>& indexes) {
  std::vector<std::string> flat;
  for (const auto& i : indexes) {
    flat.push_back(i.name);
    flat.push_back(i.definition);
  }
  c.update(sql::set_deferred_indexes(db_, table_), {blob(encode_strings(flat))});
}

void Checkpoint::set_stage(db::Connection& c, Stage stage) {
  c.update(sql::set_checkpoint_stage(db_, table_), {db::Param{std::string(stage_name(stage))}});
}

void Checkpoint::mark_swap_begun(db::Connection& c,
                                 const std::vector<schema::Trigger>& own_triggers) {
  c.update(sql::mark_swap_begun(db_, table_), {blob(encode_triggers(own_triggers))});
}

void Checkpoint::record_chunk(db::Connection& c, const Key& end, const Key& upper,
                              std::uint64_t rows) {
  c.update(sql::record_chunk(db_, table_), {blob(encode_strings(end)), blob(encode_strings(upper)),
                                            db::Param{std::to_string(rows), false, true}});
}

std::optional<SavedCheckpoint> Checkpoint::read(db::Connection& c) const {
  const auto rows = c.query(sql::read_checkpoint(db_, table_));
  if (rows.empty()) return std::nullopt;
  const db::Row& r = rows.front();
  SavedCheckpoint s;
  s.tool_version = r[0].value_or("");
  s.alter_text = r[1].value_or("");
  s.original_definition = r[2].value_or("");
  s.plan_summary = r[3].value_or("");
  if (r[4]) {
    const auto flat = decode_strings(*r[4]);
    if (flat.size() % 2 != 0) throw_damaged();
    std::vector<sql::IndexDefinition> indexes;
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) indexes.push_back({flat[i], flat[i + 1]});
    s.deferred_indexes = indexes;
  }
  s.stage = parse_stage(r[5].value_or(""));
  s.copy_end = decode_key(r[6]);
  s.copied_up_to = decode_key(r[7]);
  s.rows_copied = r[8] ? std::stoull(*r[8]) : 0;
  s.chunks = r[9] ? std::stoull(*r[9]) : 0;
  s.started_at = r[10].value_or("");
  s.chunk_settings = r[11].value_or("");
  if (r[12]) s.foreign_keys = decode_foreign_keys(*r[12]);
  if (r[13]) s.own_triggers = decode_triggers(*r[13]);
  s.swap_begun = r[14].value_or("0") != "0";
  return s;
}

}  // namespace oa::phases
