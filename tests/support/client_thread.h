// A thread that talks to the server through Connector/C++.
#pragma once

#include <functional>
#include <thread>

namespace oa::test {

// Starts `body` on a new thread, between the per-thread initialisation and
// clean-up that Connector/C++ (libmysqlclient) needs.
std::thread client_thread(std::function<void()> body);

}  // namespace oa::test
