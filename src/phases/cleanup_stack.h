// Undo actions for the server objects the tool creates. An object's removal is
// registered the moment it exists, so every failure path can remove it.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace oa::phases {

class CleanupStack {
 public:
  CleanupStack() = default;
  CleanupStack(const CleanupStack&) = delete;
  CleanupStack& operator=(const CleanupStack&) = delete;

  // Registers how to remove one object; `what` names it for messages.
  void push(std::string what, std::function<void()> undo);

  // Forgets every registered action: the objects now belong to the result.
  void release();

  // Runs the actions newest first. Stops at the first failure and keeps every
  // older object too (a trigger left in place must still find its tables).
  // Returns the objects left on the server, with the reason.
  std::vector<std::string> unwind();

  bool empty() const { return actions_.empty(); }

 private:
  struct Action {
    std::string what;
    std::function<void()> undo;
  };
  std::vector<Action> actions_;
};

}  // namespace oa::phases
