#!/bin/bash
# Copies the fuzzers' seed templates into DIR: the project's fixtures and examples, and the SAM
# corpus inputs when ../shared is there. Each file keeps its path in its name (the rule fixtures
# are all called good.yaml or bad.yaml, and would otherwise overwrite one another). One tar
# pipeline rather than a cp per file: a loaded machine runs a thousand processes slowly.
#   fuzz/seeds.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: fuzz/seeds.sh DIR}"
mkdir -p "$dir"
{
  find fixtures examples -type f \( -name '*.yaml' -o -name '*.json' \)
  if [ -d ../shared/corpus/sam-translator/input ]; then
    find ../shared/corpus/sam-translator/input -type f -name '*.yaml'
  fi
} | tar -cf - --absolute-names --transform 's|^\.\./shared/corpus/||;s|/|_|g' -T - | tar -xf - -C "$dir"
