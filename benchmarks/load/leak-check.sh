#!/usr/bin/env bash
# Leak check: 100k mixed A2A requests (send, stream, JSON-RPC errors, client aborts right
# after the first streamed event) against the load target with tracing and content capture
# on. Checks that genai-tracing ended every span it started and that the heap after a full GC
# is back near its level after the warm-up. Results: benchmarks/results/leak-check.txt.
#
#   ./benchmarks/load/leak-check.sh [requests] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS="${1:-100000}"
CONCURRENCY="${2:-16}"
SINK_PORT=14318
. benchmarks/load/common.sh
PIN_APP=""
OUT=benchmarks/results/leak-check.txt
: > "$OUT"
java -cp "$CP" io.github.genaitracing.benchmarks.load.OtlpSink "$SINK_PORT" > benchmarks/results/otlp-sink.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
# small caps, so that a quarter of the bodies (2-8 KiB) go over max-body-size
MAX_BODY=4096
MAX_RESPONSE=1024
REQUEST_CAP=$(( MAX_BODY + 1 + 2 * MAX_RESPONSE ))
start_target benchmarks/results/leak-check-app.log "http://127.0.0.1:$SINK_PORT/v1/traces" --genai.tracing.capture-content=span \
  --genai.tracing.a2a.max-body-size=${MAX_BODY}B --genai.tracing.a2a.max-response-size=${MAX_RESPONSE}B

java -cp "$CP" io.github.genaitracing.benchmarks.load.MixedLoadDriver http://127.0.0.1:$APP_PORT/a2a 10000 "$CONCURRENCY" | tee -a "$OUT"
sleep 2
BASELINE="$(heap_mb)"
START=$(date +%s)
java -cp "$CP" io.github.genaitracing.benchmarks.load.MixedLoadDriver http://127.0.0.1:$APP_PORT/a2a "$REQUESTS" "$CONCURRENCY" | tee -a "$OUT"
echo "duration=$(( $(date +%s) - START ))s" | tee -a "$OUT"
sleep 3
AFTER="$(heap_mb)"
COUNTS="$(curl -s http://127.0.0.1:$APP_PORT/counts)"
echo "spans $COUNTS heap-after-warm-up=${BASELINE}MB heap-after-run=${AFTER}MB" | tee -a "$OUT"
STARTED="$(echo "$COUNTS" | sed 's/.*"started":\([0-9]*\).*/\1/')"
ENDED="$(echo "$COUNTS" | sed 's/.*"ended":\([0-9]*\).*/\1/')"
[ "$STARTED" = "$ENDED" ] || { echo "LEAK: $STARTED spans started, $ENDED ended" | tee -a "$OUT"; exit 1; }
field() { echo "$COUNTS" | sed "s/.*\"$1\":\([0-9]*\).*/\1/"; }
IN_FLIGHT="$(field bufferedInFlight)"; PEAK="$(field bufferedPeak)"; LARGEST="$(field bufferedLargestRequest)"
echo "buffered bytes: largest per request=$LARGEST (cap $REQUEST_CAP), peak in flight=$PEAK (cap x $CONCURRENCY = $(( REQUEST_CAP * CONCURRENCY ))), in flight after the run=$IN_FLIGHT" | tee -a "$OUT"
[ "$LARGEST" -le "$REQUEST_CAP" ] || { echo "OVER THE CAP: one request held $LARGEST bytes" | tee -a "$OUT"; exit 1; }
[ "$PEAK" -le $(( REQUEST_CAP * CONCURRENCY )) ] || { echo "OVER THE CAP: $PEAK bytes held at once" | tee -a "$OUT"; exit 1; }
[ "$IN_FLIGHT" = 0 ] || { echo "LEAK: $IN_FLIGHT bytes still held" | tee -a "$OUT"; exit 1; }
awk -v a="$AFTER" -v b="$BASELINE" 'BEGIN { if (a > b + 16) { print "HEAP GREW: " b "MB -> " a "MB"; exit 1 } }' | tee -a "$OUT"
echo "ok: every span ended, heap back to its warm-up level" | tee -a "$OUT"
