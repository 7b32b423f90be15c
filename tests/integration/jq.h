// jq from the system: an independent parser for what the tool writes as JSON.
#pragma once

#include <string>

namespace oa::test {

// Runs jq -r `filter` over `text` and returns its output; fails the test
// (CHECK) when jq rejects the input or the filter.
std::string jq(const std::string& filter, const std::string& text);

}  // namespace oa::test
