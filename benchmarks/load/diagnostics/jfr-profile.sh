#!/usr/bin/env bash
# Diagnostic: where an arm's request threads spend their time under load, sampled by Java Flight
# Recorder (execution samples every 2 ms, nothing else recorded). Starts the A2A load target with
# the recording on from the JVM's start (starting a recording later, on one processor, costs the
# JVM seconds of compilation and skews the window), warms it with six warm-up rounds and 10 s of
# message/send, then records NAME.jfr's measured window: 20 s of message/send at 16 connections. It
# prints the window (UTC) and the requests per second and CPU per request of the window; give both
# to jfr-own-work.py. LOAD (default message-send) names the measured load's wrk script in
# benchmarks/load/ (tasks-get for the 2 KiB poll).
#
#   ./benchmarks/load/diagnostics/jfr-profile.sh NAME [target arguments…]
#   ./benchmarks/load/diagnostics/jfr-profile.sh on --genai.tracing.enabled=true
#   ./benchmarks/load/diagnostics/jfr-profile.sh off --genai.tracing.enabled=false
#   python3 benchmarks/load/diagnostics/jfr-own-work.py benchmarks/results/on.jfr FROM TO CPU_US
set -euo pipefail
cd "$(dirname "$0")/../../.."
NAME="$1"; shift
DURATION=20
LOAD="${LOAD:-message-send}"
CONNECTIONS=16
SINK_PORT="${SINK_PORT:-14318}"
. benchmarks/load/common.sh
SETTINGS=benchmarks/results/execution-samples.jfc
cat > "$SETTINGS" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="execution samples" description="execution samples only" provider="genai-tracing">
  <event name="jdk.ExecutionSample">
    <setting name="enabled">true</setting>
    <setting name="period">2 ms</setting>
  </event>
</configuration>
JFC
$PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
TARGET_JVM_OPTS="-XX:StartFlightRecording=settings=$SETTINGS,filename=benchmarks/results/$NAME.jfr,dumponexit=true" \
  start_target "benchmarks/results/jfr-$NAME.log" "http://127.0.0.1:$SINK_PORT/v1/traces" "$@"
for _ in 1 2 3 4 5 6; do a2a_warm_round; done
$PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d10s -s benchmarks/load/$LOAD.lua http://127.0.0.1:$APP_PORT/a2a > /dev/null
from=$(date -u +%H:%M:%S)
c0=$(cpu_ticks)
out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d${DURATION}s -s benchmarks/load/$LOAD.lua http://127.0.0.1:$APP_PORT/a2a)"
c1=$(cpu_ticks)
to=$(date -u +%H:%M:%S)
jcmd $APP JFR.dump filename=benchmarks/results/$NAME.jfr > /dev/null
echo "$NAME window=$from,$to rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}') cpu_us=$(cpu_us_per_request $c0 $c1 "$(echo "$out" | wrk_requests)")"
stop_target
