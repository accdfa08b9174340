#!/bin/sh
# Installs what samshift needs to build on Debian 12 (only the missing packages), then builds it
# into ./build. Safe to run again: it only installs and configures what is not there yet.
#
# Arguments are Meson options for the build directory, e.g. `-Dtests=false` to build only the
# binary and its manual pages (no test suite, no Catch2): what a user who wants samshift needs.
set -eu
cd "$(dirname "$0")/.."

packages="g++ meson ninja-build pkg-config libyaml-cpp-dev rapidjson-dev libvalijson-dev libre2-dev libssl-dev libyaml-dev"
case " $* ${SAMSHIFT_MESON_OPTIONS:-} " in
  *" -Dtests=false "*) ;;
  *) packages="$packages catch2" ;;
esac
packages="$packages ${SAMSHIFT_EXTRA_PACKAGES:-}"

missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
  echo "samshift: installing$missing" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
fi

builddir="${SAMSHIFT_BUILD_DIR:-build}"
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" ${SAMSHIFT_MESON_OPTIONS:-} "$@" >&2
elif [ $# -gt 0 ]; then
  meson configure "$builddir" "$@" >&2
fi
meson compile -C "$builddir" >&2
