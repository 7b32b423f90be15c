// Phase 2b: the checkpoint, one row in the table T_oa_chk that says how far
// the run got: the plan it follows, the indexes it deferred, the stage, and
// the key the copy has reached (written in each chunk's own transaction, so it
// is never ahead of or behind the shadow). --resume continues from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.h"
#include "phases/chunker.h"
#include "phases/cleanup_stack.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"
#include "schema/table_info.h"
#include "sql/index_definitions.h"

namespace oa::phases {

// Where the run stood. kPreparing: the shadow exists, the triggers may not
// all exist yet and nothing is copied. kCopying: every trigger exists; the
// copy has reached copied_up_to. kCopied: the copy is complete. kRevertible:
// swapped, with a revert window open (revert/revert_window.h).
enum class Stage { kPreparing, kCopying, kCopied, kRevertible };

struct SavedCheckpoint {
  std::string tool_version;
  std::string alter_text;
  std::string original_definition;
  std::string plan_summary;
  std::optional<std::vector<sql::IndexDefinition>> deferred_indexes;  // nullopt: not yet chosen
  Stage stage = Stage::kPreparing;
  std::optional<Key> copy_end;      // the largest key the copy copies
  std::optional<Key> copied_up_to;  // nullopt: no chunk yet
  std::uint64_t rows_copied = 0;
  std::uint64_t chunks = 0;
  std::string started_at;
  std::string chunk_settings;  // the options the copy ran with, for the record
  // T's own foreign keys: the swap moves them, so a stopped swap may have to
  // give them back.
  std::vector<sql::ForeignKey> foreign_keys;
  // T's own triggers as the run began, in the order they fire; once a swap
  // (a migration's or a revert's) has begun, as it began. The swap drops them
  // from T, and a run stopped in between must create them again.
  std::vector<schema::Trigger> own_triggers;
  bool swap_begun = false;  // the triggers may have been dropped from T
};

// Length-prefixed, so any bytes survive: for keys and index definitions.
std::string encode_strings(const std::vector<std::string>& items);
// Throws Error(kRefused) when `bytes` is not what encode_strings wrote.
std::vector<std::string> decode_strings(std::string_view bytes);

// The same for foreign keys. decode throws Error(kRefused) on damaged bytes.
std::string encode_foreign_keys(const std::vector<sql::ForeignKey>& keys);
std::vector<sql::ForeignKey> decode_foreign_keys(std::string_view bytes);

// The same for triggers.
std::string encode_triggers(const std::vector<schema::Trigger>& triggers);
std::vector<schema::Trigger> decode_triggers(std::string_view bytes);

// What a resumed run must find unchanged: the chunk key, and for every copied
// column its name in both tables.
std::string plan_summary(const plan::MigrationPlan& plan);

// SHOW CREATE TABLE without its AUTO_INCREMENT counter, which moves with
// every insert: the original must be the table the run began on. Read under
// one sql_mode whatever the session's (which is put back).
std::string table_definition(db::Connection& c, const std::string& db, const std::string& table);
// The same for a SHOW CREATE TABLE text.
std::string without_auto_increment(std::string definition);

class Checkpoint {
 public:
  explicit Checkpoint(const plan::MigrationPlan& plan);

  // Creates the table and its row, and registers its removal.
  // `chunk_settings`: the copy's options, kept for whoever reads the table.
  void create(ServerAccess& server, const plan::MigrationPlan& plan,
              const std::string& original_definition, const std::string& chunk_settings,
              CleanupStack& cleanup);
  // Registers the removal of an existing checkpoint table (a resumed run).
  void register_removal(ServerAccess& server, CleanupStack& cleanup) const;

  void save_deferred_indexes(db::Connection& c, const std::vector<sql::IndexDefinition>& indexes);
  void set_stage(db::Connection& c, Stage stage);
  // Before the swap's first lock, with T's own triggers (see sql::mark_swap_begun).
  void mark_swap_begun(db::Connection& c, const std::vector<schema::Trigger>& own_triggers);
  // In the transaction that copied the chunk (lower, upper].
  void record_chunk(db::Connection& c, const Key& end, const Key& upper, std::uint64_t rows);

  // nullopt when there is no checkpoint row.
  std::optional<SavedCheckpoint> read(db::Connection& c) const;

 private:
  std::string db_;
  std::string table_;
};

}  // namespace oa::phases
