#!/usr/bin/env bash
# Load test of the A2A filter, arms at the same time: the JVMs of all arms (default `off` and `on`)
# share the application's processor and get load at once, one wrk per arm, for each run. Each JVM
# runs in a CPU control group of its own with the same weight, so that the scheduler gives every
# busy JVM the same share of the processor; an arm's throughput is then that share divided by its
# CPU per request, and the ratio of two arms' throughputs is the inverse ratio of their costs per
# request. Whatever else the machine does (other tenants, the load generator's neighbour) falls
# on all arms in the same seconds: in the alternating scripts it fell on whichever arm ran then,
# and moved single runs by ±30 %. Each round measures message/send, then a tasks/get poll
# answered with a 2 KiB task (wrk on all arms at once), then the first server-sent event of
# message/stream with the arms' streams interleaved (no other load). Each line gives every arm's
# throughput, CPU per request and share of the processor (equal shares show that no arm was
# starved of load) and the spans its batch span processor dropped. PAIRS fresh sets of JVMs,
# each warmed until its JIT settled, spread which JVM an arm gets; the order the arms' wrk start
# in alternates from round to round. Spring Boot's
# tracing is on in every arm (Boot's HTTP server spans, and on, the starter's, exported over
# OTLP/HTTP to a discarding sink). Results, one line per run and the ratios of the sums:
# benchmarks/results/a2a-concurrent-load.txt.
#
#   ./benchmarks/load/a2a-concurrent-load.sh [duration-seconds] [connections-per-arm] [pairs] [rounds]
#
# ARMS overrides the arms, each NAME:ARGUMENT[,ARGUMENT…], the first the baseline (see
# a2a-paired-load.sh). CP_FIRST_<NAME> (a directory or jar) goes ahead of that arm's class path: with
# another build's classes (git worktree, mvn compile) two versions of the code run side by side. The control groups need a writable cgroup v1 cpu controller
# (/sys/fs/cgroup/cpu) or cgroup v2 (/sys/fs/cgroup with the cpu controller); without one the
# JVMs share the processor thread by thread, the shares printed tell how evenly.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10}"
CONNECTIONS="${2:-16}"
PAIRS="${3:-2}"
ROUNDS="${4:-6}"
SINK_PORT="${SINK_PORT:-14318}"
MAX_WARM_ROUNDS="${MAX_WARM_ROUNDS:-30}"
SSE_WARM="${SSE_WARM:-50}"
SSE_COUNT="${SSE_COUNT:-300}"
ARMS="${ARMS:-off:--genai.tracing.enabled=false on:--genai.tracing.enabled=true}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/a2a-concurrent-load.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
declare -A PIDS PORTS GROUPS_OF
arm_names
remove_groups() {
  for name in "${NAMES[@]}"; do [ -n "${GROUPS_OF[$name]:-}" ] && rmdir "${GROUPS_OF[$name]}" 2>/dev/null || true; done
}
trap 'kill $SINK 2>/dev/null || true; stop_arms; remove_groups' EXIT

# cpu_group NAME: creates a CPU control group of the default weight for an arm; prints its path,
# or nothing when the machine has no writable one.
cpu_group() {
  local dir
  if [ -w /sys/fs/cgroup/cpu ] && [ -f /sys/fs/cgroup/cpu/cpu.shares ]; then
    dir=/sys/fs/cgroup/cpu/genai-load-$1
    mkdir -p "$dir" 2>/dev/null && echo 1024 > "$dir/cpu.shares" 2>/dev/null && echo "$dir" && return 0
  elif [ -w /sys/fs/cgroup ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    dir=/sys/fs/cgroup/genai-load-$1
    mkdir -p "$dir" 2>/dev/null && echo 100 > "$dir/cpu.weight" 2>/dev/null && echo "$dir" && return 0
  fi
  return 0
}

# ticks_of NAME: that arm's JVM's CPU time so far, in clock ticks
ticks_of() {
  APP="${PIDS[$1]}" cpu_ticks
}

# dropped_of NAME: the spans that arm dropped since the last call (at saturation the faster
# arm drops more)
dropped_of() {
  dropped_since "$1" "benchmarks/results/a2a-concurrent-load-$1.log"
}

# measure_all SCRIPT ROUND: wrk with SCRIPT on every arm at once; prints, per arm,
# NAME_rps=… NAME_cpu_us=… NAME_share=… NAME_dropped=…
measure_all() {
  local script="$1" round="$2" name i order=() t0 t1 total=0 line=""
  declare -A WRK_PIDS BEFORE AFTER
  if [ $((round % 2)) -eq 1 ]; then order=("${NAMES[@]}"); else for ((i = ${#NAMES[@]} - 1; i >= 0; i--)); do order+=("${NAMES[$i]}"); done; fi
  for name in "${order[@]}"; do BEFORE[$name]=$(ticks_of "$name"); done
  for name in "${order[@]}"; do
    $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "benchmarks/load/$script.lua" \
      "http://127.0.0.1:${PORTS[$name]}/a2a" > "/tmp/a2a-concurrent-$name.wrk" &
    WRK_PIDS[$name]=$!
  done
  for name in "${order[@]}"; do wait "${WRK_PIDS[$name]}"; done
  for name in "${order[@]}"; do AFTER[$name]=$(ticks_of "$name"); total=$((total + AFTER[$name] - BEFORE[$name])); done
  for name in "${NAMES[@]}"; do
    if grep -q "Non-2xx" "/tmp/a2a-concurrent-$name.wrk"; then
      { echo "$name: wrk saw error responses:"; cat "/tmp/a2a-concurrent-$name.wrk"; } >&2
      return 1
    fi
    line="$line ${name}_rps=$(awk '/Requests\/sec/ {print $2}' "/tmp/a2a-concurrent-$name.wrk")"
    line="$line ${name}_cpu_us=$(cpu_us_per_request "${BEFORE[$name]}" "${AFTER[$name]}" "$(wrk_requests < "/tmp/a2a-concurrent-$name.wrk")")"
    line="$line ${name}_share=$(awk -v a="$((AFTER[$name] - BEFORE[$name]))" -v t="$total" 'BEGIN { printf "%.3f", (t > 0) ? a / t : 0 }')"
    line="$line ${name}_dropped=$(dropped_of "$name")"
  done
  echo "${line# }"
}

for pair in $(seq 1 "$PAIRS"); do
  port=$APP_PORT
  for arm in $ARMS; do
    name="${arm%%:*}"
    first="CP_FIRST_${name//-/_}"
    # shellcheck disable=SC2046
    CP="${!first:+${!first}:}$CP" APP_PORT=$port start_target "benchmarks/results/a2a-concurrent-load-$name.log" "http://127.0.0.1:$SINK_PORT/v1/traces" \
      $(echo "${arm#*:}" | tr ',' ' ')
    PIDS[$name]=$APP; PORTS[$name]=$port
    rm -f "/tmp/genai-load-$name.dropped"
    GROUPS_OF[$name]="$(cpu_group "$name")"
    if [ -n "${GROUPS_OF[$name]}" ]; then
      echo "$APP" > "${GROUPS_OF[$name]}/cgroup.procs"
    else
      echo "# no writable CPU control group: the arms share the processor thread by thread" | tee -a "$OUT"
    fi
    port=$((port + 1))
  done
  APP_PORT=$((port - ${#NAMES[@]}))
  for name in "${NAMES[@]}"; do
    APP="${PIDS[$name]}"; APP_PORT="${PORTS[$name]}"
    warm_until_settled "$MAX_WARM_ROUNDS" a2a_warm_round
    warm="$WARM_ROUNDS $WARM_STATE"
    if [ "$SSE_COUNT" -gt 0 ]; then
      warm_until_settled "$MAX_WARM_ROUNDS" a2a_stream_warm_round
      warm="$warm; stream warm-up rounds $WARM_ROUNDS $WARM_STATE"
    fi
    echo "# pair $pair $name: dropped spans in the warm-up $(dropped_of "$name"); warm-up rounds $warm" | tee -a "$OUT"
  done
  for round in $(seq 1 "$ROUNDS"); do
    send="$(measure_all message-send "$round")" || exit 1
    echo "send pair=$pair round=$round $send" | tee -a "$OUT"
    get="$(measure_all tasks-get "$round")" || exit 1
    echo "get pair=$pair round=$round $get" | tee -a "$OUT"
    if [ "$SSE_COUNT" -gt 0 ]; then
      urls=()
      for name in "${NAMES[@]}"; do urls+=("http://127.0.0.1:${PORTS[$name]}/a2a"); done
      streams="$(interleaved_probe "${urls[@]}")" || exit 1
      echo "streams pair=$pair round=$round $streams" | tee -a "$OUT"
    fi
  done
  stop_arms
  PIDS=()
done

# per load, each arm against the baseline: the ratio of the sums of the throughputs and of the
# CPU per request, and every round's throughput ratio
awk -v names="${NAMES[*]}" '
  $1 != "send" && $1 != "get" { next }
  {
    load = $1; rounds[load]++
    for (i = 2; i <= NF; i++) { split($i, kv, "="); value[load, kv[1]] = kv[2]; sum[load, kv[1]] += kv[2] }
    n = split(names, name, " ")
    for (k = 2; k <= n; k++) per[load, name[k]] = per[load, name[k]] sprintf(" %.2f", value[load, name[k] "_rps"] / value[load, name[1] "_rps"])
  }
  END {
    n = split(names, name, " ")
    for (k = 1; k <= n; k++)
      printf "%s: spans dropped in the measured runs %d\n", name[k], sum["send", name[k] "_dropped"] + sum["get", name[k] "_dropped"]
    for (k = 2; k <= n; k++) {
      for (l = 1; l <= 2; l++) {
        load = (l == 1) ? "send" : "get"
        if (!rounds[load]) continue
        printf "%s / %s, %s, arms at once, ratio of the sums: throughput %.3f, CPU per request %.3f; per run:%s\n",
          name[k], name[1], (load == "send") ? "message/send" : "tasks/get (2 KiB)",
          sum[load, name[k] "_rps"] / sum[load, name[1] "_rps"], sum[load, name[k] "_cpu_us"] / sum[load, name[1] "_cpu_us"],
          per[load, name[k]]
      }
    }
  }' "$OUT" | tee -a "$OUT"
if [ "$SSE_COUNT" -gt 0 ]; then interleaved_summary "$OUT" "${NAMES[@]}" | tee -a "$OUT"; fi
