// Integration tests: online-alter against a real server. The server comes
// from OA_HOST, OA_PORT, OA_USER and MYSQL_PWD (see scripts/lib.sh), the tool
// from OA_BIN (default build/online-alter).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
