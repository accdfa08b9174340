#!/usr/bin/env python3
"""Growth of `samshift lsp` in what a client controls: edits in one didChange, document size,
and hover as the template grows in API routes.

Each measure prints one line `measure<TAB>figure<TAB>goal`. Times are wall-clock milliseconds of
one request/response round trip (best of a few), taken by a client on the same machine; peak
memory is the server's VmHWM. Instruction counts come from running the server under callgrind
with collection on only inside the handler measured (didChange, hover), so they do not depend
on the machine's load.

usage: bench/lsp_scaling.py SAMSHIFT [--quick] [--no-callgrind]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from lsp_bench import Client, published_function


def routes_template(functions):
    """A SAM template of `functions` published functions, each with one Api event (one route)."""
    out = ["Transform: AWS::Serverless-2016-10-31", "Resources:"]
    for i in range(functions):
        out += published_function(i) + [
            "      Events:",
            "        Get:",
            "          Type: Api",
            "          Properties:",
            f"            Path: /route{i}",
            "            Method: get",
        ]
    return "\n".join(out) + "\n"


def padded_template(size):
    """A small template followed by comment lines up to `size` bytes."""
    text = routes_template(1)
    line = "# " + "x" * 77 + "\n"
    return text + line * max(0, (size - len(text)) // len(line))


class Server(Client):
    def __init__(self, binary, collect=None, debounce_ms=0):
        """`collect`: a function name pattern; the server runs under callgrind, counting only the
        instructions spent inside it (read them with instructions() after close())."""
        command = [binary, "lsp", "--debounce-ms", str(debounce_ms)]
        self.profile = None
        if collect:
            self.profile = tempfile.NamedTemporaryFile(suffix=".callgrind", delete=False).name
            command = ["valgrind", "--tool=callgrind", f"--toggle-collect={collect}",
                       f"--callgrind-out-file={self.profile}"] + command
        super().__init__(command, stderr=subprocess.DEVNULL)
        self.next_id = 100
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        self.wait_response(1)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def wait_response(self, request_id):
        while True:
            message = self.read()
            if message.get("id") == request_id and "method" not in message:
                return message

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait_response(self.next_id)

    def open(self, uri, text):
        self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})

    def change(self, uri, version, changes):
        self.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                   "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}})

    def peak_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return -1

    def close(self):
        try:
            self.request("shutdown", None)
            self.send({"jsonrpc": "2.0", "method": "exit", "params": None})
            self.proc.wait(timeout=600)
        except (ValueError, BrokenPipeError):
            self.proc.kill()
            self.proc.wait()

    def instructions(self):
        """Instructions counted inside the collected function (callgrind's totals)."""
        with open(self.profile) as profile:
            lines = [line for line in profile if line.startswith(("totals:", "summary:"))]
        os.unlink(self.profile)
        return int(lines[-1].split()[1])


def hover_session(binary, functions, hovers, collect=None):
    """Hovers `hovers` times on the last function's AutoPublishAlias (the version logical ID row);
    the first also builds the document's caches (its typed view, SAM's template-wide index), as
    the first request of any kind after an edit does. Returns the best wall time of the hovers
    after the first, and with `collect` the instructions of all of them."""
    server = Server(binary, collect)
    uri = "file:///bench/routes.yaml"
    text = routes_template(functions)
    server.open(uri, text)
    line = text.split("\n").index(f"  Fn{functions - 1}:") + 6
    position = {"textDocument": {"uri": uri}, "position": {"line": line, "character": 8}}
    server.request("textDocument/codeAction",  # lints once, so hovers time the hover alone
                   {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                             "end": {"line": 0, "character": 0}},
                    "context": {"diagnostics": []}})
    best = None
    for i in range(hovers):
        start = time.perf_counter()
        answer = server.request("textDocument/hover", position)
        elapsed = (time.perf_counter() - start) * 1000
        if i > 0:
            best = elapsed if best is None else min(best, elapsed)
        assert "Version" in json.dumps(answer), answer
    server.close()
    return best, (server.instructions() if collect else None)


def hover_ms(binary, functions, runs=3, collect=None):
    """A hover once the document's caches are built: the best wall time of `runs`, or with
    `collect` the instructions per hover (a session of 1 + runs hovers less one of a single)."""
    if not collect:
        return hover_session(binary, functions, 1 + runs)[0]
    _, first = hover_session(binary, functions, 1, collect)
    _, all_of_them = hover_session(binary, functions, 1 + runs, collect)
    return (all_of_them - first) // runs


def edits_ms(binary, edits, collect=None):
    """One didChange of `edits` one-character replacements spread over a 5,000-line buffer, then a
    completion request (answered without a lint; the debounce keeps the server from linting in
    between) to see when the change has been applied. With `collect`: the instructions."""
    server = Server(binary, collect, debounce_ms=10000)
    uri = "file:///bench/edits.yaml"
    text = routes_template(333)
    lines = text.split("\n")
    server.open(uri, text)
    changes = []
    seed = 12345
    for _ in range(edits):
        seed = (seed * 1103515245 + 12345) % (1 << 31)
        line = seed % (len(lines) - 1)
        if not lines[line]:
            continue
        character = seed // 7 % len(lines[line])
        changes.append({"range": {"start": {"line": line, "character": character},
                                  "end": {"line": line, "character": character + 1}}, "text": "x"})
    completion = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
    server.request("textDocument/completion", completion)
    start = time.perf_counter()
    server.change(uri, 2, changes)
    server.request("textDocument/completion", completion)
    elapsed = (time.perf_counter() - start) * 1000
    server.close()
    return server.instructions() if collect else elapsed


def open_ms(binary, size):
    """didOpen of a `size`-byte buffer until its first diagnostics, and the server's peak memory."""
    server = Server(binary)
    uri = "file:///bench/big.yaml"
    text = padded_template(size)
    start = time.perf_counter()
    server.open(uri, text)
    server.request("textDocument/codeAction",
                   {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                             "end": {"line": 0, "character": 0}},
                    "context": {"diagnostics": []}})
    elapsed = (time.perf_counter() - start) * 1000
    peak = server.peak_mib()
    server.close()
    return elapsed, peak


def growth_peak_mib(binary, inserts, size):
    """`inserts` didChange notifications, each inserting `size` bytes at the end of the buffer."""
    server = Server(binary)
    uri = "file:///bench/grow.yaml"
    server.open(uri, routes_template(1))
    chunk = ("# " + "y" * 77 + "\n") * (size // 80)
    for n in range(inserts):
        end = {"line": 100000000, "character": 0}
        server.change(uri, n + 2, [{"range": {"start": end, "end": end}, "text": chunk}])
    server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    peak = server.peak_mib()
    server.close()
    return peak


def row(measure, figure, goal=""):
    print(f"{measure}\t{figure}\t{goal}", flush=True)


def growth(label, unit, sizes, measure, goal, growth_goal):
    """One row per size, then the growth from the smallest to the largest."""
    figures = {size: measure(size) for size in sizes}
    for size in sizes:
        figure = figures[size]
        row(label.format(f"{size:,}") + f" ({unit})", f"{figure:,}" if isinstance(figure, int) else f"{figure:.1f}",
            goal)
    low, high = sizes[0], sizes[-1]
    row(label.format(f"{low:,} -> {high:,}") + f": growth ({unit})", f"{figures[high] / figures[low]:.1f}x",
        growth_goal(low, high))


def main():
    binary = sys.argv[1]
    quick = "--quick" in sys.argv
    callgrind = "--no-callgrind" not in sys.argv and shutil.which("valgrind") is not None
    edit_counts = [1000, 5000] if quick else [1000, 5000, 20000, 100000]
    linear = lambda low, high: f"<= {1.2 * high / low:.0f}x (linear)"
    edits = "lsp didChange of {} edits on a 5,000-line buffer"
    growth(edits, "ms", edit_counts, lambda n: edits_ms(binary, n), "", linear)
    if callgrind:
        growth(edits, "instructions", edit_counts,
               lambda n: edits_ms(binary, n, collect="samshift::lsp::Server::didChange*"), "", linear)
    for mib in ([1, 8] if quick else [1, 8, 32]):
        elapsed, peak = open_ms(binary, mib << 20)
        row(f"lsp didOpen of {mib} MiB until diagnostics (ms)", f"{elapsed:.0f}", "linear in size")
        row(f"lsp peak memory after opening {mib} MiB (MiB)", f"{peak:.0f}", "linear in size")
    inserts = 3 if quick else 12
    row(f"lsp peak memory after {inserts} inserts of 48 MiB (MiB)", f"{growth_peak_mib(binary, inserts, 48 << 20):.0f}",
        "bounded: the buffer is refused past 64 MiB")
    route_counts = [100, 200] if quick else [100, 200, 400, 800]
    flat = lambda low, high: "<= 2x (flat)"
    hovers = "lsp hover on AutoPublishAlias, {} API routes"
    growth(hovers, "ms", route_counts, lambda n: hover_ms(binary, n), "<= 20 ms", flat)
    if callgrind:
        growth(hovers, "instructions", route_counts,
               lambda n: hover_ms(binary, n, collect="samshift::lsp::Server::hover*"), "", flat)
        # The first hover after an edit also builds SAM's template-wide index: a sort of the resources, n log n.
        first = "lsp first hover on AutoPublishAlias after an edit, {} API routes"
        growth(first, "instructions", route_counts,
               lambda n: hover_session(binary, n, 1, "samshift::lsp::Server::hover*")[1], "",
               lambda low, high: f"<= {high / low * 1.5:.0f}x (n log n: SAM's order is a sort)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
