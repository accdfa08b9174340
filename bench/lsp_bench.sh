#!/bin/sh
# didChange -> publishDiagnostics latency on a 5,000-line template and peak memory after 1,000
# edits, for `samshift lsp`. usage: bench/lsp_bench.sh [SAMSHIFT_BINARY]  (default build/samshift)
# Exits 1 when a goal (median <= 20 ms, peak <= 30 MB) is missed.
set -eu
here=$(dirname "$0")
exec python3 "$here/lsp_bench.py" "${1:-build/samshift}" --lines 5000 --edits 1000
