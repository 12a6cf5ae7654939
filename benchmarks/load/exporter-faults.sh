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
HEALTHY_PORT=14318
STALLING_PORT=14319
CLOSED_PORT=14320
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/exporter-faults.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$HEALTHY_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.StallingOtlpSink "$STALLING_PORT" > benchmarks/results/stalling-sink.log 2>&1 &
STALL=$!
trap 'kill $SINK $STALL 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

run_mode() {
  local name="$1" port="$2"
  start_target "benchmarks/results/exporter-faults-$name.log" "http://127.0.0.1:$port/v1/traces" \
    --logging.level.io.opentelemetry=OFF --management.opentelemetry.tracing.export.otlp.timeout=2s
  $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d10s -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a > /dev/null
  local wrk_out
  wrk_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a)"
  local errors="0"
  if echo "$wrk_out" | grep -q "Non-2xx\|Socket errors"; then
    errors="$(echo "$wrk_out" | grep -E "Non-2xx|Socket errors" | tr -s ' ' | tr '\n' ' ')"
  fi
  echo "$name $(echo "$wrk_out" | wrk_summary) heap-after-gc=$(heap_mb)MB errors=$errors" | tee -a "$OUT"
  stop_target
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
