#!/bin/bash
# The steps of action.yml, kept here so that they can be run and tested outside GitHub
# (scripts/test-release.sh runs them against dist/ with the variables a runner sets).
#   action-steps.sh install   installs the release into $RUNNER_TEMP and puts it on $GITHUB_PATH
#   action-steps.sh lint      samshift lint --format sarif into $INPUT_SARIF_FILE; the job fails
#                             on findings at the fail level, after the report is written
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

case "${1:-}" in
  install)
    prefix="$RUNNER_TEMP/samshift"
    [ -n "${SAMSHIFT_RELEASE_URL:-}" ] || unset SAMSHIFT_RELEASE_URL
    "$here/install-release.sh" "$prefix" || {
      echo "::error title=samshift::could not fetch the samshift release"
      exit 1
    }
    echo "$prefix/bin" >>"$GITHUB_PATH"
    "$prefix/bin/samshift" --version
    ;;
  lint)
    read -r -a paths <<<"${INPUT_PATHS:-.}"
    read -r -a args <<<"${INPUT_ARGS:-}"
    status=0
    samshift lint --format sarif -o "$INPUT_SARIF_FILE" "${args[@]}" "${paths[@]}" || status=$?
    echo "sarif-file=$INPUT_SARIF_FILE" >>"$GITHUB_OUTPUT"
    echo "exit-code=$status" >>"$GITHUB_OUTPUT"
    exit "$status"
    ;;
  *)
    echo "usage: action-steps.sh install|lint" >&2
    exit 3
    ;;
esac
