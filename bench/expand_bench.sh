#!/bin/sh
# Per-process time of `samshift expand` over the in-scope SAM translator fixtures (goal: median
# and p90 at most 5 ms). Each fixture is expanded RUNS times (default 10) as a fresh process,
# the way CI and editors call it. It reports wall-clock time of whole processes and, because wall
# time on a loaded machine mostly measures the scheduler, their CPU time (user + system) too.
#
# usage: bench/expand_bench.sh [SAMSHIFT] [CORPUS]
#   SAMSHIFT  the binary (default build/samshift)
#   CORPUS    the sam-translator corpus (default ../shared/corpus/sam-translator)
set -eu
tool=${1:-build/samshift}
corpus=${2:-../shared/corpus/sam-translator}
runs=${RUNS:-10}
[ -x "$tool" ] || { echo "expand_bench: no executable $tool" >&2; exit 2; }
[ -f "$corpus/in-scope.txt" ] || { echo "expand_bench: no $corpus/in-scope.txt" >&2; exit 2; }
exec python3 - "$tool" "$corpus" "$runs" <<'PY'
import os, subprocess, sys, time
tool, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = [n for n in open(f"{corpus}/in-scope.txt").read().split() if n]
times = []
cpu = []
devnull = open(os.devnull, "w")
for name in names:
    cmd = [tool, "expand", "--region", "ap-southeast-1", "--parameter-overrides", "param1=value1",
           "param2=value2", f"{corpus}/input/{name}.yaml"]
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=devnull, stderr=devnull)
        _, _, usage = os.wait4(child.pid, 0)
        times.append((time.perf_counter() - start) * 1000.0)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000.0)
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]
print(f"expand: {len(names)} fixtures x {runs} runs = {len(times)} processes (goal <= 5 ms)")
print(f"wall  median {pct(times, 50):.2f} ms  p90 {pct(times, 90):.2f} ms  max {max(times):.2f} ms")
print(f"cpu   median {pct(cpu, 50):.2f} ms  p90 {pct(cpu, 90):.2f} ms  max {max(cpu):.2f} ms")
print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
PY
