#!/bin/bash
# A long fuzzing campaign: runs each target for SECONDS in libFuzzer's fork mode, which keeps going
# after a crash, timeout or OOM and counts them. Corpora persist in build-fuzz/corpus/TARGET, so a
# second campaign continues where the first stopped. Crashing inputs land in fuzz/crashes/, and
# the ones this campaign found are grouped by cause (fuzz/triage.sh).
#   fuzz/campaign.sh SECONDS [TARGET...]      (targets run one after another)
#   FUZZ_WORKERS=N fuzz/campaign.sh …         (N worker processes, default 1: N CPUs for SECONDS)
# Issue #12's campaign of the structure-aware fuzzer, 30 CPU-minutes, runs as
#   nice fuzz/campaign.sh 1800 template   or   FUZZ_WORKERS=2 nice fuzz/campaign.sh 900 template
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

fuzz/run.sh build "${targets[@]}"

mkdir -p fuzz/crashes build-fuzz/corpus
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  [ -d "$corpus" ] || fuzz/seeds.sh "$corpus"
  log=build-fuzz/campaign-$target.log
  marker=$(mktemp)
  start=$(date +%s)
  set +e
  /usr/bin/time -f 'cpu_seconds %U %S' build-fuzz/fuzz/"$target"_fuzz -fork="$workers" -ignore_crashes=1 \
    -ignore_timeouts=1 -ignore_ooms=1 -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -dict=fuzz/cloudformation.dict -artifact_prefix=fuzz/crashes/"$target"- \
    "$corpus" >"$log" 2>&1
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
