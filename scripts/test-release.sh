#!/bin/sh
# Installs each artifact scripts/release.sh left in dist/ into a temporary prefix and runs it:
# `samshift lint examples/` must give the exit status and output of the normal build's binary
# (when build/samshift exists) and a clean example must pass. Also: the binary is statically
# linked and runs in an empty chroot (as root), and lintian finds no error in the .deb (where
# lintian is installed). Prints one line per check; exits 1 when any failed.
set -u
cd "$(dirname "$0")/.."

version=$(sed -n "s/^ *version : '\([^']*\)'.*/\1/p" meson.build | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1" >&2; failed=1; }

# Runs the installed samshift ($1) over the examples as a user would; checks it against the
# normal build's output when there is one.
check_lint() {
  label=$1
  binary=$2
  [ -x "$binary" ] || { fail "$label: no samshift at $binary"; return; }
  "$binary" lint --color never examples/clean-service.yaml >"$work/clean.out" 2>&1 ||
    { fail "$label: lint examples/clean-service.yaml: $(cat "$work/clean.out")"; return; }
  "$binary" lint --color never examples/ >"$work/lint.out" 2>&1
  status=$?
  [ "$status" -eq 1 ] || { fail "$label: lint examples/ exited $status, not 1 (findings)"; return; }
  if [ -x build/samshift ]; then
    build/samshift lint --color never examples/ >"$work/expected.out" 2>&1
    cmp -s "$work/lint.out" "$work/expected.out" ||
      { fail "$label: output differs from build/samshift's"; return; }
  fi
  pass "$label: samshift lint examples/"
}

tarball="dist/samshift-$version-linux-x86_64.tar.gz"
if [ -f "$tarball" ]; then
  mkdir "$work/tar" && tar -xzf "$tarball" -C "$work/tar"
  root="$work/tar/samshift-$version-linux-x86_64"
  check_lint "tarball" "$root/bin/samshift"
  if file -b "$root/bin/samshift" | grep -q "statically linked"; then
    pass "tarball: file calls bin/samshift statically linked"
  else
    fail "tarball: bin/samshift is not static: $(file -b "$root/bin/samshift")"
  fi
  for path in share/man/man1/samshift.1 share/man/man7/samshift-rules.7 LICENSE NOTICE README.md \
    share/bash-completion/completions/samshift share/zsh/site-functions/_samshift \
    share/fish/vendor_completions.d/samshift.fish; do
    [ -s "$root/$path" ] || fail "tarball: $path is missing"
  done
  bash -n "$root/share/bash-completion/completions/samshift" || fail "tarball: bash completion"
  # An empty root: no libc, no /proc, no /tmp; only the binary and the examples.
  if [ "$(id -u)" -eq 0 ] && command -v chroot >/dev/null 2>&1; then
    mkdir -p "$work/chroot/examples"
    cp "$root/bin/samshift" "$work/chroot/samshift"
    cp examples/* "$work/chroot/examples/"
    (cd / && chroot "$work/chroot" /samshift lint --color never /examples/clean-service.yaml) \
      >"$work/chroot.out" 2>&1 &&
      pass "tarball: samshift runs in an empty chroot" ||
      fail "tarball: in an empty chroot: $(cat "$work/chroot.out")"
  else
    echo "skip  empty chroot (needs root)"
  fi
else
  fail "no $tarball (run scripts/release.sh)"
fi

deb="dist/samshift_${version}_amd64.deb"
if [ -f "$deb" ]; then
  dpkg-deb -x "$deb" "$work/deb"
  check_lint ".deb" "$work/deb/usr/bin/samshift"
  [ "$(dpkg-deb -f "$deb" Package)" = samshift ] || fail ".deb: control names no package samshift"
  if command -v lintian >/dev/null 2>&1; then
    lintian --fail-on error --no-tag-display-limit "$deb" >"$work/lintian.out" 2>&1 &&
      pass ".deb: lintian reports no errors" ||
      fail ".deb: lintian: $(grep '^E:' "$work/lintian.out")"
  else
    echo "skip  lintian (not installed)"
  fi
else
  fail "no $deb"
fi

npm_package="dist/samshift-$version.tgz"
if [ -f "$npm_package" ] && command -v npm >/dev/null 2>&1; then
  # Offline, from the file: the binary must be inside the package.
  npm install --global --offline --no-audit --no-fund --prefix "$work/npm" "./$npm_package" \
    >"$work/npm.out" 2>&1 || fail "npm install -g: $(cat "$work/npm.out")"
  PATH="$work/npm/bin:$PATH" command -v samshift | grep -q "^$work/npm/bin/samshift$" &&
    pass "npm: samshift on PATH from the prefix" || fail "npm: samshift is not on PATH"
  check_lint "npm" "$work/npm/bin/samshift"
elif [ -f "$npm_package" ]; then
  echo "skip  npm package (npm not installed)"
else
  fail "no $npm_package"
fi

# The GitHub Action's composite steps, as a runner runs them (its variables and files), against
# dist/ as the release directory: install puts samshift on GITHUB_PATH, lint writes SARIF.
runner="$work/runner"
mkdir -p "$runner/temp" && : >"$runner/path" && : >"$runner/output"
grep -q 'action-steps.sh" install' action.yml && grep -q 'action-steps.sh" lint' action.yml ||
  fail "action.yml does not run scripts/action-steps.sh install and lint"
if RUNNER_TEMP="$runner/temp" GITHUB_PATH="$runner/path" SAMSHIFT_RELEASE_URL="file://$PWD/dist" \
  scripts/action-steps.sh install >"$work/action.out" 2>&1; then
  PATH="$(cat "$runner/path"):/usr/bin:/bin" INPUT_PATHS="examples" INPUT_ARGS="--fail-level error" \
    INPUT_SARIF_FILE="$work/samshift.sarif" GITHUB_OUTPUT="$runner/output" \
    scripts/action-steps.sh lint >>"$work/action.out" 2>&1
  status=$?
  if [ "$status" -eq 1 ] && grep -q '"version": "2.1.0"' "$work/samshift.sarif" &&
    grep -qx "exit-code=1" "$runner/output"; then
    pass "action: install and lint steps write SARIF from the release"
  else
    fail "action: lint step exited $status: $(cat "$work/action.out")"
  fi
else
  fail "action: install step: $(cat "$work/action.out")"
fi

# The image: run it where the engine can start containers; where it cannot (a sandbox that denies
# the runtime its setrlimit calls, say), export the image's filesystem and run that in a chroot, so
# that what is checked is still the image's own content.
for engine in docker podman; do
  if command -v "$engine" >/dev/null 2>&1 && "$engine" info >/dev/null 2>&1; then
    if "$engine" run --rm -v "$PWD/examples:/src:ro" "samshift:$version" lint --color never \
      clean-service.yaml >"$work/image.out" 2>&1; then
      pass "image: $engine run samshift lint"
    elif grep -q "OCI permission denied\|operation not permitted" "$work/image.out" &&
      [ "$(id -u)" -eq 0 ]; then
      container=$("$engine" create "samshift:$version")
      mkdir -p "$work/image"
      "$engine" export "$container" | tar -x -C "$work/image"
      "$engine" rm "$container" >/dev/null
      mkdir -p "$work/image/src" && cp examples/* "$work/image/src/"
      files=$(cd "$work/image" && find . -type f ! -path './src/*' | sort | tr '\n' ' ')
      if [ "$files" = "./usr/bin/samshift " ] &&
        (cd / && chroot "$work/image" /usr/bin/samshift lint --color never /src/clean-service.yaml) \
          >>"$work/image.out" 2>&1; then
        pass "image: built by $engine; holds only /usr/bin/samshift, which runs (chroot: $engine cannot start containers here)"
      else
        fail "image: exported $engine image ($files): $(cat "$work/image.out")"
      fi
    else
      fail "image: $engine run samshift:$version: $(cat "$work/image.out")"
    fi
    break
  fi
done
[ -f dist/docker/Dockerfile ] && grep -q '^FROM scratch' dist/docker/Dockerfile ||
  fail "no dist/docker/Dockerfile FROM scratch"

exit $failed
