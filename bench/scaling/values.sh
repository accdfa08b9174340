#!/bin/bash
# Growth of value resolution with what a template controls: how deep parameters refer to
# parameters, how many copies references to references make, how conditions refer to conditions.
#   bench/scaling/values.sh SAMSHIFT
# One line per measure: measure<TAB>figure<TAB>goal. Instruction counts come from callgrind (the
# same on every run); peak RSS from GNU time.
set -euo pipefail
samshift=$(realpath "${1:?usage: values.sh SAMSHIFT}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

function_with_type() {  # $1: the DeploymentPreference Type
  printf 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n'
  printf '      Runtime: python3.12\n      Handler: index.handler\n      InlineCode: x\n'
  printf '      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: %s\n' "$1"
}

# P1: [!Ref P2], …, Pn: [!Ref Pn+1]: the Type resolves to a list nested n deep.
chain() {
  echo "Transform: AWS::Serverless-2016-10-31"
  echo "Parameters:"
  for ((i = 1; i <= $1; i++)); do echo "  P$i: {Type: String, Default: [!Ref P$((i + 1))]}"; done
  echo "  P$(($1 + 1)): {Type: String, Default: AllAtOnce}"
  function_with_type "!Ref P1"
}

# P1: [!Ref P2, !Ref P2], …: 2^n leaves once resolved, stopped by the substitution budget.
doubling() {
  echo "Transform: AWS::Serverless-2016-10-31"
  echo "Parameters:"
  for ((i = 1; i <= $1; i++)); do echo "  P$i: {Type: String, Default: [!Ref P$((i + 1)), !Ref P$((i + 1))]}"; done
  echo "  P$(($1 + 1)): {Type: String, Default: AllAtOnce}"
  function_with_type "!Ref P1"
}

# C0 … Cn-1, each `!And` of ten references to the next, ending in an undecidable condition:
# 10^n paths, n conditions.
conditions() {
  echo "Transform: AWS::Serverless-2016-10-31"
  echo "Conditions:"
  for ((i = 0; i < $1; i++)); do
    refs=""
    for ((j = 0; j < 10; j++)); do refs+="${refs:+, }!Condition C$((i + 1))"; done
    echo "  C$i: !And [$refs]"
  done
  echo "  C$1: !Equals [!Ref AWS::AccountId, '123456789012']"
  function_with_type AllAtOnce | sed 's/^    Properties:/    Condition: C0\n    Properties:/'
}

instructions() {  # command args… → instructions executed
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/callgrind" "$@" >/dev/null 2>&1 || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/callgrind"
}

peak_kb() {  # command args… → peak RSS in KB (expand and plan exit 2 here: not a failure)
  /usr/bin/time -o "$work/rss" -f %M "$@" >/dev/null 2>&1 || true
  tail -1 "$work/rss"
}

for n in 100 200 400; do chain "$n" >"$work/chain$n.yaml"; done
for command in lint expand plan; do
  figures=""
  for n in 100 200 400; do figures+="${figures:+ / }$(instructions "$samshift" "$command" "$work/chain$n.yaml")"; done
  printf '%s\t%s\t%s\n' "$command, parameter chain 100/200/400 deep (instructions)" "$figures" "about 2x per doubling (expand: its indented JSON output grows with depth x lines)"
done

for n in 20 30 40; do doubling "$n" >"$work/doubling$n.yaml"; done
for command in lint expand plan; do
  figures=""
  for n in 20 30 40; do figures+="${figures:+ / }$(peak_kb "$samshift" "$command" "$work/doubling$n.yaml") KB"; done
  printf '%s\t%s\t%s\n' "$command, references doubling 20/30/40 times (peak RSS)" "$figures" \
    "flat once the 64 MiB substitution budget is spent"
done

for n in 4 8 12; do conditions "$n" >"$work/conditions$n.yaml"; done
figures=""
for n in 4 8 12; do figures+="${figures:+ / }$(instructions "$samshift" plan "$work/conditions$n.yaml")"; done
printf '%s\t%s\t%s\n' "plan, conditions 4/8/12 deep, 10 references each (instructions)" "$figures" \
  "linear in conditions (not 10^n)"
