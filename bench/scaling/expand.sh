#!/bin/bash
# Growth of `expand` and `lint` in what a template controls (issue #12): API routes, events on one
# function, and findings. For each size: instructions (callgrind), CPU time and peak RSS; then the
# growth from the smallest size to each larger one, with its goal. Routes on SAM's implicit REST
# API cost what they cost SAM, which copies the whole definition twice per route (quadratic), so
# more than 4,000 of them exit 2 up front (src/expand/api/api_state.h); everything else is linear.
#   bench/scaling/expand.sh [SAMSHIFT]        prints measure<TAB>figure<TAB>goal
# About three minutes of CPU time, most of it under callgrind (SAMSHIFT_BENCH_NO_CALLGRIND=1 skips it).
set -euo pipefail
samshift=$(realpath "${1:-build/samshift}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# generate KIND N: a template with N functions with one Api route each (routes), the same with
# 40 tags each that PropagateTags hands to the API (tags), N functions with one HttpApi route each
# (httproutes), N functions with a Cognito trigger on a pool each (cognito), one function with N
# Api events (events), N S3 events on one bucket (s3), N
# functions SAM rejects (`AutoPublishAlias: 5`, findings), the same with a suppression each that
# matches nothing (suppressions).
generate() {
  python3 - "$1" "$2" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
out = ["Transform: AWS::Serverless-2016-10-31", "Resources:"]
function = ["    Type: AWS::Serverless::Function", "    Properties:", "      Runtime: python3.12",
            "      Handler: index.handler", "      InlineCode: x"]
if kind in ("routes", "tags"):
    for i in range(n):
        out += [f"  Fn{i}:"] + function + ["      AutoPublishAlias: live", "      Events:",
                f"        Get: {{Type: Api, Properties: {{Path: /items{i}, Method: get}}}}"]
        if kind == "tags":
            out += ["      PropagateTags: true", "      Tags:"] + [f"        t{i}x{j}: v" for j in range(40)]
elif kind == "httproutes":
    for i in range(n):
        out += [f"  Fn{i}:"] + function + ["      AutoPublishAlias: live", "      Events:",
                f"        Get: {{Type: HttpApi, Properties: {{Path: /items{i}, Method: get}}}}"]
elif kind == "cognito":
    for i in range(n):
        out += [f"  Pool{i}:", "    Type: AWS::Cognito::UserPool", f"  Fn{i}:"] + function + [
                "      AutoPublishAlias: live", "      Events:",
                f"        Sign: {{Type: Cognito, Properties: {{UserPool: !Ref Pool{i}, Trigger: PreSignUp}}}}"]
elif kind in ("events", "s3"):
    if kind == "s3":
        out += ["  Bucket:", "    Type: AWS::S3::Bucket"]
    out += ["  Fn:"] + function + ["      AutoPublishAlias: live", "      Events:"]
    for i in range(n):
        if kind == "events":
            out.append(f"        Get{i}: {{Type: Api, Properties: {{Path: /items{i}, Method: get}}}}")
        else:
            out.append(f"        Put{i}: {{Type: S3, Properties: {{Bucket: !Ref Bucket, Events: 's3:ObjectCreated:*', "
                       f"Filter: {{S3Key: {{Rules: [{{Name: prefix, Value: p{i}/}}]}}}}}}}}")
else:
    for i in range(n):
        out += [f"  Fn{i}:"]
        if kind == "suppressions":
            out += ["    Metadata: {samshift: {ignore: [D001]}}"]
        out += function + ["      AutoPublishAlias: 5"]
print("\n".join(out))
PY
}

# measure LABEL SIZE COMMAND...: prints the command's figures and remembers its instruction count
# (or, without callgrind, its CPU time) for the growth lines.
declare -A cost
measure() {
  local label=$1 size=$2
  shift 2
  # CPU time and peak RSS, best of three (the machine is shared).
  local best_cpu="" best_rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    read -r user system kib < <(tail -n 1 "$work/time")
    local cpu
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
    if [ -z "$best_rss" ] || [ "$kib" -lt "$best_rss" ]; then best_rss=$kib; fi
  done
  printf '%s, %s: CPU time\t%s s\t\n' "$label" "$size" "$best_cpu"
  printf '%s, %s: peak RSS\t%s MB\t\n' "$label" "$size" "$((best_rss / 1024))"
  cost["$label/$size"]=$best_cpu
  if [ -z "${SAMSHIFT_BENCH_NO_CALLGRIND:-}" ]; then
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$work/callgrind" || true
    local instructions
    instructions=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/callgrind")
    printf '%s, %s: instructions\t%s M\t\n' "$label" "$size" "$((instructions / 1000000))"
    cost["$label/$size"]=$instructions
  fi
}

# growth LABEL SMALL LARGE GOAL: the ratio of the costs of two sizes.
growth() {
  local label=$1 small=$2 large=$3 goal=$4
  local ratio
  ratio=$(awk -v a="${cost[$label/$large]}" -v b="${cost[$label/$small]}" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')
  local basis=""  # CPU time is counted in 10 ms steps: coarse for the small sizes
  [ -n "${SAMSHIFT_BENCH_NO_CALLGRIND:-}" ] && basis=" (CPU time)"
  printf '%s: growth %s -> %s%s\t%s\t%s\n' "$label" "$small" "$large" "$basis" "$ratio" "$goal"
}

# series KIND LABEL "COMMAND" SIZES...: measures `samshift COMMAND` on the KIND template of each size.
series() {
  local kind=$1 label=$2 command=$3
  shift 3
  for n in "$@"; do
    [ -f "$work/$kind-$n.yaml" ] || generate "$kind" "$n" >"$work/$kind-$n.yaml"
    # shellcheck disable=SC2086  # COMMAND is a subcommand and its options
    measure "$label" "$n" "$samshift" $command "$work/$kind-$n.yaml"
  done
}

series routes "expand, functions with one Api route" expand 400 800 1600
# Linear but for SAM's two copies of the definition per route.
growth "expand, functions with one Api route" 400 800 "<= 2.4x"
growth "expand, functions with one Api route" 400 1600 "<= 5.5x"

# SAM's "defined multiple times" checks of each function depend on the functions before it: read
# once per template (sam::TemplateIndex), not once per function.
series httproutes "lint, functions with one HttpApi route" lint 250 1000
growth "lint, functions with one HttpApi route" 250 1000 "<= 4.8x"
series cognito "lint, functions with one Cognito trigger" lint 250 1000
growth "lint, functions with one Cognito trigger" 250 1000 "<= 4.8x"

series tags "expand, functions with an Api route and 40 propagated tags" expand 500 1000
growth "expand, functions with an Api route and 40 propagated tags" 500 1000 "<= 2.4x"

series events "expand, Api events on one function" expand 1000 3000
# SAM copies the definition twice per route: quadratic in SAM too, so at most 9x for 3x events.
growth "expand, Api events on one function" 1000 3000 "<= 10x (SAM's own growth: 9x)"
series events "expand, Api events on one function (over the cap: exit 2)" expand 4001

series s3 "expand, S3 events on one bucket" expand 1000 4000
growth "expand, S3 events on one bucket" 1000 4000 "<= 5x"

series findings "lint, functions SAM rejects" lint 10000 20000
series findings "expand, functions SAM rejects" expand 10000 20000
series suppressions "lint --report-unused-suppressions, a suppression per finding" \
  "lint --report-unused-suppressions" 10000 20000
growth "lint, functions SAM rejects" 10000 20000 "<= 2.4x"
growth "expand, functions SAM rejects" 10000 20000 "<= 2.4x"
growth "lint --report-unused-suppressions, a suppression per finding" 10000 20000 "<= 2.4x"
