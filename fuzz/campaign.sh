#!/bin/bash
# A long fuzzing campaign: runs each target for SECONDS of CPU time (its own and its workers', not
# wall time: on a shared machine a niced fuzzer may get a fraction of a core) in libFuzzer's fork
# mode, which keeps going after a crash, timeout or OOM and counts them. Corpora persist in build-fuzz/corpus/TARGET, so a
# second campaign continues where the first stopped. Crashing inputs land in fuzz/crashes/, and
# the ones this campaign found are grouped by cause (fuzz/triage.sh).
#   fuzz/campaign.sh SECONDS [TARGET...]      (targets run one after another)
#   FUZZ_WORKERS=N fuzz/campaign.sh …         (N worker processes, default 1; SECONDS in all)
#   FUZZ_MAX_WALL=S fuzz/campaign.sh …        (also stop after S wall seconds; default no limit)
# The fuzzer runs in a session of its own at the lowest priority (nice 19, and its autogroup's
# nice 19: without it, a session of its own would compete as one equal group with everyone's).
# Issue #12's campaign of the structure-aware fuzzer, 30 CPU-minutes, runs as
#   fuzz/campaign.sh 1800 template
# Prints one line per target: executions, CPU time, corpus size, coverage and the crash counts,
# then one line per cause of the crashes found.
set -euo pipefail
cd "$(dirname "$0")/.."
# Undefined behaviour stops a fuzzer like a crash does, except what fuzz/ubsan.supp lists.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan.supp}"
seconds="${1:?usage: fuzz/campaign.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml_loader json_loader lint expand lsp_reader template)
workers="${FUZZ_WORKERS:-1}"

# CPU seconds used by a process and its descendants: their own time, and what each has collected
# from the children it waited for (a finished fork-mode job counts in its parent's).
cpu_seconds_of_tree() {
  local pids=("$1") all=() pid
  while [ ${#pids[@]} -gt 0 ]; do
    all+=("${pids[@]}")
    mapfile -t pids < <(for pid in "${pids[@]}"; do cat /proc/"$pid"/task/*/children 2>/dev/null; done | tr ' ' '\n' | grep .)
  done
  for pid in "${all[@]}"; do cat /proc/"$pid"/stat 2>/dev/null; done |
    sed 's/^.*) //' | awk -v hz="$(getconf CLK_TCK)" '{ t += $12 + $13 + $14 + $15 } END { printf "%d", t / hz }'
}

fuzz/run.sh build "${targets[@]}"

mkdir -p fuzz/crashes build-fuzz/corpus
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  [ -d "$corpus" ] || fuzz/seeds.sh "$corpus"
  log=build-fuzz/campaign-$target.log
  marker=$(mktemp)
  start=$(date +%s)
  set +e
  setsid nice -n 19 /usr/bin/time -f 'cpu_seconds %U %S' build-fuzz/fuzz/"$target"_fuzz \
    -fork="$workers" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="${FUZZ_MAX_WALL:-0}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/cloudformation.dict -artifact_prefix=fuzz/crashes/"$target"- "$corpus" >"$log" 2>&1 &
  session=$!
  echo "$target: fuzzing for ${seconds} CPU-seconds (session $session, log $log)" >&2
  while kill -0 "$session" 2>/dev/null; do
    # Again each time: the first write can come before setsid has made the session's autogroup.
    echo 19 >/proc/"$session"/autogroup 2>/dev/null || true
    used=$(cpu_seconds_of_tree "$session")
    if [ "$used" -ge "$seconds" ]; then
      kill -INT -- "-$session" 2>/dev/null  # libFuzzer stops its workers and prints its figures
      break
    fi
    sleep 5
  done
  wait "$session"
  rc=$?
  set -e
  wall=$(($(date +%s) - start))
  cpu=$(awk '/^cpu_seconds/ {printf "%.0f", $2 + $3}' "$log")
  # Fork mode's status lines end: "oom/timeout/crash: O/T/C time: Ns job: J dft_time: D".
  last=$(grep -E 'oom/timeout/crash:' "$log" | tail -n 1)
  execs=$(sed -nE 's/.*exec\/s: [0-9]+ .*//; s/^#([0-9]+):.*/\1/p' <<<"$last")
  cov=$(sed -nE 's/.* cov: ([0-9]+) .*/\1/p' <<<"$last")
  otc=$(sed -nE 's/.*oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")
  files=$(find "$corpus" -type f | wc -l)
  echo "$target: exit $rc, wall ${wall}s, cpu ${cpu:-?}s ($(awk -v s="${cpu:-0}" 'BEGIN {printf "%.1f", s / 60}') CPU-minutes), ${workers} workers," \
    "${execs:-?} executions, coverage ${cov:-?}, corpus ${files} files, oom/timeout/crash ${otc:-?}"
  mapfile -t found < <(find fuzz/crashes -name "$target-*" -newer "$marker" -type f)
  rm -f "$marker"
  if [ ${#found[@]} -gt 0 ]; then
    echo "$target: ${#found[@]} failing inputs, by cause (count, cause, first samshift frame, smallest):"
    fuzz/triage.sh "$target" "${found[@]}" | sed 's/^/  /'
  fi
done
