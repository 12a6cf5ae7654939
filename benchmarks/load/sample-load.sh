#!/usr/bin/env bash
# The sample application under load: wrk on the front agent's A2A message/send (each request:
# two chat calls to the scripted model over HTTP, two tools, an A2A call to the weather agent
# and its own chat call — all in the sample's one JVM) and the first-event latency of
# message/stream, with genai-tracing off and on (content capture off), alternating. Spans go
# over OTLP to a discarding receiver in every mode. Results: benchmarks/results/sample-load.txt.
# Each JVM is warmed in 10-s rounds until its JIT settles (its compiler threads idle and nothing
# queued after a round: common.sh) or for MAX_WARM_ROUNDS rounds (default 30): on one processor the
# sample's throughput still climbs after four minutes, and a JVM measured earlier is measured
# on its warm-up curve (the arm with more code to compile lags). The curve of every JVM is kept
# in benchmarks/results/sample-warmup.txt.
#
#   ./benchmarks/load/sample-load.sh [duration-seconds] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-8}"
ROUNDS="${3:-3}"
FRONT_PORT="${FRONT_PORT:-18090}"
WEATHER_PORT="${WEATHER_PORT:-18091}"
SINK_PORT="${SINK_PORT:-14318}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
LOAD_MODULES=sample-agent-app
. benchmarks/load/common.sh
SAMPLE_CP="$(cat sample-agent-app/target/classpath.txt):sample-agent-app/target/classes"
OUT=benchmarks/results/sample-load.txt
WARMUP_OUT=benchmarks/results/sample-warmup.txt
: > "$OUT"
: > "$WARMUP_OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

# one warm-up round: 10 s of wrk and 200 streams; each round's throughput, CPU per request and
# methods compiled go to benchmarks/results/sample-warmup.txt (the warm-up curve of each JVM)
warm_round() {
  local m0 c0 out
  m0=$(compiled_methods); c0=$(cpu_ticks)
  out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d10s -s benchmarks/load/message-send.lua http://127.0.0.1:$FRONT_PORT/a2a)"
  echo "$WARM_NAME round=$WARM_ROUND warm=$((WARM_ROUNDS + 1)) $(echo "$out" | wrk_summary) cpu_us=$(cpu_us_per_request "$c0" "$(cpu_ticks)" "$(echo "$out" | wrk_requests)") compiled=$(( $(compiled_methods) - m0 ))" >> "$WARMUP_OUT"
  $PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$FRONT_PORT/a2a 200 0 > /dev/null 2>&1 || true
}

run_mode() {
  local name="$1" round="$2"; shift 2
  $PIN_APP java -Xmx768m -XX:ActiveProcessorCount=1 -cp "$SAMPLE_CP" io.github.genaitracing.sample.SampleAgentApplication \
    --sample.front.port=$FRONT_PORT --sample.weather.port=$WEATHER_PORT --spring.main.banner-mode=off \
    --logging.level.root=WARN \
    --management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:$SINK_PORT/v1/traces \
    "$@" > "benchmarks/results/sample-load-$name.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$WARMUP_BODY" \
      http://127.0.0.1:$FRONT_PORT/a2a && break
    sleep 0.5
  done
  WARM_NAME="$name" WARM_ROUND="$round"
  warm_until_settled "${MAX_WARM_ROUNDS:-30}" warm_round
  local wrk_out sse_out c0 c1
  c0=$(cpu_ticks)
  wrk_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/message-send.lua http://127.0.0.1:$FRONT_PORT/a2a)"
  c1=$(cpu_ticks)
  sse_out="$($PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$FRONT_PORT/a2a 100 500)"
  if echo "$wrk_out" | grep -q "Non-2xx"; then
    echo "$name: wrk saw error responses:"; echo "$wrk_out"; exit 1
  fi
  echo "$name round=$round warmup_rounds=$WARM_ROUNDS $(echo "$wrk_out" | wrk_summary) cpu_us=$(cpu_us_per_request "$c0" "$c1" "$(echo "$wrk_out" | wrk_requests)") $sse_out" | tee -a "$OUT"
  stop_target
}

for round in $(seq 1 "$ROUNDS"); do
  run_mode off "$round" --genai.tracing.enabled=false
  run_mode on "$round" --genai.tracing.capture-content=none
done

awk '
  { for (i = 3; i <= NF; i++) { split($i, kv, "="); sum[$1, kv[1]] += kv[2] } }
  END {
    printf "on / off, ratio of the sums over all rounds: message/send throughput %.3f, first SSE event median %.3f, CPU per request %.3f\n",
      sum["on", "rps"] / sum["off", "rps"], sum["on", "median"] / sum["off", "median"], sum["on", "cpu_us"] / sum["off", "cpu_us"]
  }' "$OUT" | tee -a "$OUT"
