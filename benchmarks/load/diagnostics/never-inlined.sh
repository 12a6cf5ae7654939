#!/usr/bin/env bash
# Diagnostic: is the A2A filter's remaining cost under load a compilation-size effect (its code
# inlined into the filter chain's compiled unit pushing that unit over C2's limits, so that the
# code around it compiles worse)? Three arms, one JVM at a time on the application's processor:
# off, on, and on with the starter's methods never inlined into their callers
# (-XX:CompileCommand=dontinline,io.github.genaitracing.*::*). Each JVM is warmed until its JIT
# settled, runs each load 5 s unmeasured, then 3 × 8 s of message/send and of the 2 KiB tasks/get,
# printing requests per second and the JVM's CPU per request. If the never-inlined arm came close
# to off, the cure would be to keep the filter's work out of the chain's compiled unit; on
# 3 December 2026 it was no faster than on (docs/performance.md).
#
#   ./benchmarks/load/diagnostics/never-inlined.sh [cycles]
set -uo pipefail
cd "$(dirname "$0")/../../.."
CYCLES="${1:-2}"
CONNECTIONS=16
. benchmarks/load/common.sh
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink 14318 > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
NEVER_INLINED="-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,io.github.genaitracing.*::*"
for cycle in $(seq 1 "$CYCLES"); do
  for arm in off on never-inlined; do
    case $arm in
      off) args=--genai.tracing.enabled=false; opts="" ;;
      on) args=--genai.tracing.enabled=true; opts="" ;;
      never-inlined) args=--genai.tracing.enabled=true; opts="$NEVER_INLINED" ;;
    esac
    TARGET_JVM_OPTS="$opts" start_target "benchmarks/results/never-inlined-$arm.log" \
      "http://127.0.0.1:14318/v1/traces" $args
    warm_until_settled 12 a2a_warm_round
    for load in message-send tasks-get; do
      $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d5s -s "benchmarks/load/$load.lua" "http://127.0.0.1:$APP_PORT/a2a" > /dev/null
    done
    for round in 1 2 3; do
      for load in message-send tasks-get; do
        before=$(cpu_ticks)
        $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d8s -s "benchmarks/load/$load.lua" \
          "http://127.0.0.1:$APP_PORT/a2a" > /tmp/never-inlined.wrk
        after=$(cpu_ticks); requests=$(wrk_requests < /tmp/never-inlined.wrk)
        echo "cycle=$cycle arm=$arm load=$load round=$round rps=$(awk '/Requests\/sec/ {print $2}' /tmp/never-inlined.wrk) cpu_us=$(cpu_us_per_request "$before" "$after" "$requests")"
      done
    done
    stop_target
  done
done
