#!/usr/bin/env bash
# Load test of the A2A filter, arms side by side: the JVMs of all arms (default `off` and `on`)
# run at once on the application's processor, and short runs of each alternate over and over
# (off, on, on, off, off, on, …) while only one of them gets load. Each alternation measures wrk
# throughput on message/send and on a tasks/get poll answered with a 2 KiB task, and the first
# server-sent event latency of message/stream; the machine's slow drift (other tenants) then
# falls on every arm alike instead of on whichever JVM ran at that time. PAIRS fresh sets of
# JVMs, each warmed until its JIT settled, spread which JVM an arm gets; the arms are started and
# warmed in the order of ARMS in odd sets and in the reverse order in even ones (the JVM started first
# can read slower), so use an even number of sets. Spring Boot's tracing
# is on in every arm (Boot's HTTP server spans, and on, the starter's, exported over OTLP/HTTP to
# a discarding sink). Results, one line per arm and alternation and the ratios of the sums:
# benchmarks/results/a2a-paired-load.txt.
#
#   ./benchmarks/load/a2a-paired-load.sh [duration-seconds] [connections] [pairs] [alternations]
#
# ARMS overrides the arms, each NAME:ARGUMENT[,ARGUMENT…], the first the baseline, e.g.
# ARMS="off:--genai.tracing.enabled=false on:--genai.tracing.enabled=true,--genai.tracing.a2a.layout=server"
# SSE_MODE=interleaved (the default) measures the first event once per alternation with the
# streams of all arms interleaved one by one (off, on, on, off, …), so that every arm is measured
# at the same moments; SSE_MODE=separate runs a probe per arm and run. SSE_EVERY=N probes only every
# Nth alternation (default 1: every one): with one-second runs (`a2a-paired-load.sh 1 16 2 100`) the
# arms alternate every second, faster than the machine's slow phases come and go, and the probe's
# streams would take most of the time.
# Each line also gives the spans the arm's batch span processor dropped since its previous line
# (`dropped=`): at saturation the faster arm drops more and so exports less.
# LOAD_TRACEPARENT=1 gives every message/send and tasks/get request a caller's traceparent (the wrk
# scripts read it), as an instrumented caller sends; by default they carry none, as a first hop's.
# CP_FIRST_<NAME> (a directory or jar) goes ahead of that arm's class path: with the classes of
# another commit, the code before a change runs as an arm of its own.
# CODELIST_DIR=DIR keeps, at the end of each set, every arm's compiled methods (`jcmd PID
# Compiler.codelist`, in DIR/set-PAIR-NAME.txt): what the JIT made of each JVM, to compare a set
# whose ratio is low with one whose ratio is high.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-5}"
CONNECTIONS="${2:-16}"
PAIRS="${3:-2}"
ALTERNATIONS="${4:-8}"
SINK_PORT="${SINK_PORT:-14318}"
MAX_WARM_ROUNDS="${MAX_WARM_ROUNDS:-30}"
# first-event probe per alternation: warm-up streams, then measured streams
SSE_WARM="${SSE_WARM:-50}"
SSE_COUNT="${SSE_COUNT:-300}"
SSE_MODE="${SSE_MODE:-interleaved}"
SSE_EVERY="${SSE_EVERY:-1}"
ARMS="${ARMS:-off:--genai.tracing.enabled=false on:--genai.tracing.enabled=true}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/a2a-paired-load.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
declare -A PIDS PORTS LOGS
arm_names
trap 'kill $SINK 2>/dev/null || true; stop_arms' EXIT

# use_arm NAME: later commands (common.sh's measures, wrk) address that arm's JVM
use_arm() {
  APP="${PIDS[$1]}"; APP_PORT="${PORTS[$1]}"
}

# measure NAME PAIR ALTERNATION: one short run of each load on that arm's JVM, one result line
measure() {
  local figures
  use_arm "$1"
  figures="$(a2a_measure "http://127.0.0.1:$APP_PORT/a2a")" || exit 1
  echo "$1 pair=$2 alternation=$3 $figures dropped=$(dropped_since "$1" "${LOGS[$1]}")" | tee -a "$OUT"
}

# measure_streams PAIR ALTERNATION: the first-event probe with every arm's streams interleaved
# (numbered in the order of ARMS), one result line
measure_streams() {
  local figures urls=()
  for name in "${NAMES[@]}"; do urls+=("http://127.0.0.1:${PORTS[$name]}/a2a"); done
  figures="$(interleaved_probe "${urls[@]}")" || exit 1
  echo "streams pair=$1 alternation=$2 $figures" | tee -a "$OUT"
}

# in_turn N: TURN, the arms in the order of ARMS for an odd N and in the reverse order for an even one
in_turn() {
  TURN=()
  local i
  if [ $(($1 % 2)) -eq 1 ]; then TURN=("${NAMES[@]}"); else for ((i = ${#NAMES[@]} - 1; i >= 0; i--)); do TURN+=("${NAMES[$i]}"); done; fi
}

declare -A ARGS
for arm in $ARMS; do ARGS[${arm%%:*}]="${arm#*:}"; done
BASE_PORT=$APP_PORT
for pair in $(seq 1 "$PAIRS"); do
  # the arms are started and warmed in the order of ARMS in odd sets and in the reverse order in
  # even ones: two identical `on` JVMs read 3-5 % apart, the first one started always the slower
  # (docs/performance.md, 4 December 2026, night), so an arm must not always start first
  in_turn "$pair"; start_order=("${TURN[@]}")
  echo "# pair $pair: arms started and warmed in the order ${start_order[*]}" | tee -a "$OUT"
  for i in "${!NAMES[@]}"; do PORTS[${NAMES[$i]}]=$((BASE_PORT + i)); done
  for name in "${start_order[@]}"; do
    first="CP_FIRST_${name//-/_}"
    # shellcheck disable=SC2046
    CP="${!first:+${!first}:}$CP" APP_PORT=${PORTS[$name]} start_target "benchmarks/results/a2a-paired-load-$name.log" "http://127.0.0.1:$SINK_PORT/v1/traces" \
      $(echo "${ARGS[$name]}" | tr ',' ' ')
    PIDS[$name]=$APP; LOGS[$name]="benchmarks/results/a2a-paired-load-$name.log"
    rm -f "/tmp/genai-load-$name.dropped"
  done
  for name in "${start_order[@]}"; do
    use_arm "$name"
    warm_until_settled "$MAX_WARM_ROUNDS" a2a_warm_round
    warm="$WARM_ROUNDS $WARM_STATE"
    warm_until_settled "$MAX_WARM_ROUNDS" a2a_stream_warm_round
    echo "# pair $pair $name: dropped spans in the warm-up $(dropped_since "$name" "${LOGS[$name]}"); warm-up rounds $warm; stream warm-up rounds $WARM_ROUNDS $WARM_STATE" | tee -a "$OUT"
  done
  # each alternation runs the arms in turn, the order reversed every other time
  for alt in $(seq 1 "$ALTERNATIONS"); do
    in_turn "$alt"
    for name in "${TURN[@]}"; do measure "$name" "$pair" "$alt"; done
    if [ "$SSE_MODE" = interleaved ] && [ $((alt % SSE_EVERY)) -eq 0 ]; then measure_streams "$pair" "$alt"; fi
  done
  if [ -n "${CODELIST_DIR:-}" ]; then
    mkdir -p "$CODELIST_DIR"
    for name in "${NAMES[@]}"; do jcmd "${PIDS[$name]}" Compiler.codelist > "$CODELIST_DIR/set-$pair-$name.txt" 2>&1 || true; done
  fi
  stop_arms
  PIDS=()
done

awk -v base="${NAMES[0]}" '
  /^#/ || $1 == "streams" { next }
  {
    arms[$1] = 1
    split($2, kv, "="); pair = kv[2]; pairs[pair] = 1
    for (i = 2; i <= NF; i++) { split($i, kv, "="); sum[$1, kv[1]] += kv[2]; bypair[$1, pair, kv[1]] += kv[2] }
  }
  END {
    for (arm in arms) {
      printf "%s: spans dropped in the measured runs %d\n", arm, sum[arm, "dropped"]
      if (arm == base) continue
      for (p in pairs)
        printf "%s / %s, pair %s, ratio of the sums: message/send throughput %.3f, tasks/get throughput %.3f\n", arm, base, p,
          bypair[arm, p, "send_rps"] / bypair[base, p, "send_rps"], bypair[arm, p, "get_rps"] / bypair[base, p, "get_rps"]
      printf "%s / %s, ratio of the sums over all alternations: message/send throughput %.3f, tasks/get throughput %.3f; CPU per request message/send %.3f, tasks/get %.3f\n", arm, base,
        sum[arm, "send_rps"] / sum[base, "send_rps"], sum[arm, "get_rps"] / sum[base, "get_rps"],
        sum[arm, "send_cpu_us"] / sum[base, "send_cpu_us"], sum[arm, "get_cpu_us"] / sum[base, "get_cpu_us"]
      if (sum[base, "median"] > 0)
        printf "%s / %s, first SSE event median, separate probes: ratio of the sums %.3f; CPU per stream %.3f\n", arm, base,
          sum[arm, "median"] / sum[base, "median"], sum[arm, "stream_cpu_us"] / sum[base, "stream_cpu_us"]
    }
  }' "$OUT" | tee -a "$OUT"
interleaved_summary "$OUT" "${NAMES[@]}" | tee -a "$OUT"
