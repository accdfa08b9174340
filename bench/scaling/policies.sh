#!/bin/sh
# How expand and lint grow with SAM policies: N functions, each with two policy templates, two
# managed policy names and an inline statement (src/sam's tables are read once per process, then
# each entry costs the same). Prints measure<TAB>figure<TAB>goal lines: instructions (callgrind),
# wall time (one run) and peak RSS at 100 and 1,000 functions, and the growth between them (goal
# as for bench/run.sh's synthetic lint: at most 12x for 10x the functions).
#
# usage: bench/scaling/policies.sh SAMSHIFT
set -eu
tool=$1
[ -x "$tool" ] || { echo "policies.sh: no executable $tool" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "policies.sh: needs valgrind" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() {
  echo "Transform: AWS::Serverless-2016-10-31"
  echo "Resources:"
  i=0
  while [ "$i" -lt "$1" ]; do
    cat <<YAML
  Function$i:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/f$i.zip
      Policies:
        - DynamoDBCrudPolicy:
            TableName: table-$i
        - S3ReadPolicy:
            BucketName: !Ref Bucket$i
        - AWSLambdaExecute
        - AmazonS3FullAccess
        - Statement:
            - Effect: Allow
              Action: sqs:SendMessage
              Resource: "*"
  Bucket$i:
    Type: AWS::S3::Bucket
YAML
    i=$((i + 1))
  done
}

instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$tool" "$@" 2>&1 >/dev/null |
    awk '/Collected/ { print $4 }'
}

for n in 100 1000; do generate "$n" > "$work/policies-$n.yaml"; done
for command in expand lint; do
  for n in 100 1000; do
    count=$(instructions "$command" "$work/policies-$n.yaml")
    eval "${command}_$n=$count"
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$tool" "$command" "$work/policies-$n.yaml" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    printf '%s, %s functions with policies\t%s M instructions, %s ms, %s KB peak RSS\t\n' "$command" "$n" \
      "$(awk -v c="$count" 'BEGIN { printf "%.1f", c / 1e6 }')" "$(( (end - start) / 1000000 ))" \
      "$(cat "$work/rss")"
  done
  eval "small=\$${command}_100 large=\$${command}_1000"
  printf '%s, growth from 100 to 1,000 functions with policies\t%sx instructions\t<= 12x\n' "$command" \
    "$(awk -v a="$small" -v b="$large" 'BEGIN { printf "%.1f", b / a }')"
done
