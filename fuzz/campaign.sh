#!/bin/bash
# A long fuzzing campaign: runs each target for SECONDS in libFuzzer's fork mode, which keeps going
# after a crash, timeout or OOM and counts them. Corpora persist in build-fuzz/corpus/TARGET, so a
# second campaign continues where the first stopped. Crashing inputs land in fuzz/crashes/.
#   fuzz/campaign.sh SECONDS [TARGET...]      (targets run one after another; start two campaigns
#                                              on disjoint targets to use both cores)
# Prints one line per target: executions, CPU time, corpus size, coverage and the crash counts.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: fuzz/campaign.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml_loader json_loader lint expand lsp_reader)

fuzz/run.sh build "${targets[@]}"

mkdir -p fuzz/crashes build-fuzz/corpus
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    find fixtures examples -name '*.yaml' -o -name '*.json' | xargs -I{} cp {} "$corpus/" 2>/dev/null || true
    cp ../shared/corpus/sam-translator/input/*.yaml "$corpus/" 2>/dev/null || true
  fi
  log=build-fuzz/campaign-$target.log
  start=$(date +%s)
  set +e
  /usr/bin/time -f 'cpu_seconds %U %S' build-fuzz/fuzz/"$target"_fuzz -fork=1 -ignore_crashes=1 \
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
  echo "$target: exit $rc, wall ${wall}s, cpu ${cpu:-?}s, ${execs:-?} executions, coverage ${cov:-?}," \
    "corpus ${files} files, oom/timeout/crash ${otc:-?}"
done
