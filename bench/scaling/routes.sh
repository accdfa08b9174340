#!/bin/bash
# Growth of `plan --view routes` in the size of a template (issue #18): N functions, each with an
# AutoPublishAlias and a DeploymentPreference, an Api event, an SQS event source mapping that
# bypasses the alias, and a REST method whose stage variable picks the alias on three stages. For
# each size, the instructions; then the growth, which must stay linear. About a minute.
#   bench/scaling/routes.sh [SAMSHIFT]     prints measure<TAB>figure<TAB>goal
set -euo pipefail
cd "$(dirname "$0")/../.."
samshift=$(realpath "${1:-build/samshift}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() {
  python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
out = ["Transform: AWS::Serverless-2016-10-31", "Resources:",
       "  Api:", "    Type: AWS::ApiGateway::RestApi", "    Properties: {Name: api}"]
for stage in ("dev", "test", "prod"):
    out += [f"  Stage{stage}:", "    Type: AWS::ApiGateway::Stage",
            f"    Properties: {{RestApiId: !Ref Api, StageName: {stage}, DeploymentId: d, "
            "Variables: {alias: live}}"]
for i in range(n):
    out += [f"  Fn{i}:", "    Type: AWS::Serverless::Function", "    Properties:",
            "      Runtime: python3.12", "      Handler: index.handler", "      InlineCode: x",
            "      AutoPublishAlias: live", "      DeploymentPreference: {Type: Canary10Percent5Minutes}",
            "      Events:", f"        Get: {{Type: Api, Properties: {{Path: /items{i}, Method: get}}}}",
            f"  Mapping{i}:", "    Type: AWS::Lambda::EventSourceMapping",
            f"    Properties: {{EventSourceArn: arn:aws:sqs:us-east-1:1:q{i}, FunctionName: !Ref Fn{i}}}",
            f"  Method{i}:", "    Type: AWS::ApiGateway::Method",
            "    Properties:", "      RestApiId: !Ref Api", "      ResourceId: !GetAtt Api.RootResourceId",
            "      HttpMethod: POST", "      AuthorizationType: NONE",
            "      Integration: {Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: !Sub "
            f"'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${{Fn{i}.Arn}}:${{!stageVariables.alias}}/invocations'}}"]
print("\n".join(out))
PY
}

# Instructions (callgrind), which the other engineers' builds on the shared cores do not blur.
declare -A refs
for n in 250 1000 2000; do
  generate "$n" >"$work/routes-$n.yaml"
  refs[$n]=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$samshift" plan --view routes \
    --format json "$work/routes-$n.yaml" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,)
  printf 'plan --view routes, %s functions (%s routes)\t%s instructions\t\n' "$n" "$((n * 5))" \
    "${refs[$n]}"
done
for n in 1000 2000; do
  printf 'growth 250 → %s functions\t%s\t<= %s\n' "$n" \
    "$(awk -v a="${refs[$n]}" -v b="${refs[250]}" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(awk -v n="$n" 'BEGIN { printf "%.1fx", n / 250 * 1.1 }')"
done
