#!/usr/bin/env python3
"""Latency and memory of `samshift lsp` while a user types.

Opens a generated 5,000-line SAM template, then sends 1,000 incremental didChange edits one at
a time, each waiting for the publishDiagnostics of its version, and reports the median and the
95th percentile of didChange -> publishDiagnostics, and the server's peak resident memory
(VmHWM) after the edits. Then, for each request a user makes while reading (hover, definition,
references, prepareRename, rename, documentSymbol, codeLens, `!GetAtt` completion), the latency
of the request right after an edit (so that it pays for what the edit invalidated), and the peak
memory again. Goals: median <= 20 ms for each, peak <= 30 MB.

usage: bench/lsp_bench.py [SAMSHIFT_BINARY] [--lines N] [--edits N]
"""

import json
import os
import statistics
import subprocess
import sys
import time


def published_function(i):
    """The first lines of function Fn{i}, published to alias `live` and shifted by a canary
    deployment; callers add keys under its DeploymentPreference or Properties."""
    return [
        f"  Fn{i}:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        f"      CodeUri: s3://bucket/fn{i}.zip",
        "      AutoPublishAlias: live",
        "      DeploymentPreference:",
        "        Type: Canary10Percent5Minutes",
    ]


def template(lines):
    """A valid SAM template of exactly `lines` lines: functions with canary deployments, alarms,
    queues and references between them, padded with queues."""
    out = ["Transform: AWS::Serverless-2016-10-31", "Resources:"]
    i = 0
    while True:
        block = published_function(i) + [
            "        Alarms:",
            f"          - !Ref Alarm{i}",
            "      Environment:",
            "        Variables:",
            f"          QUEUE: !Ref Queue{i}",
            f"          NAME: !GetAtt Queue{i}.QueueName",
            f"  Queue{i}:",
            "    Type: AWS::SQS::Queue",
            f"  Alarm{i}:",
            "    Type: AWS::CloudWatch::Alarm",
            "    Properties:",
            "      Namespace: AWS/Lambda",
            "      MetricName: Errors",
            "      Statistic: Sum",
            "      Period: 60",
            "      EvaluationPeriods: 1",
            "      Threshold: 1",
            "      ComparisonOperator: GreaterThanOrEqualToThreshold",
        ]
        if len(out) + len(block) > lines:
            break
        out += block
        i += 1
    pad = 0
    while len(out) + 2 <= lines:
        out += [f"  Pad{pad}:", "    Type: AWS::SQS::Queue"]
        pad += 1
    if len(out) < lines:
        out.append("# end")
    return "\n".join(out) + "\n"


class Client:
    def __init__(self, command, stderr=None):
        """`command`: the server's argv, e.g. [binary, "lsp"]."""
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        self.out = self.proc.stdout

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.out.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.out.read(length))

    def wait_for_version(self, uri, version):
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params.get("version") == version:
                    return params


def read_response(client, request_id):
    while True:
        message = client.read()
        if message.get("id") == request_id and "method" not in message:
            return message


def request_latencies(client, uri, text, lines, version, rounds):
    """Per request method: the latencies of `rounds` requests, each sent after an edit has been
    published. Returns ({method: [ms]}, the next version)."""
    k = lines // 54 + 1  # the next function: the typing above broke the reference of `lines // 54`
    ref_line = text.count("\n", 0, text.index("QUEUE: !Ref Queue%d" % k))
    getatt_line = text.count("\n", 0, text.index("NAME: !GetAtt Queue%d" % k))
    on_ref = {"line": ref_line, "character": len("          QUEUE: !Ref Qu")}
    after_dot = {"line": getatt_line, "character": len("          NAME: !GetAtt Queue%d." % k)}
    doc = {"uri": uri}
    requests = {
        "hover": ("textDocument/hover", {"textDocument": doc, "position": on_ref}),
        "definition": ("textDocument/definition", {"textDocument": doc, "position": on_ref}),
        "references": ("textDocument/references", {"textDocument": doc, "position": on_ref,
                                                  "context": {"includeDeclaration": True}}),
        "prepareRename": ("textDocument/prepareRename", {"textDocument": doc, "position": on_ref}),
        "rename": ("textDocument/rename", {"textDocument": doc, "position": on_ref, "newName": "Renamed"}),
        "documentSymbol": ("textDocument/documentSymbol", {"textDocument": doc}),
        "codeLens": ("textDocument/codeLens", {"textDocument": doc}),
        "completion (!GetAtt X.)": ("textDocument/completion", {"textDocument": doc, "position": after_dot}),
    }
    # The edit: a character of a padding comment line far from the names asked about.
    edit_line = text.count("\n")
    out = {}
    request_id = 100
    for name, (method, params) in requests.items():
        out[name] = []
        for n in range(rounds):
            change = {"range": {"start": {"line": edit_line, "character": 0},
                                "end": {"line": edit_line, "character": 0}}, "text": "#" if n % 2 == 0 else ""}
            if n % 2 == 1:
                change["range"]["end"]["character"] = 1
            client.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                         "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            client.wait_for_version(uri, version)
            version += 1
            request_id += 1
            begin = time.perf_counter()
            client.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
            response = read_response(client, request_id)
            out[name].append((time.perf_counter() - begin) * 1000)
            if "error" in response:
                raise SystemExit(f"{method}: {response['error']}")
    return out, version


def cpu_seconds(pid):
    # utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat).
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def main():
    args = sys.argv[1:]
    binary = "build/samshift"
    lines, edits = 5000, 1000
    while args:
        arg = args.pop(0)
        if arg == "--lines":
            lines = int(args.pop(0))
        elif arg == "--edits":
            edits = int(args.pop(0))
        else:
            binary = arg
    text = template(lines)
    uri = "file:///bench/template.yaml"
    client = Client([binary, "lsp"])
    client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    client.read()
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    first = client.wait_for_version(uri, 1)
    open_ms = (time.perf_counter() - start) * 1000
    # Type in the middle of the file: toggle one character of a queue reference, which changes
    # the findings (an unresolved reference appears and goes away).
    target = text.count("\n", 0, text.index("QUEUE: !Ref Queue%d" % (lines // 54)))
    column = len("          QUEUE: !Ref Queue")
    latencies = []
    cpu_before = cpu_seconds(client.proc.pid)
    for n in range(edits):
        version = n + 2
        new = "X" if n % 2 == 0 else "Q"
        change = {"range": {"start": {"line": target, "character": column},
                            "end": {"line": target, "character": column + 1}}, "text": new}
        begin = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        client.wait_for_version(uri, version)
        latencies.append((time.perf_counter() - begin) * 1000)
    peak = peak_kib(client.proc.pid)
    cpu_per_edit = (cpu_seconds(client.proc.pid) - cpu_before) * 1000 / edits
    per_request, _ = request_latencies(client, uri, text, lines, edits + 2, 50)
    peak_after_requests = peak_kib(client.proc.pid)
    client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    client.read()
    client.send({"jsonrpc": "2.0", "method": "exit", "params": None})
    code = client.proc.wait(timeout=10)
    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"template: {lines} lines, {len(text)} bytes; {len(first['diagnostics'])} findings when opened")
    print(f"didOpen -> publishDiagnostics: {open_ms:.1f} ms")
    print(f"didChange -> publishDiagnostics over {edits} edits: median {median:.2f} ms, p95 {p95:.2f} ms, "
          f"max {latencies[-1]:.2f} ms (goal: median <= 20 ms)")
    # Wall-clock latency includes waiting for a CPU on a busy machine; CPU time does not.
    print(f"server CPU time per edit (parse + lint + publish): {cpu_per_edit:.2f} ms; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"peak resident memory after {edits} edits: {peak / 1024:.1f} MB (goal: <= 30 MB)")
    print("request latency right after an edit, 50 each (goal: median <= 20 ms):")
    print("| request | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|")
    request_medians = []
    for name, times in per_request.items():
        times.sort()
        request_medians.append(statistics.median(times))
        print(f"| {name} | {statistics.median(times):.2f} | {times[int(len(times) * 0.95) - 1]:.2f} | {times[-1]:.2f} |")
    print(f"peak resident memory after the requests: {peak_after_requests / 1024:.1f} MB (goal: <= 30 MB)")
    print(f"server exit code: {code}")
    within = median <= 20 and max(request_medians) <= 20 and peak_after_requests <= 30 * 1024
    return 0 if within and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
