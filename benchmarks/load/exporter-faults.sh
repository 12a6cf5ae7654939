#!/usr/bin/env bash
# Exporter faults under load: the A2A load target with tracing on (content off) exporting to
# a healthy OTLP receiver, to a closed port, and to a receiver that accepts connections and
# never answers. Reports wrk throughput and latency, their ratio to the healthy run, error
# responses (there must be none), and the heap used after a full GC at the end of each run.
# Results: benchmarks/results/exporter-faults.txt.
#
#   ./benchmarks/load/exporter-faults.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
APP_PORT=18080
HEALTHY_PORT=14318
STALLING_PORT=14319
CLOSED_PORT=14320
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
mvn -B -q install -DskipTests
(cd genai-tracing-benchmarks && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
CP="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
mkdir -p benchmarks/results
OUT=benchmarks/results/exporter-faults.txt
: > "$OUT"
PIN_APP="taskset -c 1"
PIN_LOAD="taskset -c 0"
command -v taskset >/dev/null || { PIN_APP=""; PIN_LOAD=""; }
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$HEALTHY_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.StallingOtlpSink "$STALLING_PORT" > benchmarks/results/stalling-sink.log 2>&1 &
STALL=$!
trap 'kill $SINK $STALL 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

run_mode() {
  local name="$1" port="$2"
  $PIN_APP java -Xmx512m -XX:ActiveProcessorCount=1 -cp "$CP" io.github.genaitracing.benchmarks.load.A2aLoadTarget \
    --server.port=$APP_PORT --spring.main.banner-mode=off --logging.level.root=WARN \
    --logging.level.io.opentelemetry=OFF \
    --management.tracing.sampling.probability=1.0 \
    --management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:$port/v1/traces \
    --management.opentelemetry.tracing.export.otlp.timeout=2s \
    --management.otlp.metrics.export.enabled=false \
    --spring.application.name=load-agent > "benchmarks/results/exporter-faults-$name.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":0,"method":"message/send","params":{"message":{"kind":"message","messageId":"w","role":"user","contextId":"w","parts":[{"kind":"text","text":"w"}]}}}' \
      http://127.0.0.1:$APP_PORT/a2a && break
    sleep 0.5
  done
  $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d10s -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a > /dev/null
  local wrk_out
  wrk_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a)"
  local errors="0"
  if echo "$wrk_out" | grep -q "Non-2xx\|Socket errors"; then
    errors="$(echo "$wrk_out" | grep -E "Non-2xx|Socket errors" | tr -s ' ' | tr '\n' ' ')"
  fi
  jcmd $APP GC.run > /dev/null 2>&1 || true
  local heap
  # young + old generation (Serial GC on one processor) or the G1 heap, after a full GC
  heap="$(jcmd $APP GC.heap_info 2>/dev/null | awk '/generation|heap/ && !/Metaspace|class space/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } }
    END { printf "%.1fMB", sum / 1024 }')"
  local rps p50 p99
  rps="$(echo "$wrk_out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$wrk_out" | awk '$1=="50%" {print $2}')"
  p99="$(echo "$wrk_out" | awk '$1=="99%" {print $2}')"
  echo "$name rps=$rps p50=$p50 p99=$p99 heap-after-gc=$heap errors=$errors" | tee -a "$OUT"
  kill $APP; wait $APP 2>/dev/null || true
  APP=""
}

run_mode healthy $HEALTHY_PORT
run_mode closed-port $CLOSED_PORT
run_mode stalling $STALLING_PORT

awk '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } modes[++n] = $1 }
  END {
    for (i = 2; i <= n; i++) {
      printf "%s / healthy: throughput %.3f, p50 latency %.3f, p99 latency %.3f\n", modes[i],
        v[modes[i], "rps"] / v["healthy", "rps"], ms(v[modes[i], "p50"]) / ms(v["healthy", "p50"]),
        ms(v[modes[i], "p99"]) / ms(v["healthy", "p99"])
    }
  }' "$OUT" | tee -a "$OUT"
