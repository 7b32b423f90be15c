// --control-socket PATH: a unix socket, readable and writable by the run's
// owner only, that takes one command per connection (see control_command.h)
// and answers it, while the run goes on.
#pragma once

#include <atomic>
#include <string>
#include <thread>

#include "control/run_controls.h"
#include "status/status_board.h"

namespace oa::control {

class ControlSocket {
 public:
  // Listens on `path`. A socket file nobody listens on (left by a killed run)
  // is replaced. Throws Error(kUsage) when the path is taken by a live socket
  // or another file, or cannot be bound.
  ControlSocket(std::string path, RunControls& controls, const status::StatusBoard& board);
  // Stops listening and removes the socket file.
  ~ControlSocket();
  ControlSocket(const ControlSocket&) = delete;
  ControlSocket& operator=(const ControlSocket&) = delete;

 private:
  void serve();
  void answer(int client);

  const std::string path_;
  RunControls& controls_;
  const status::StatusBoard& board_;
  int listener_ = -1;
  int stop_pipe_[2] = {-1, -1};  // written once to wake serve() for the end
  std::thread thread_;
};

}  // namespace oa::control
