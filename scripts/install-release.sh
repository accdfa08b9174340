#!/bin/sh
# Installs the release of samshift whose version meson.build names into PREFIX (PREFIX/bin/samshift,
# manual pages and completions under PREFIX/share), from SAMSHIFT_RELEASE_URL (default: GitHub's
# release downloads; file:// for a local release directory such as dist/). Used by the
# pre-commit hook and the GitHub Action. Exits 1, installing nothing, when it cannot fetch it.
#   scripts/install-release.sh PREFIX
set -eu
prefix=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n "s/^ *version : '\([^']*\)'.*/\1/p" "$repo/meson.build" | head -n 1)
name="samshift-$version-linux-x86_64"
base="${SAMSHIFT_RELEASE_URL:-https://github.com/samshift/samshift/releases/download/v$version}"
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "install-release.sh: releases are for Linux x86-64" >&2; exit 1; }
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
if command -v curl >/dev/null 2>&1; then
  curl -fsSL "$base/$name.tar.gz" -o "$download/$name.tar.gz" || exit 1
else
  wget -q "$base/$name.tar.gz" -O "$download/$name.tar.gz" || exit 1
fi
tar -xzf "$download/$name.tar.gz" -C "$download"
"$download/$name/bin/samshift" --version >/dev/null
mkdir -p "$prefix"
for part in bin share; do
  [ ! -d "$download/$name/$part" ] || cp -R "$download/$name/$part" "$prefix/"
done
