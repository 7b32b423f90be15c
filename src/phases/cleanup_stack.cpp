#include "phases/cleanup_stack.h"

#include <exception>

#include "log.h"

namespace oa::phases {

void CleanupStack::push(std::string what, std::function<void()> undo) {
  actions_.push_back(Action{std::move(what), std::move(undo)});
}

void CleanupStack::release() { actions_.clear(); }

std::vector<std::string> CleanupStack::unwind() {
  std::vector<std::string> failed;
  while (!actions_.empty()) {
    Action action = std::move(actions_.back());
    actions_.pop_back();
    try {
      action.undo();
      log::info("removed " + action.what);
    } catch (const std::exception& e) {
      failed.push_back(action.what + " (" + e.what() + ")");
      log::error("could not remove " + action.what + ": " + e.what());
      // What was created earlier is kept: triggers that outlive the tables
      // they write into would fail every write of the application.
      while (!actions_.empty()) {
        failed.push_back(actions_.back().what + " (kept: the objects above still use it)");
        actions_.pop_back();
      }
    }
  }
  return failed;
}

}  // namespace oa::phases
