#!/usr/bin/env bash
# Load test of the A2A filter over real HTTP: wrk throughput on message/send and on a tasks/get
# poll answered with a 2 KiB task, and the first server-sent event latency of message/stream,
# with genai-tracing off and on (content off). Spring Boot's tracing is on in both arms: Boot's
# HTTP server spans (and, on, the starter's) are exported over OTLP/HTTP to a discarding sink.
# The arms alternate for ROUNDS rounds, each arm a fresh JVM, in turn first and second (off, on;
# on, off; off, on; …) so that a drift of the machine within a round favours neither.
# Results, one line per run and the ratios of the sums: benchmarks/results/a2a-load.txt.
#
#   ./benchmarks/load/a2a-load.sh [duration-seconds] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
ROUNDS="${3:-3}"
SINK_PORT="${SINK_PORT:-14318}"
# warm-up rounds (5 s send, 5 s poll, 300 streams each) last until the JIT has settled (the
# compiler threads use under JIT_SETTLED_PERCENT % of a round's CPU and nothing waits in the
# compile queues after it: common.sh), at most MAX_WARM_ROUNDS rounds; before the first-event
# probe, the stream path alone is warmed the same way (500 streams a round)
MAX_WARM_ROUNDS="${MAX_WARM_ROUNDS:-30}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/a2a-load.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

run_mode() {
  local name="$1" round="$2"; shift 2
  start_target "benchmarks/results/a2a-load-$name.log" "http://127.0.0.1:$SINK_PORT/v1/traces" "$@"
  warm_until_settled "$MAX_WARM_ROUNDS" a2a_warm_round
  local send_out get_out sse_out
  local c0 j0 c1 j1 c2 j2 dropped_warm dropped_runs
  dropped_warm=$(dropped_spans "benchmarks/results/a2a-load-$name.log")
  c0=$(cpu_ticks); j0=$(cpu_ticks C2)
  send_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT/a2a)"
  c1=$(cpu_ticks); j1=$(cpu_ticks C2)
  get_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/load/tasks-get.lua http://127.0.0.1:$APP_PORT/a2a)"
  c2=$(cpu_ticks); j2=$(cpu_ticks C2)
  sleep 1
  dropped_runs=$(dropped_spans "benchmarks/results/a2a-load-$name.log")
  # the application's CPU time per request (all its threads: requests, export, GC, JIT),
  # and the JIT's part of it: less sensitive than req/s to other processes on the machine
  local cpu_out
  cpu_out="send_cpu_us=$(cpu_us_per_request "$c0" "$c1" "$(echo "$send_out" | wrk_requests)") send_jit_us=$(cpu_us_per_request "$j0" "$j1" "$(echo "$send_out" | wrk_requests)") get_cpu_us=$(cpu_us_per_request "$c1" "$c2" "$(echo "$get_out" | wrk_requests)") get_jit_us=$(cpu_us_per_request "$j1" "$j2" "$(echo "$get_out" | wrk_requests)")"
  # the stream path compiles mostly now: under wrk the compiler had little of the processor, and
  # a probe measured while it compiles measures the compiler (sequential streams leave it the CPU)
  local warm_rounds=$WARM_ROUNDS warm_state=$WARM_STATE
  warm_until_settled "$MAX_WARM_ROUNDS" a2a_stream_warm_round
  local stream_warm="stream_warmup_rounds=$WARM_ROUNDS $(echo "$WARM_STATE" | sed 's/\([a-z_]*\)=/last_stream_warmup_\1=/g')"
  local c3 c4
  c3=$(cpu_ticks)
  sse_out="$($PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT/a2a 200 2000)"
  c4=$(cpu_ticks)
  # the application's CPU time per stream (three events each), probe warm-up included
  cpu_out="$cpu_out stream_cpu_us=$(cpu_us_per_request "$c3" "$c4" 2200)"
  for out in "$send_out" "$get_out"; do
    if echo "$out" | grep -q "Non-2xx"; then
      echo "$name: wrk saw error responses:"; echo "$out"; exit 1
    fi
  done
  # spans the batch span processor dropped in the measured runs (at saturation the faster arm
  # drops more and so exports less): counted from the end of the warm-up to the end of tasks/get
  echo "$name round=$round dropped_in_warmup=$dropped_warm dropped=$((dropped_runs - dropped_warm)) warmup_rounds=$warm_rounds $(echo "$warm_state" | sed 's/\([a-z_]*\)=/last_warmup_\1=/g') $stream_warm send_$(echo "$send_out" | wrk_summary | sed 's/ / send_/g') get_$(echo "$get_out" | wrk_summary | sed 's/ / get_/g') $cpu_out $sse_out" | tee -a "$OUT"
  stop_target
}

# EXTRA_ARMS adds arms after `on` in every round, each NAME:ARGUMENT[,ARGUMENT…], e.g.
# EXTRA_ARMS="bridge:--genai.tracing.export.direct=false" (the starter without one of its parts)
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then
    run_mode off "$round" --genai.tracing.enabled=false
    run_mode on "$round" --genai.tracing.enabled=true
  else
    run_mode on "$round" --genai.tracing.enabled=true
    run_mode off "$round" --genai.tracing.enabled=false
  fi
  for arm in ${EXTRA_ARMS:-}; do
    # shellcheck disable=SC2046
    run_mode "${arm%%:*}" "$round" --genai.tracing.enabled=true $(echo "${arm#*:}" | tr ',' ' ')
  done
done

awk '
  { arms[$1] = 1; for (i = 3; i <= NF; i++) { split($i, kv, "="); sum[$1, kv[1]] += kv[2] } }
  END {
    for (arm in arms) {
      printf "%s: spans dropped in the measured runs %d\n", arm, sum[arm, "dropped"]
      if (arm == "off") continue
      printf "%s / off, ratio of the sums over all rounds: message/send throughput %.3f, tasks/get throughput %.3f, first SSE event median %.3f; CPU per request message/send %.3f, tasks/get %.3f, stream %.3f\n", arm,
        sum[arm, "send_rps"] / sum["off", "send_rps"], sum[arm, "get_rps"] / sum["off", "get_rps"],
        sum[arm, "median"] / sum["off", "median"], sum[arm, "send_cpu_us"] / sum["off", "send_cpu_us"],
        sum[arm, "get_cpu_us"] / sum["off", "get_cpu_us"], sum[arm, "stream_cpu_us"] / sum["off", "stream_cpu_us"]
    }
  }' "$OUT" | tee -a "$OUT"
