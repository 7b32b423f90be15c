#include "cli/connection_sources.h"

#include <algorithm>
#include <cctype>

#include "error.h"

namespace oa::cli {
namespace {

std::optional<std::string> find(const std::map<std::string, std::string>& source,
                                const std::string& key) {
  const auto it = source.find(key);
  if (it == source.end()) return std::nullopt;
  return it->second;
}

// The first source that has `key`, except the environment (password only).
std::optional<std::string> pick(const ConnectionSources& sources, const std::string& key) {
  for (const auto* source : {&sources.command_line, &sources.defaults_file, &sources.home_file}) {
    if (auto value = find(*source, key)) return value;
  }
  return std::nullopt;
}

// The mysql client's order: an explicit option beats the environment, the
// environment beats option files. ~/.my.cnf comes last so that a file named
// on the command line always wins over the one found by default.
std::optional<std::string> pick_password(const ConnectionSources& sources) {
  if (auto value = find(sources.command_line, "password")) return value;
  if (sources.environment_password) return sources.environment_password;
  if (auto value = find(sources.defaults_file, "password")) return value;
  return find(sources.home_file, "password");
}

unsigned parse_port(const std::string& text) {
  const bool digits =
      !text.empty() && text.size() <= 5 &&
      std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!digits || std::stoul(text) > 65535) {
    throw UsageError("port '" + text + "' is not a port number (1-65535)");
  }
  return static_cast<unsigned>(std::stoul(text));
}

}  // namespace

db::SslMode parse_ssl_mode(const std::string& text) {
  std::string mode = text;
  std::transform(mode.begin(), mode.end(), mode.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (mode == "DISABLED") return db::SslMode::kDisabled;
  if (mode == "PREFERRED") return db::SslMode::kPreferred;
  if (mode == "REQUIRED") return db::SslMode::kRequired;
  if (mode == "VERIFY_CA") return db::SslMode::kVerifyCa;
  if (mode == "VERIFY_IDENTITY") return db::SslMode::kVerifyIdentity;
  throw UsageError(
      "--ssl-mode takes DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY, "
      "not '" +
      text + "'");
}

db::ConnectionSettings resolve_connection(const ConnectionSources& sources) {
  db::ConnectionSettings s;
  if (auto v = pick(sources, "host")) s.host = *v;
  if (auto v = pick(sources, "port")) s.port = parse_port(*v);
  if (auto v = pick(sources, "socket")) s.socket = *v;
  if (auto v = pick(sources, "database")) s.database = *v;
  s.user = pick(sources, "user").value_or(sources.login_name);
  if (auto v = pick_password(sources)) s.password = *v;
  if (auto v = pick(sources, "ssl-mode")) s.ssl_mode = parse_ssl_mode(*v);
  if (auto v = pick(sources, "ssl-ca")) s.ssl_ca = *v;
  if (auto v = pick(sources, "ssl-cert")) s.ssl_cert = *v;
  if (auto v = pick(sources, "ssl-key")) s.ssl_key = *v;
  const bool verifies =
      s.ssl_mode == db::SslMode::kVerifyCa || s.ssl_mode == db::SslMode::kVerifyIdentity;
  if (verifies && s.ssl_ca.empty()) {
    throw UsageError(
        "--ssl-mode VERIFY_CA and VERIFY_IDENTITY need --ssl-ca: the authority "
        "that signed the server's certificate");
  }
  if (s.ssl_cert.empty() != s.ssl_key.empty()) {
    throw UsageError("--ssl-cert and --ssl-key go together: give both or neither");
  }
  return s;
}

}  // namespace oa::cli
