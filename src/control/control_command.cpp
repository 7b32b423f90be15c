#include "control/control_command.h"

#include <cstdlib>

#include "error.h"
#include "interrupt.h"
#include "status/json.h"

namespace oa::control {
namespace {

constexpr const char* kHelp =
    "commands: status, pause, resume, chunk-time=SECONDS, max-load=VAR=N[,VAR=N], cutover, "
    "abort, help";

std::string ok(const std::string& message) {
  status::JsonObject reply;
  return reply.add("ok", true).add("message", message).text();
}

std::string failed(const std::string& error) {
  status::JsonObject reply;
  return reply.add("ok", false).add("error", error).text();
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string set_chunk_time(const std::string& value, RunControls& controls) {
  char* end = nullptr;
  const double seconds = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !(seconds > 0) || seconds > 3600) {
    return failed("chunk-time takes seconds above 0 (at most 3600), not \"" + value + "\"");
  }
  controls.set_chunk_time(seconds);
  return ok("chunk time set to " + value + " s from the next chunk on");
}

std::string set_max_load(const std::string& value, RunControls& controls) {
  try {
    controls.set_max_load(cli::parse_load_limits(value, "max-load"));
  } catch (const Error& e) {
    return failed(e.what());
  }
  return ok("max-load set to " + (value.empty() ? std::string("none") : value));
}

}  // namespace

std::string handle_command(const std::string& line, RunControls& controls,
                           const status::StatusBoard& board) {
  const std::string command = trimmed(line);
  const auto equals = command.find('=');
  const std::string name = command.substr(0, equals);
  const std::string value = equals == std::string::npos ? "" : command.substr(equals + 1);
  if (command == "status") {
    status::JsonObject reply;
    return reply.add("ok", true).merge(status::to_json(status_fields(board.snapshot()))).text();
  }
  if (command == "pause") {
    controls.pause(true);
    return ok("the copy pauses before its next chunk");
  }
  if (command == "resume") {
    controls.pause(false);
    return ok("the copy goes on, unless another reason holds it");
  }
  if (command == "cutover") {
    controls.release_cutover();
    return ok("the cut-over no longer waits for the postpone file");
  }
  if (command == "abort") {
    interrupt::request_stop();
    return ok("stopping at the next safe point; what this run created is removed");
  }
  if (command == "help") return ok(kHelp);
  if (equals != std::string::npos && name == "chunk-time") return set_chunk_time(value, controls);
  if (equals != std::string::npos && name == "max-load") return set_max_load(value, controls);
  return failed("unknown command \"" + command + "\"; " + kHelp);
}

}  // namespace oa::control
