#!/bin/bash
# Groups crashing inputs by cause: replays each through its target (built by fuzz/run.sh) and
# names the failure by the sanitizer's or libFuzzer's summary and the first frame of samshift's
# own code (src/ or rules/) on the stack. Prints one line per cause: how many inputs, the cause,
# the frame and the smallest input.
#   fuzz/triage.sh TARGET FILE...
set -uo pipefail
cd "$(dirname "$0")/.."
# Undefined behaviour stops a fuzzer like a crash does, except what fuzz/ubsan.supp lists.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan.supp}"
target="${1:?usage: fuzz/triage.sh TARGET FILE...}"
shift
binary=build-fuzz/fuzz/${target}_fuzz
[ -x "$binary" ] || { echo "fuzz/triage.sh: $binary is not built (fuzz/run.sh build $target)" >&2; exit 3; }

signatures=$(mktemp)
artifacts=$(mktemp -d)  # a replay that fails writes the input again: not into the checkout
trap 'rm -rf "$signatures" "$artifacts"' EXIT
for input in "$@"; do
  # libFuzzer's -timeout counts wall time, which a loaded machine stretches: a replay instead gets
  # 30 seconds of CPU time (SIGXCPU beyond them) and no timeout of its own.
  log=$(ulimit -t 30; "$binary" -runs=1 -timeout=0 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" "$input" 2>&1)
  rc=$?
  # What went wrong: the sanitizer's or libFuzzer's error, else the first UBSan report.
  cause=$(grep -m1 -oE 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer): [a-z-]+( signal)?' <<<"$log" | sed 's/^ERROR: //')
  [ -n "$cause" ] || cause=$(grep -m1 -oE 'runtime error: [^:]*' <<<"$log")
  [ "$rc" -ne 152 ] || cause="more than 30 CPU-seconds"
  [ -n "$cause" ] || cause="no failure on replay"
  # The first frame in samshift's own code below the error: function name and file.
  frame=$(sed -n '/ERROR: \|runtime error:/,$p' <<<"$log" | grep -m1 -E '^ +#[0-9]+ .* in .*/(src|rules)/' |
    sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //; s/\(anonymous namespace\)/{anonymous}/g; s/^([^(]*)\(.* [^ ]*\/((src|rules)\/[^: ]+).*/\1 (\2)/')
  printf '%s\t%s\t%s\t%s\n' "$cause" "${frame:-?}" "$(wc -c <"$input")" "$input" >>"$signatures"
done
# Per cause and frame: the count, then the smallest input.
sort -t $'\t' -k1,2 -k3,3n "$signatures" | awk -F '\t' '
  { key = $1 "\t" $2; if (!(key in count)) { order[++n] = key; smallest[key] = $4 " (" $3 " bytes)" } count[key]++ }
  END { for (i = 1; i <= n; i++) printf "%d\t%s\t%s\n", count[order[i]], order[i], smallest[order[i]] }'
