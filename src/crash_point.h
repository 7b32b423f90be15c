// Crash points: places where a test can have the process die at once, as
// kill -9 or a power cut would, between two statements no signal sent from
// outside could be timed to fall between. With ONLINE_ALTER_CRASH_AT=<name>
// in its environment the process kills itself (SIGKILL) when it reaches the
// crash point <name>; without the variable a crash point does nothing.
// `grep -rn 'crash_point("' src` lists them.
#pragma once

namespace oa {

void crash_point(const char* name);

}  // namespace oa
