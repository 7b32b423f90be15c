// The pieces of --revertible, revert and finalize that need no server.
#include <doctest/doctest.h>

#include "argv.h"
#include "cli/options.h"
#include "cli/revert_options.h"
#include "error.h"
#include "plan/revert_plan.h"
#include "revert/way_back.h"

using namespace oa;
using oa::test::parse;

namespace {

schema::Column column(const std::string& name, const std::string& type = "int") {
  schema::Column c;
  c.name = name;
  c.data_type = type;
  c.column_type = type;
  return c;
}

schema::TableInfo table(const std::string& name, const std::vector<schema::Column>& columns) {
  schema::TableInfo t;
  t.database = "d";
  t.name = name;
  t.engine = "InnoDB";
  t.columns = columns;
  t.indexes.push_back(schema::Index{"PRIMARY", true, false, {"id"}});
  return t;
}

}  // namespace

TEST_CASE("the two capture sets have distinct names and trade places") {
  const plan::MigrationNames n = plan::derive_names("t");
  CHECK(n.other_log == "t_oa_rchg");
  CHECK(n.other_insert_trigger == "t_oa_rins");
  const plan::MigrationNames swapped = plan::with_other_capture_set(n);
  CHECK(swapped.change_log == "t_oa_rchg");
  CHECK(swapped.update_trigger == "t_oa_rupd");
  CHECK(swapped.other_delete_trigger == "t_oa_del");
  CHECK(swapped.shadow == n.shadow);
  CHECK(plan::with_other_capture_set(swapped).insert_trigger == n.insert_trigger);
}

TEST_CASE("durations take a unit, default seconds, and refuse nonsense") {
  CHECK(cli::parse_duration("24h", "revert-window") == doctest::Approx(86400));
  CHECK(cli::parse_duration("90s", "revert-window") == doctest::Approx(90));
  CHECK(cli::parse_duration("30m", "revert-window") == doctest::Approx(1800));
  CHECK(cli::parse_duration("2d", "revert-window") == doctest::Approx(172800));
  CHECK(cli::parse_duration("45", "revert-window") == doctest::Approx(45));
  for (const char* bad : {"", "h", "0", "-1h", "5x", "1hh", "nan"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(cli::parse_duration(bad, "revert-window"), UsageError);
  }
  CHECK(revert::duration_text(86400) == "24h");
  CHECK(revert::duration_text(90) == "90s");
}

TEST_CASE("a revert maps the columns back, leaves out the new ones and keeps the old ones") {
  // The swap renamed b to b2, added n and dropped gone.
  const auto current = table("t", {column("id"), column("a"), column("b2"), column("n")});
  const auto kept = table("_t_old", {column("id"), column("a"), column("b"), column("gone")});
  const plan::ColumnPairs pairs = {{"id", "id"}, {"a", "a"}, {"b", "b2"}};
  const plan::MigrationPlan p = plan::revert_plan(current, kept, pairs, true);
  CHECK(p.mapping->source == std::vector<std::string>{"id", "a", "b2"});
  CHECK(p.mapping->target == std::vector<std::string>{"id", "a", "b"});
  CHECK(p.mapping->dropped == std::vector<std::string>{"n"});
  CHECK(p.mapping->added == std::vector<std::string>{"gone"});
  CHECK(p.names.shadow == "_t_old");
  CHECK(p.names.change_log == "t_oa_rchg");
  CHECK_FALSE(p.drop_old_table);
  // Mapping back what the revert mapped gives the first pairs again.
  const plan::ColumnPairs back = plan::carried_columns(p);
  CHECK(back == plan::ColumnPairs{{"id", "id"}, {"a", "a"}, {"b2", "b"}});
  CHECK(plan::revert_plan(current, kept, pairs, false).names.change_log == "t_oa_chg");
}

TEST_CASE("the way back's capture set goes on the shadow and logs the shadow's key") {
  const auto current = table("t", {column("id"), column("a")});
  const auto kept = table("_t_old", {column("id"), column("a")});
  plan::MigrationPlan p = plan::revert_plan(current, kept, {{"id", "id"}, {"a", "a"}}, false);
  p.names.shadow = "t_oa_new";
  const plan::MigrationPlan next = plan::way_back_capture(p);
  CHECK(next.table == "t_oa_new");
  CHECK(next.names.insert_trigger == "t_oa_rins");
  CHECK(next.names.change_log == "t_oa_rchg");
  CHECK(next.row_key->source_columns == std::vector<std::string>{"id"});
  const oa::sql::TriggerSpec spec = plan::trigger_spec(next);
  CHECK(spec.table == "t_oa_new");
  CHECK(spec.change_log == "t_oa_rchg");
}

TEST_CASE("revert and finalize parse as subcommands; the window needs --revertible") {
  unsetenv("MYSQL_PWD");
  const auto r = parse({"revert", "-D", "d", "-t", "t", "--revert-window", "2h", "--dry-run"});
  CHECK(r.options.command == cli::Command::kRevert);
  CHECK(r.options.mode == cli::Mode::kDryRun);
  CHECK(r.options.revert_window == doctest::Approx(7200));
  const auto f = parse({"finalize", "-D", "d", "-t", "t"});
  CHECK(f.options.command == cli::Command::kFinalize);
  CHECK(f.options.mode == cli::Mode::kExecute);
  CHECK_THROWS_AS(parse({"finalize", "-D", "d", "-t", "t", "--revert-window", "1h"}), UsageError);
  const auto m = parse({"-D", "d", "-t", "t", "--alter", "x", "--revertible"});
  CHECK(m.options.revertible);
  CHECK(m.options.revert_window == doctest::Approx(86400));
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--revert-window", "1h"}),
                  UsageError);
  CHECK_THROWS_AS(
      parse({"-D", "d", "-t", "t", "--alter", "x", "--revertible", "--no-drop-old-table"}),
      UsageError);
}
