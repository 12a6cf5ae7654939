"""Sends the README's A2A request to a running sample and prints its GenAI span tree.

Usage: python3 .ci/sample_trace.py FRONT_PORT WEATHER_PORT

Reads the trace back from both agents' `genaitracing` actuator endpoints, checks the shape
the README promises (invoke_agent front-agent -> chat -> execute_tool get_forecast ->
invoke_agent weather-agent, execute_tool get_hourly_forecast -> tools/call get_hourly_forecast
over MCP, and the weather agent's own spans in the same trace: its agent span, and its MCP
server span with the tool under it) and prints
one line per span, "<depth><name> <kind> <status> [<attribute keys>]", siblings sorted, so that two runs of the
sample (JVM and AOT mode) can be compared with diff. Exits 1 with the reason when the shape
is wrong or the spans do not arrive within 60 s.
"""
import json
import urllib.error
import sys
import time
import urllib.request

README_REQUEST = {"jsonrpc": "2.0", "id": 1, "method": "message/send", "params": {"message": {
    "kind": "message", "messageId": "m1", "role": "user", "contextId": "conv-1",
    "parts": [{"kind": "text", "text": "What is the weather in Lisbon?"}]}}}


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return json.load(response)


def tree(spans):
    ids = {span["spanId"] for span in spans}
    children = {}
    for span in spans:
        parent = span.get("parentSpanId")
        children.setdefault(parent if parent in ids else None, []).append(span)
    lines = []
    ancestry = []

    def walk(parent, depth, ancestors):
        for span in sorted(children.get(parent, []), key=lambda s: (s["name"], s["kind"])):
            keys = ",".join(sorted(span.get("attributes", {})))
            lines.append("  " * depth + f'{span["name"]} {span["kind"]} {span["status"]} [{keys}]')
            ancestry.append((f'{span["name"]} {span["kind"]}', ancestors))
            walk(span["spanId"], depth + 1, ancestors + [span["name"]])

    walk(None, 0, [])
    return lines, ancestry


def fail(message):
    print(f"sample trace check FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    front, weather = sys.argv[1], sys.argv[2]
    request = urllib.request.Request(f"http://127.0.0.1:{front}/a2a", data=json.dumps(README_REQUEST).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = response.read().decode()
    if '"state":"completed"' not in answer.replace(" ", ""):
        fail(f"the A2A request did not complete: {answer[:500]}")
    deadline = time.monotonic() + 60
    previous = None
    front_ancestry_seen = []
    weather_ancestry_seen = []
    while time.monotonic() < deadline:
        traces = [t for t in get(front, "/actuator/genaitracing")["traces"] if t.get("conversationId") == "conv-1"]
        if traces:
            trace_id = traces[0]["traceId"]
            front_lines, front_ancestry = tree(get(front, f"/actuator/genaitracing/{trace_id}")["spans"])
            try:
                weather_lines, weather_ancestry = tree(get(weather, f"/actuator/genaitracing/{trace_id}")["spans"])
            except urllib.error.HTTPError:
                weather_lines, weather_ancestry = [], []
            current = (front_lines, weather_lines)
            front_ancestry_seen = front_ancestry
            weather_ancestry_seen = weather_ancestry
            # the root ends last: once it is kept, so is the rest (and the weather agent's
            # spans, which end before the tool that called it)
            root_kept = any(line.startswith("invoke_agent front-agent ") for line in front_lines)
            if root_kept and weather_lines and current == previous:
                break
            previous = current
        time.sleep(0.5)
    else:
        fail(f"the trace of conversation conv-1 did not settle within 60 s; last seen: {previous}")
    front_lines, weather_lines = previous
    front_ancestry = front_ancestry_seen
    text = "\n".join(front_lines)
    # (span, an ancestor it must have), as README.md draws the tree
    expected = [("invoke_agent front-agent SERVER", None),
                ("chat gpt-4o-mini CLIENT", "invoke_agent front-agent"),
                ("execute_tool get_forecast INTERNAL", "invoke_agent front-agent"),
                ("invoke_agent weather-agent CLIENT", "execute_tool get_forecast"),
                ("execute_tool get_hourly_forecast INTERNAL", "invoke_agent front-agent"),
                ("tools/call get_hourly_forecast CLIENT", "execute_tool get_hourly_forecast")]
    for span, ancestor in expected:
        if not any(name == span and (ancestor is None or ancestor in ancestors)
                   for name, ancestors in front_ancestry):
            fail(f"no span '{span}'" + (f" under '{ancestor}'" if ancestor else "")
                 + f" in the front agent's tree:\n{text}")
    weather_text = "\n".join(weather_lines)
    for span, ancestor in [("chat gpt-4o-mini CLIENT", "invoke_agent weather-agent"),
                           ("tools/call get_hourly_forecast SERVER", None),
                           ("execute_tool get_hourly_forecast INTERNAL", "tools/call get_hourly_forecast")]:
        if not any(name == span and (ancestor is None or ancestor in ancestors)
                   for name, ancestors in weather_ancestry_seen):
            fail(f"no span '{span}'" + (f" under '{ancestor}'" if ancestor else "")
                 + f" in the weather agent's tree of the same trace:\n{weather_text}")
    print("# front agent")
    print(text)
    print("# weather agent (same trace)")
    print("\n".join(weather_lines))


if __name__ == "__main__":
    main()
