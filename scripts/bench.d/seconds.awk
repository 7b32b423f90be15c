# Summarises one sysbench run for scripts/bench.
#
#   awk -v start=EPOCH -v end=EPOCH -f seconds.awk sysbench.out
#
# The input is sysbench's standard output with --report-interval=1, each line prefixed by the
# wall-clock time (seconds since the epoch) at which it arrived. start and end are the
# wall-clock times at which the migration started and ended. Prints key=value lines:
#
#   seconds        report lines seen
#   pre            per-second p99 values (ms) of the seconds that ended before the start
#   pre_tps        their tps values
#   pre_err        client errors in them
#   during_n       seconds that overlap the migration
#   during_median  median of their p99 (ms)
#   during_tps     mean of their tps
#   during_err     client errors in them
#   spill_n        seconds after the migration while sysbench still worked off transactions the
#                  migration had delayed (its queue of due transactions was not empty)
#   worst          highest p99 (ms) of the during and spill seconds
#   run_err        client errors in the whole run
#
# A second in which no transaction finished is reported by sysbench with a p99 of 0; it counts
# as 1000 ms here, the least its waiting transactions can have waited.

function median(list, n,    a, i, j, v) {
  n = split(list, a, " ")
  if (n == 0) return "-"
  for (i = 2; i <= n; i++) {  # insertion sort: at most a few hundred values
    v = a[i] + 0
    for (j = i - 1; j >= 1 && a[j] + 0 > v; j--) a[j + 1] = a[j]
    a[j + 1] = v
  }
  return (n % 2) ? a[(n + 1) / 2] + 0 : (a[n / 2] + a[n / 2 + 1]) / 2
}

function value_after(label,    i) {
  for (i = 1; i < NF; i++) if ($i == label) return $(i + 1)
  return ""
}

$2 == "[" && $4 == "]" {
  k = $3
  sub(/s$/, "", k)
  k += 0
  if ($5 == "thds:") {
    arrived = $1 + 0
    tps[k] = value_after("tps:") + 0
    p99[k] = value_after("(ms,99%):") + 0
    err[k] = value_after("err/s:") + 0
    if (tps[k] == 0) p99[k] = 1000
    if (k > last) last = k
    # A report arrives at most a little after its second ends, never before: the smallest
    # (arrival - k) is the best estimate of when sysbench's clock started.
    if (!have_t0 || arrived - k < t0) { t0 = arrived - k; have_t0 = 1 }
  } else if ($5 == "queue") {
    q = $7
    sub(/,$/, "", q)
    queue[k] = q + 0
  }
}

END {
  pre = ""; pre_tps = ""; pre_err = 0; during = ""; n = 0; tps_sum = 0; derr = 0; rerr = 0; worst = 0; last_during = 0
  for (k = 1; k <= last; k++) {
    if (!(k in p99)) continue
    rerr += err[k]
    if (t0 + k <= start) {
      pre = pre " " p99[k]
      pre_tps = pre_tps " " tps[k]
      pre_err += err[k]
    } else if (t0 + k - 1 < end) {
      during = during " " p99[k]
      n++
      tps_sum += tps[k]
      derr += err[k]
      if (p99[k] > worst) worst = p99[k]
      last_during = k
    }
  }
  spill = 0
  if (last_during > 0) {
    for (k = last_during + 1; k <= last && (k in p99) && queue[k - 1] > 0; k++) {
      spill++
      if (p99[k] > worst) worst = p99[k]
    }
  }
  printf "seconds=%d\n", last
  printf "t0=%.3f\n", t0
  printf "pre=%s\n", substr(pre, 2)
  printf "pre_tps=%s\n", substr(pre_tps, 2)
  printf "pre_err=%d\n", pre_err + 0.5
  printf "during_n=%d\n", n
  printf "during_median=%s\n", median(during)
  printf "during_tps=%s\n", n ? sprintf("%.1f", tps_sum / n) : "-"
  printf "during_err=%d\n", derr + 0.5
  printf "spill_n=%d\n", spill
  printf "worst=%s\n", n ? worst : "-"
  printf "run_err=%d\n", rerr + 0.5
}
