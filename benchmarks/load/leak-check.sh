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
start_target benchmarks/results/leak-check-app.log "http://127.0.0.1:$SINK_PORT/v1/traces" --genai.tracing.capture-content=span

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
awk -v a="$AFTER" -v b="$BASELINE" 'BEGIN { if (a > b + 16) { print "HEAP GREW: " b "MB -> " a "MB"; exit 1 } }' | tee -a "$OUT"
echo "ok: every span ended, heap back to its warm-up level" | tee -a "$OUT"
