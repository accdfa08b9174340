#!/bin/sh
# Memory and time of lint, expand and plan on adversarial shapes of 1, 6 and 60 MB; docs/limits.md
# gives the memory model these figures check. One line per measure: measure<TAB>figure<TAB>goal.
#   - peak RSS per shape, size and command, also as bytes of memory per byte of input (B/B);
#   - CPU seconds, and their growth from one size to the next (linear: the ratio of the sizes; a
#     shape that meets a loader limit before 60 MB stops there and grows less);
#   - with valgrind, lint's instruction count at 256 KiB and 1 MiB of each shape, and its growth
#     (linear: 4x), a figure the machine's load does not move;
#   - the text report of findings on one long line (a minified template, on a terminal): its
#     size and time for 2,000 and 20,000 findings.
#
# usage: bench/scaling/memory.sh [SAMSHIFT] [SIZES]
#   SAMSHIFT  the binary (default build/samshift); build/bench/samshift_bench beside it makes
#             the SAM-functions shape (without it that shape is skipped)
#   SIZES     input sizes in MB (default "1 6 60")
set -eu
tool=$(realpath "${1:-build/samshift}")
sizes=${2:-1 6 60}
[ -x "$tool" ] || { echo "memory.sh: no executable $tool" >&2; exit 2; }
generator="$(dirname "$tool")/bench/samshift_bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The inputs are written by a process of their own: Linux carries a process's peak RSS through
# fork and exec into the child's ru_maxrss, so the measuring process must stay small.
cat > "$work/make_input.py" <<'PY'
import subprocess, sys

# Each shape writes about `size` bytes (never more: past 64 MiB an input is refused whole). The
# dense ones make the most values per byte the loader allows (a value per 2 bytes); the others
# stress one quantity each.
def repeat(size, piece, head="", separator="", tail=""):
    parts, total, i = [], len(head) + len(tail), 0
    while True:
        part = piece(i)
        total += len(part) + (len(separator) if i else 0)
        if total > size:
            return head + separator.join(parts) + tail
        parts.append(part)
        i += 1

def flow_list(size):
    return repeat(size, lambda i: "0", "[", ",", "]\n")

def flow_map(size):
    return repeat(size, lambda i: "k%x: 0" % i, "{", ", ", "}\n")

def short_keys(size):
    return repeat(size, lambda i: "k%x: 0\n" % i)

def deep_nesting(size):
    return repeat(size, lambda i: "[" * 500 + "]" * 500, "[", ",", "]\n")

def short_forms(size):
    return repeat(size, lambda i: "!Ref a", "[", ",", "]\n")

def long_scalar(size):
    return "Description: " + "a" * (size - 15) + "\n"

def aliases(size):
    return repeat(size, lambda i: "- *b\n", "base: &b {x: 1, y: 2}\nitems:\n")

def minified_json(size):
    queue = ('"Q%d":{"Type":"AWS::SQS::Queue","Properties":{"QueueName":"q%d","DelaySeconds":5,'
             '"Tags":[{"Key":"team","Value":"a"},{"Key":"stage","Value":"prod"}]}}')
    return repeat(size, lambda i: queue % (i, i), '{"Resources":{', ",", "}}")

def sam_functions(size):
    generate = lambda n: subprocess.run([generator, "generate", str(n)], capture_output=True,
                                        text=True, check=True).stdout
    per_function = (len(generate(11)) - len(generate(1))) / 10
    return generate(max(1, int(size / per_function)))

def findings_on_one_line(count):
    queue = ('"Q%d":{"Type":"AWS::SQS::Queue","Properties":{"QueueName":"queue-%d",'
             '"RedrivePolicy":{"deadLetterTargetArn":{"Fn::GetAtt":["Missing%d","Arn"]}}}}')
    return '{"Resources":{' + ",".join(queue % (i, i, i) for i in range(count)) + "}}"

generator, shape, size, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(path, "w") as out:
    out.write(globals()[shape.replace("-", "_")](size))
PY

exec python3 - "$tool" "$generator" "$work" $sizes <<'PY'
import os, subprocess, sys

tool, generator, work, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4:]]
MB = 1 << 20
shapes = ["flow-list", "flow-map", "short-keys", "deep-nesting", "short-forms", "long-scalar",
          "aliases", "minified-json"] + (["sam-functions"] if os.access(generator, os.X_OK) else [])
# docs/limits.md: plan stays under 80 bytes a byte of input, lint under 100 (its rules keep
# lists of references beside the tree), expand under 160 (it builds the output template beside
# the input's); over the limits, they stop early.
goals = {"lint": 100, "plan": 80, "expand": 160}

def make_input(shape, size, path):
    subprocess.run([sys.executable, os.path.join(work, "make_input.py"), generator, shape,
                    str(size), path], check=True)

def run(command, path, options=(), output=os.devnull):
    with open(output, "w") as out, open(os.devnull, "w") as devnull:
        child = subprocess.Popen([tool, command, *options, path], stdout=out, stderr=devnull)
        _, status, usage = os.wait4(child.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime

def row(measure, figure, goal=""):
    print(f"{measure}\t{figure}\t{goal}", flush=True)

def instructions(command, path):
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", tool,
                             command, path], capture_output=True, text=True)
    for line in result.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    return None

callgrind = subprocess.run(["sh", "-c", "command -v valgrind"], capture_output=True).returncode == 0

for shape in shapes:
    cpu = {}
    for size in sizes:
        path = os.path.join(work, f"{shape}-{size}.{'json' if 'json' in shape else 'yaml'}")
        make_input(shape, size * MB, path)
        length = os.path.getsize(path)
        for command in ("lint", "expand", "plan"):
            code, rss, seconds = run(command, path)
            cpu[(command, size)] = seconds
            label = f"{command} {shape} {size} MB (exit {code})"
            row(f"{label}: peak RSS", f"{rss / MB:.0f} MiB = {rss / length:.1f} B/B",
                f"<= {goals[command]} B/B")
            row(f"{label}: CPU", f"{seconds:.2f} s")
        os.remove(path)
    for command in ("lint", "expand", "plan"):
        for small, large in zip(sizes, sizes[1:]):
            before, after = cpu[(command, small)], cpu[(command, large)]
            if before >= 0.05:  # shorter times are mostly start-up and noise
                row(f"{command} {shape}: CPU growth {small} -> {large} MB", f"{after / before:.1f}x",
                    f"<= {large / small * 1.3:.0f}x")

    if callgrind:
        counts = {}
        for size in (256 << 10, MB):
            path = os.path.join(work, f"{shape}.{'json' if 'json' in shape else 'yaml'}")
            make_input(shape, size, path)
            counts[size] = instructions("lint", path)
            os.remove(path)
        if counts[256 << 10] and counts[MB]:
            row(f"lint {shape} 1 MiB: instructions", f"{counts[MB] / 1e6:.0f} M")
            row(f"lint {shape}: instruction growth 256 KiB -> 1 MiB",
                f"{counts[MB] / counts[256 << 10]:.2f}x", "<= 4.4x")

# An excerpt is at most 166 characters, and a finding's line a few hundred more at most.
for count in (2000, 20000):
    path, report = os.path.join(work, "findings.json"), os.path.join(work, "report.txt")
    make_input("findings-on-one-line", count, path)
    code, rss, seconds = run("lint", path, ("--color", "always"), report)
    label = f"lint --color always, {count} findings on one line of {os.path.getsize(path) / MB:.1f} MB"
    row(f"{label} (exit {code}): report size", f"{os.path.getsize(report) / MB:.2f} MiB",
        f"<= {count * 500 / MB:.2f} MiB")
    row(f"{label} (exit {code}): CPU", f"{seconds:.2f} s")
PY
