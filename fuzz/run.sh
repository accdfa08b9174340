#!/bin/bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 20),
# seeded with the corpus and the project's fixtures (fuzz/seeds.sh). A crash leaves its input in
# fuzz/crashes/. The targets: the loaders, lint, expand, the language server's reader, and
# template, the structure-aware one (fuzz/template_fuzz.cc) that runs every command.
#   fuzz/run.sh [SECONDS] [TARGET...]     (SECONDS "build" only builds the targets)
set -euo pipefail
cd "$(dirname "$0")/.."
# Undefined behaviour stops a fuzzer like a crash does, except what fuzz/ubsan.supp lists.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan.supp}"
seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml_loader json_loader lint expand lsp_reader template)

log=$(mktemp)
if [ ! -f build-fuzz/build.ninja ]; then
  CXX=clang++ CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
ninja -C build-fuzz $(printf 'fuzz/%s_fuzz ' "${targets[@]}") >"$log" 2>&1 || { tail -n 60 "$log"; exit 1; }
rm -f "$log"
[ "$seconds" != build ] || exit 0

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
fuzz/seeds.sh "$seeds"
mkdir -p fuzz/crashes
for target in "${targets[@]}"; do
  work=$(mktemp -d)
  cp "$seeds"/* "$work/" 2>/dev/null || true
  set +e
  build-fuzz/fuzz/"${target}"_fuzz -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/cloudformation.dict -artifact_prefix=fuzz/crashes/"$target"- -print_final_stats=1 "$work" \
    > "$work.log" 2>&1
  rc=$?
  set -e
  runs=$(grep -E '^stat::number_of_executed_units' "$work.log" | awk '{print $2}')
  echo "$target: exit $rc, ${runs:-?} runs in ${seconds}s"
  if [ "$rc" -ne 0 ]; then tail -n 40 "$work.log"; rm -rf "$work" "$work.log"; exit 1; fi
  rm -rf "$work" "$work.log"
done
