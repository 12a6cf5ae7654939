#!/usr/bin/env bash
# Load test of the A2A filter over real HTTP: wrk throughput on message/send and the first
# server-sent event latency of message/stream, with genai-tracing off, on with content
# off, and on with content on. Spans (and Boot's HTTP server spans, in every mode) are
# exported over OTLP/HTTP to a discarding sink. Results: benchmarks/results/a2a-load.txt.
#
#   ./benchmarks/load/a2a-load.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
SINK_PORT=14318
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/a2a-load.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

run_mode() {
  local name="$1"; shift
  start_target "benchmarks/results/a2a-load-$name.log" "http://127.0.0.1:$SINK_PORT/v1/traces" "$@"
  # warm-up: JIT and pools
  $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d10s -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a > /dev/null
  $PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT/a2a 500 0 > /dev/null 2>&1 || true
  local wrk_out sse_out
  wrk_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a)"
  sse_out="$($PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT/a2a 200 2000)"
  if echo "$wrk_out" | grep -q "Non-2xx"; then
    echo "$name: wrk saw error responses:"; echo "$wrk_out"; exit 1
  fi
  echo "$name $(echo "$wrk_out" | wrk_summary) $sse_out" | tee -a "$OUT"
  stop_target
}

run_mode off --genai.tracing.enabled=false
run_mode on-content-off --genai.tracing.enabled=true
run_mode on-content-on --genai.tracing.enabled=true --genai.tracing.capture-content=span

awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } modes[++n] = $1 }
  END {
    for (i = 2; i <= n; i++) {
      printf "%s / off: throughput %.3f, first SSE event median %.3f\n", modes[i],
        v[modes[i], "rps"] / v["off", "rps"], v[modes[i], "median"] / v["off", "median"]
    }
  }' "$OUT" | tee -a "$OUT"
