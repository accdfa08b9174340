#!/bin/bash
# Standard input costs no more than the largest template allowed (64 MiB), however much is
# offered: samshift reads one block past the limit and stops. Peak RSS and wall time of
# `samshift plan -` and `samshift lint -` fed N MiB of blanks (before the bounded reader, 1 GiB
# took 2 GB and 30 s, and an endless stream all the memory there was).
#   bench/scaling/stdin_limit.sh [SAMSHIFT]        prints measure<TAB>figure<TAB>goal
set -euo pipefail
samshift=$(realpath "${1:-build/samshift}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for command in plan lint; do
  for mib in 16 64 256 1024; do
    head -c "${mib}M" /dev/zero | tr '\0' ' ' |
      /usr/bin/time -f '%M %e' -o "$work/time" "$samshift" "$command" - >/dev/null 2>&1 || true
    read -r kib seconds < <(tail -n 1 "$work/time")  # after "Command exited with ..."
    printf '%s - fed %s MiB: peak RSS\t%s MB\t<= 80 MB\n' "$command" "$mib" "$((kib / 1024))"
    printf '%s - fed %s MiB: wall time\t%s s\t\n' "$command" "$mib" "$seconds"
  done
done
