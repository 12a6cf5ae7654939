#!/usr/bin/env bash
# Load test of the A2A filter, one JVM at a time: each arm's JVM (default `off` and `on`) runs
# alone on the application's processor, the arms in turn (off, on, then on, off, … for PAIRS
# JVMs per arm). Each JVM is warmed until its JIT settled, then measured ROUNDS times under
# message/send and under the 2 KiB tasks/get poll; each run reports the CPU the JVM used per
# request, split by thread: request threads (Tomcat's, the filters, the application), the
# batch span processor, the OTLP sender, the JIT, the rest. A JVM alone on its processor is how
# an application runs: in a2a-concurrent-load.sh two JVMs take turns on one processor and
# refill each other's caches at every switch, which costs the arm with more code and data per
# request more. What this script cannot remove is the machine's drift between runs: compare
# pairs, and the `off` JVMs with each other. Spring Boot's tracing is on in every arm (its HTTP
# server spans, exported over OTLP/HTTP to a discarding sink). Results, one line per run and
# thread group and the ratios of the sums: benchmarks/results/a2a-alone-load.txt.
#
#   ./benchmarks/load/a2a-alone-load.sh [duration-seconds] [connections] [pairs] [rounds]
#
# ARMS overrides the arms, each NAME:ARGUMENT[,ARGUMENT…], the first the baseline (see
# a2a-paired-load.sh). After the warm-up, SETTLE_SECONDS (default 5) of each measured load run
# unmeasured: the warm-up ends on the stream path. The summary gives, per load, the ratios of the
# sums (CPU per request and requests per second) and the ratio of the median runs' CPU per request.
# Each run also reports steal=…: the percentage of the application processor's time the host gave
# to other guests (from /proc/stat); runs with a large share of it measure the host.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
PAIRS="${3:-2}"
ROUNDS="${4:-2}"
SINK_PORT="${SINK_PORT:-14318}"
MAX_WARM_ROUNDS="${MAX_WARM_ROUNDS:-30}"
ARMS="${ARMS:-off:--genai.tracing.enabled=false on:--genai.tracing.enabled=true}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
. benchmarks/load/common.sh
OUT=benchmarks/results/a2a-alone-load.txt
: > "$OUT"
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
arm_names

# thread_ticks: the target's CPU time so far (clock ticks) per thread group, one "GROUP TICKS"
# line each: http (request threads), export (batch span processor), sender (OTLP over OkHttp),
# jit, other
thread_ticks() {
  local t comm group
  for t in /proc/$APP/task/*; do
    comm="$(cat "$t/comm" 2>/dev/null)" || continue
    case "$comm" in
      http-nio*) group=http ;;
      BatchSpanProces*) group=export ;;
      OkHttp*|okhttp*) group=sender ;;
      C1*|C2*) group=jit ;;
      *) group=other ;;
    esac
    echo "$group $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
  done | awk '{ticks[$1] += $2} END {for (g in ticks) print g, ticks[g]}' | sort
}

# processor_ticks: the application's processor's (CPU 1) total and stolen clock ticks so far, from
# /proc/stat ("TOTAL STEAL"); on a virtual machine the host may run other guests on it
processor_ticks() {
  awk '$1 == "cpu1" { total = 0; for (i = 2; i <= 9; i++) total += $i; print total, $9 }' /proc/stat
}

# measure SCRIPT: one run of wrk with SCRIPT; prints "rps=… cpu_us=… http=… export=… …" (µs of
# CPU per request, per thread group) and steal=… (the percentage of the application processor's
# time the host gave to others during the run: a run with much of it measures the host)
measure() {
  local before after requests rps cpu_before cpu_after
  before="$(thread_ticks)"
  cpu_before="$(processor_ticks)"
  $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "benchmarks/load/$1.lua" \
    "http://127.0.0.1:$APP_PORT/a2a" > /tmp/a2a-alone.wrk
  cpu_after="$(processor_ticks)"
  after="$(thread_ticks)"
  if grep -q "Non-2xx" /tmp/a2a-alone.wrk; then
    { echo "wrk saw error responses:"; cat /tmp/a2a-alone.wrk; } >&2
    return 1
  fi
  requests="$(wrk_requests < /tmp/a2a-alone.wrk)"
  rps="$(awk '/Requests\/sec/ {print $2}' /tmp/a2a-alone.wrk)"
  join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$before") <(echo "$after") | awk -v n="$requests" -v rps="$rps" \
    -v hz="$(getconf CLK_TCK)" '{us[$1] = ($3 - $2) / hz * 1e6 / n; total += us[$1]}
    END {printf "rps=%s cpu_us=%.1f", rps, total; for (g in us) printf " %s=%.1f", g, us[g]; print ""}' \
    | tr -d '\n'
  echo "$cpu_before $cpu_after" | awk '{d = $3 - $1; printf " steal=%.0f\n", (d > 0) ? 100 * ($4 - $2) / d : 0}'
}

for pair in $(seq 1 "$PAIRS"); do
  if [ $((pair % 2)) -eq 1 ]; then order=("${NAMES[@]}"); else order=(); for ((i = ${#NAMES[@]} - 1; i >= 0; i--)); do order+=("${NAMES[$i]}"); done; fi
  for name in "${order[@]}"; do
    for arm in $ARMS; do [ "${arm%%:*}" = "$name" ] && args="${arm#*:}"; done
    # shellcheck disable=SC2046
    start_target "benchmarks/results/a2a-alone-load-$name.log" "http://127.0.0.1:$SINK_PORT/v1/traces" \
      $(echo "$args" | tr ',' ' ')
    warm_until_settled "$MAX_WARM_ROUNDS" a2a_warm_round
    # the warm-up ends on the stream path: a short unmeasured run of each measured load, so
    # that the first measured run does not pay for recompiling the plain path
    for script in message-send tasks-get; do
      $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${SETTLE_SECONDS:-5}s" -s "benchmarks/load/$script.lua" \
        "http://127.0.0.1:$APP_PORT/a2a" > /dev/null
    done
    echo "# pair $pair $name: warm-up rounds $WARM_ROUNDS $WARM_STATE" | tee -a "$OUT"
    for round in $(seq 1 "$ROUNDS"); do
      echo "send pair=$pair round=$round arm=$name $(measure message-send)" | tee -a "$OUT"
      echo "get pair=$pair round=$round arm=$name $(measure tasks-get)" | tee -a "$OUT"
    done
    stop_target
  done
done

# per load, each arm against the baseline: the ratio of the sums of the CPU per request (the
# inverse is the throughput ratio of a CPU-bound application) and every pair's ratio
awk -v names="${NAMES[*]}" '
  $1 != "send" && $1 != "get" { next }
  {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    sum[$1, f["arm"]] += f["cpu_us"]; pairsum[$1, f["arm"], f["pair"]] += f["cpu_us"]
    rps[$1, f["arm"]] += f["rps"]; pairrps[$1, f["arm"], f["pair"]] += f["rps"]
    if (f["pair"] > pairs) pairs = f["pair"]
  }
  END {
    n = split(names, arm, " ")
    for (l = 1; l <= 2; l++) {
      load = (l == 1) ? "send" : "get"; label = (l == 1) ? "message/send" : "tasks/get (2 KiB)"
      for (i = 2; i <= n; i++) {
        runs = ""
        for (p = 1; p <= pairs; p++) runs = runs sprintf(" %.3f", pairsum[load, arm[1], p] / pairsum[load, arm[i], p])
        printf "%s / %s, %s, one JVM at a time: CPU per request %.3f, so throughput %.3f; per pair:%s\n",
          arm[i], arm[1], label, sum[load, arm[i]] / sum[load, arm[1]], sum[load, arm[1]] / sum[load, arm[i]], runs
        runs = ""
        for (p = 1; p <= pairs; p++) runs = runs sprintf(" %.3f", pairrps[load, arm[i], p] / pairrps[load, arm[1], p])
        printf "%s / %s, %s, one JVM at a time: requests per second, ratio of the sums %.3f; per pair:%s\n",
          arm[i], arm[1], label, rps[load, arm[i]] / rps[load, arm[1]], runs
      }
    }
  }' "$OUT" | tee -a "$OUT"

# the median run's CPU per request of each arm, and their ratio: less moved than the sums by the
# one or two runs another tenant slowed
median_cpu() {
  awk -v load="$1" -v arm="$2" '$1 == load { for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      if (f["arm"] == arm) print f["cpu_us"] }' "$OUT" | sort -n | awk '{v[NR] = $1}
    END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for load in send get; do
  base="$(median_cpu "$load" "${NAMES[0]}")"
  for name in "${NAMES[@]:1}"; do
    other="$(median_cpu "$load" "$name")"
    awk -v l="$load" -v a="$name" -v b="${NAMES[0]}" -v x="$other" -v y="$base" 'BEGIN {
      printf "%s / %s, %s: median run CPU per request %.1f / %.1f µs, so throughput %.3f\n",
        a, b, (l == "send") ? "message/send" : "tasks/get (2 KiB)", x, y, (x > 0) ? y / x : 0 }'
  done
done | tee -a "$OUT"
