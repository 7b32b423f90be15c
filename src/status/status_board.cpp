#include "status/status_board.h"

#include <algorithm>

namespace oa::status {
namespace {

constexpr Phase kAllPhases[] = {
    Phase::kStarting, Phase::kPreflight, Phase::kShadow,  Phase::kTriggers, Phase::kCopy,
    Phase::kVerify,   Phase::kPostponed, Phase::kCutover, Phase::kCleanup,  Phase::kDone};

std::optional<Phase> phase_named(const std::string& name) {
  for (Phase p : kAllPhases) {
    if (name == phase_name(p)) return p;
  }
  return std::nullopt;
}

std::string whole(double value) { return std::to_string(static_cast<std::uint64_t>(value)); }

}  // namespace

StatusBoard::StatusBoard() : started_(Clock::now()), phase_started_(started_) {}

void StatusBoard::listen() {
  log::add_observer([this](std::string_view name, const log::Fields& f) { observe(name, f); });
}

void StatusBoard::enter(Phase phase) {
  const auto now = Clock::now();
  const double spent = std::chrono::duration<double>(now - phase_started_).count();
  auto& finished = now_.finished_phases;
  auto same = std::find_if(finished.begin(), finished.end(),
                           [&](const auto& p) { return p.first == now_.phase; });
  if (same != finished.end()) {
    same->second += spent;
  } else {
    finished.emplace_back(now_.phase, spent);
  }
  now_.phase = phase;
  phase_started_ = now;
  if (phase != Phase::kCopy) now_.eta_seconds.reset();
  now_.throttled = false;
  now_.throttle_reason.clear();
}

void StatusBoard::observe(std::string_view name, const log::Fields& f) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (name == "phase") {
    if (auto p = phase_named(log::field_or<std::string>(f, "phase", ""))) enter(*p);
  } else if (name == "copy_progress") {
    now_.rows_copied = log::field_or<std::uint64_t>(f, "rows", now_.rows_copied);
    now_.estimated_rows = log::field_or<std::uint64_t>(f, "estimated_rows", now_.estimated_rows);
    now_.chunks = log::field_or<std::uint64_t>(f, "chunks", now_.chunks);
    copy_seconds_ = log::field_or<double>(f, "seconds", copy_seconds_);
    now_.rows_per_second = copy_seconds_ > 0 ? now_.rows_copied / copy_seconds_ : 0;
    now_.eta_seconds.reset();
    if (now_.rows_per_second > 0 && now_.estimated_rows > now_.rows_copied) {
      now_.eta_seconds = (now_.estimated_rows - now_.rows_copied) / now_.rows_per_second;
    }
  } else if (name == "throttle") {
    now_.throttled = log::field_or<bool>(f, "paused", false);
    now_.throttle_reason = now_.throttled ? log::field_or<std::string>(f, "reason", "") : "";
  } else if (name == "verify_progress") {
    now_.ranges_verified = log::field_or<std::uint64_t>(f, "ranges", now_.ranges_verified);
    now_.rows_verified = log::field_or<std::uint64_t>(f, "rows", now_.rows_verified);
  } else if (name == "replica_lag") {
    observe_replica(f);
  } else if (name == "retry") {
    ++now_.retries;
  } else if (name == "result") {
    now_.result = f;
  } else if (name == "output") {
    now_.output += log::field_or<std::string>(f, "text", "");
  }
}

void StatusBoard::observe_replica(const log::Fields& f) {
  ReplicaLag reading{log::field_or<std::string>(f, "replica", ""), std::nullopt,
                     log::field_or<std::string>(f, "problem", "")};
  const double lag = log::field_or<double>(f, "lag_seconds", -1);
  if (lag >= 0) reading.lag_seconds = lag;
  auto& list = now_.replicas;
  auto same = std::find_if(list.begin(), list.end(),
                           [&](const ReplicaLag& r) { return r.replica == reading.replica; });
  if (same != list.end()) {
    *same = std::move(reading);
  } else {
    list.push_back(std::move(reading));
  }
}

std::optional<double> worst_replica_lag(const StatusSnapshot& s) {
  if (s.replicas.empty()) return std::nullopt;
  double worst = 0;
  for (const auto& r : s.replicas) {
    if (!r.lag_seconds) return std::nullopt;
    worst = std::max(worst, *r.lag_seconds);
  }
  return worst;
}

StatusSnapshot StatusBoard::snapshot() const {
  std::lock_guard<std::mutex> guard(mutex_);
  StatusSnapshot s = now_;
  const auto now = Clock::now();
  s.phase_seconds = std::chrono::duration<double>(now - phase_started_).count();
  s.elapsed_seconds = std::chrono::duration<double>(now - started_).count();
  return s;
}

JsonObject phase_seconds_json(const StatusSnapshot& s) {
  JsonObject phases;
  bool current_listed = false;
  for (const auto& [phase, seconds] : s.finished_phases) {
    const bool current = phase == s.phase;
    phases.add(phase_name(phase), seconds + (current ? s.phase_seconds : 0));
    current_listed = current_listed || current;
  }
  if (!current_listed) phases.add(phase_name(s.phase), s.phase_seconds);
  return phases;
}

log::Fields status_fields(const StatusSnapshot& s) {
  log::Fields out = {
      {"phase", std::string(phase_name(s.phase))}, {"phase_seconds", s.phase_seconds},
      {"elapsed_seconds", s.elapsed_seconds},      {"rows_copied", s.rows_copied},
      {"estimated_rows", s.estimated_rows},        {"chunks", s.chunks},
      {"rows_per_second", s.rows_per_second}};
  if (s.eta_seconds) out.push_back({"eta_seconds", *s.eta_seconds});
  out.push_back({"throttled", s.throttled});
  out.push_back({"throttle_reason", s.throttle_reason});
  out.push_back({"ranges_verified", s.ranges_verified});
  out.push_back({"rows_verified", s.rows_verified});
  out.push_back({"retries", s.retries});
  if (auto lag = worst_replica_lag(s)) out.push_back({"replica_lag_seconds", *lag});
  return out;
}

std::string status_text(const StatusSnapshot& s) {
  std::string out = phase_name(s.phase);
  if (s.phase == Phase::kCopy && s.chunks == 0 && s.estimated_rows == 0) {
    out += ": starting";
  } else if (s.phase == Phase::kCopy) {
    out +=
        ": " + std::to_string(s.rows_copied) + " / ~" + std::to_string(s.estimated_rows) + " rows";
    if (s.estimated_rows > 0) {
      // Statistics estimate the row count; never claim 100% before the end.
      const auto percent = std::min<std::uint64_t>(99, s.rows_copied * 100 / s.estimated_rows);
      out += " (" + std::to_string(percent) + "%)";
    }
    out += ", " + whole(s.rows_per_second) + " rows/s";
    if (s.eta_seconds) out += ", ETA " + whole(*s.eta_seconds) + "s";
  } else if (s.phase == Phase::kVerify) {
    out += ": " + std::to_string(s.ranges_verified) + " ranges, " +
           std::to_string(s.rows_verified) + " rows compared";
  } else {
    out += ": " + log::seconds_text(s.phase_seconds);
  }
  if (s.throttled) out += "; paused: " + s.throttle_reason;
  if (s.retries > 0) out += "; " + std::to_string(s.retries) + " retries";
  if (!s.replicas.empty()) {
    const auto lag = worst_replica_lag(s);
    out += "; replica lag " + (lag ? log::seconds_text(*lag) : std::string("unknown"));
  }
  return out + " (" + log::seconds_text(s.elapsed_seconds) + " in all)";
}

}  // namespace oa::status
