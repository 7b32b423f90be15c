#include "phases/cleanup_stack.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

using oa::phases::CleanupStack;

TEST_CASE("cleanup runs newest first") {
  std::vector<std::string> order;
  CleanupStack stack;
  stack.push("shadow", [&] { order.push_back("shadow"); });
  stack.push("triggers", [&] { order.push_back("triggers"); });
  CHECK(stack.unwind().empty());
  CHECK(order == std::vector<std::string>{"triggers", "shadow"});
  CHECK(stack.empty());
}

TEST_CASE("a failed removal keeps everything older, so triggers never lose their tables") {
  std::vector<std::string> order;
  CleanupStack stack;
  stack.push("shadow", [&] { order.push_back("shadow"); });
  stack.push("log", [&] { order.push_back("log"); });
  stack.push("triggers", [] { throw std::runtime_error("lock wait timeout"); });
  const auto left = stack.unwind();
  CHECK(order.empty());
  REQUIRE(left.size() == 3);
  CHECK(left[0].find("triggers (lock wait timeout)") == 0);
  CHECK(left[1].find("log") == 0);
  CHECK(left[2].find("shadow") == 0);
}

TEST_CASE("released objects are not removed") {
  bool ran = false;
  CleanupStack stack;
  stack.push("shadow", [&] { ran = true; });
  stack.release();
  CHECK(stack.unwind().empty());
  CHECK_FALSE(ran);
}
