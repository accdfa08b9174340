#!/bin/sh
# Growth of `samshift lsp` in what a client controls (limits in src/lsp/limits.h): edits in one
# didChange (wall time and instructions), buffer size (time to diagnostics, peak memory, and a
# buffer grown past the 64 MiB limit), and hover as the template grows in API routes.
# Prints `measure<TAB>figure<TAB>goal` lines. usage: bench/scaling/lsp.sh [SAMSHIFT] [--quick]
set -eu
here=$(dirname "$0")
binary=${1:-build/samshift}
[ $# -gt 0 ] && shift
exec python3 "$here/../lsp_scaling.py" "$binary" "$@"
