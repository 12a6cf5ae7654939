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
APP_PORT=18080
SINK_PORT=14318
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
mvn -B -q install -DskipTests
(cd genai-tracing-benchmarks && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
CP="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
mkdir -p benchmarks/results
OUT=benchmarks/results/a2a-load.txt
: > "$OUT"

# The application gets CPU 1; wrk, the SSE probe and the OTLP sink share CPU 0, so that the
# load generator does not steal the application's cycles (2-core machine).
PIN_APP="taskset -c 1"
PIN_LOAD="taskset -c 0"
command -v taskset >/dev/null || { PIN_APP=""; PIN_LOAD=""; }
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

run_mode() {
  local name="$1"; shift
  $PIN_APP java -Xmx512m -XX:ActiveProcessorCount=1 -cp "$CP" io.github.genaitracing.benchmarks.load.A2aLoadTarget \
    --server.port=$APP_PORT --spring.main.banner-mode=off --logging.level.root=WARN \
    --management.tracing.sampling.probability=1.0 \
    --management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:$SINK_PORT/v1/traces \
    --management.otlp.metrics.export.enabled=false \
    --spring.application.name=load-agent "$@" > "benchmarks/results/a2a-load-$name.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":0,"method":"message/send","params":{"message":{"kind":"message","messageId":"w","role":"user","contextId":"w","parts":[{"kind":"text","text":"w"}]}}}' \
      http://127.0.0.1:$APP_PORT/a2a && break
    sleep 0.5
  done
  # warm-up: JIT and pools
  $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d10s -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a > /dev/null
  $PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT/a2a 500 0 > /dev/null 2>&1 || true
  local wrk_out sse_out
  wrk_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a)"
  sse_out="$($PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT/a2a 200 2000)"
  if echo "$wrk_out" | grep -q "Non-2xx"; then
    echo "$name: wrk saw error responses:"; echo "$wrk_out"; exit 1
  fi
  local rps p50 p99
  rps="$(echo "$wrk_out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$wrk_out" | awk '$1=="50%" {print $2}')"
  p99="$(echo "$wrk_out" | awk '$1=="99%" {print $2}')"
  echo "$name rps=$rps p50=$p50 p99=$p99 $sse_out" | tee -a "$OUT"
  kill $APP; wait $APP 2>/dev/null || true
  APP=""
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
