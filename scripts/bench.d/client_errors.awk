# Counts the client errors of one sysbench run for scripts/bench, by server error code and
# message.
#
#   awk -v total=N -f client_errors.awk sysbench.out | sort -rn
#
# The input is sysbench's standard output at --verbosity=5 (each line may be prefixed by a
# time stamp), where every error that --mysql-ignore-errors let pass is logged as
# "DEBUG: Ignoring error CODE MESSAGE, ". sysbench folds a run of the same message into
# "(last message repeated N times)", printed only once a different message is logged; a run
# still open when sysbench was stopped is never printed, so the errors not accounted for by
# the log (total, from sysbench's err/s figures, minus those counted) are given to the message
# of that open run. Prints "COUNT<TAB>CODE MESSAGE" lines.

{
  line = $0
  if ((i = index(line, "Ignoring error ")) > 0) {
    last = substr(line, i + length("Ignoring error "))
    sub(/,[ \t]*$/, "", last)
    count[last]++
    counted++
  } else if (match(line, /\(last message repeated [0-9]+ times\)/)) {
    n = substr(line, RSTART + length("(last message repeated ")) + 0
    if (last != "") { count[last] += n; counted += n }
    last = ""
  } else if (line !~ /^([0-9.]+ )?\[ [0-9]+s \]/) {
    # sysbench's per-second reports bypass its log; any other message ends a run of repeats.
    last = ""
  }
}

END {
  if (last != "" && total > counted) count[last] += total - counted
  for (m in count) printf "%d\t%s\n", count[m], m
}
