#!/usr/bin/env bash
# Load test of the A2A filter's whole cost inside one JVM: the load target serves the same
# endpoint at /a2a, which the A2A filter traces, and at /untraced, outside its paths (the starter
# is on for both: Spring Boot's HTTP server span, the starter's export; only the filter differs).
# Short runs on the two paths alternate (untraced, traced, traced, untraced, …): the JIT, the heap
# and the machine's drift are the same for both, which two JVMs minutes apart never are. Each
# alternation measures wrk throughput on message/send and on a tasks/get poll answered with a
# 2 KiB task, and the first server-sent event latency of message/stream. JVMS fresh JVMs, each
# warmed on both paths until its JIT settled. The ratio traced ÷ untraced is the filter's cost,
# a lower bound of on ÷ off (the untraced path has the starter's cheaper export, see
# docs/performance.md). Results, one line per path and alternation and the ratios of the sums:
# benchmarks/results/a2a-same-jvm-load.txt.
#
#   ./benchmarks/load/a2a-same-jvm-load.sh [duration-seconds] [connections] [jvms] [alternations]
#
# TARGET_ARGS adds arguments to the load target (e.g. --genai.tracing.a2a.layout=server).
# SSE_MODE=interleaved (the default) measures the first event once per alternation with the
# streams of both paths interleaved one by one (untraced, traced, traced, untraced, …), so that
# both are measured at the same moments; SSE_MODE=separate runs a probe per path and run.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-5}"
CONNECTIONS="${2:-16}"
JVMS="${3:-1}"
ALTERNATIONS="${4:-8}"
SINK_PORT="${SINK_PORT:-14318}"
MAX_WARM_ROUNDS="${MAX_WARM_ROUNDS:-30}"
SSE_WARM="${SSE_WARM:-50}"
SSE_COUNT="${SSE_COUNT:-300}"
SSE_MODE="${SSE_MODE:-interleaved}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/a2a-same-jvm-load.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
declare -A PATHS=([untraced]=/untraced [traced]=/a2a)

# measure NAME JVM ALTERNATION: one short run of each load on that path, one result line
measure() {
  local figures
  figures="$(a2a_measure "http://127.0.0.1:$APP_PORT${PATHS[$1]}")" || exit 1
  echo "$1 jvm=$2 alternation=$3 $figures" | tee -a "$OUT"
}

# measure_streams JVM ALTERNATION: the first-event probe with both paths' streams interleaved
# (1: untraced, 2: traced), one result line
measure_streams() {
  local figures
  figures="$(interleaved_probe "http://127.0.0.1:$APP_PORT${PATHS[untraced]}" "http://127.0.0.1:$APP_PORT${PATHS[traced]}")" || exit 1
  echo "streams jvm=$1 alternation=$2 $figures" | tee -a "$OUT"
}

for jvm in $(seq 1 "$JVMS"); do
  # shellcheck disable=SC2086
  start_target benchmarks/results/a2a-same-jvm-load.log "http://127.0.0.1:$SINK_PORT/v1/traces" ${TARGET_ARGS:-}
  warm_until_settled "$MAX_WARM_ROUNDS" a2a_warm_round /untraced /a2a
  warm="$WARM_ROUNDS $WARM_STATE"
  warm_until_settled "$MAX_WARM_ROUNDS" a2a_stream_warm_round /untraced /a2a
  echo "# jvm $jvm: warm-up rounds $warm; stream warm-up rounds $WARM_ROUNDS $WARM_STATE" | tee -a "$OUT"
  for alt in $(seq 1 "$ALTERNATIONS"); do
    if [ $((alt % 2)) -eq 1 ]; then order=(untraced traced); else order=(traced untraced); fi
    for name in "${order[@]}"; do measure "$name" "$jvm" "$alt"; done
    if [ "$SSE_MODE" = interleaved ]; then measure_streams "$jvm" "$alt"; fi
  done
  stop_target
done

awk '
  /^#/ || $1 == "streams" { next }
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); sum[$1, kv[1]] += kv[2] } }
  END {
    printf "traced / untraced, ratio of the sums over all alternations: message/send throughput %.3f, tasks/get throughput %.3f; CPU per request message/send %.3f, tasks/get %.3f\n",
      sum["traced", "send_rps"] / sum["untraced", "send_rps"], sum["traced", "get_rps"] / sum["untraced", "get_rps"],
      sum["traced", "send_cpu_us"] / sum["untraced", "send_cpu_us"], sum["traced", "get_cpu_us"] / sum["untraced", "get_cpu_us"]
    if (sum["untraced", "median"] > 0)
      printf "first SSE event median, separate probes: ratio of the sums %.3f; CPU per stream %.3f\n",
        sum["traced", "median"] / sum["untraced", "median"], sum["traced", "stream_cpu_us"] / sum["untraced", "stream_cpu_us"]
  }' "$OUT" | tee -a "$OUT"
interleaved_summary "$OUT" untraced traced | tee -a "$OUT"
