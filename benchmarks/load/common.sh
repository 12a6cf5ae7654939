# Sourced by the load scripts (run from the repository root): builds the project and the
# benchmarks' class path, and defines how the A2A load target is started and measured.
# The application gets CPU 1 and the load generators CPU 0 (2-core machine), so that the
# load does not steal the application's cycles.

APP_PORT="${APP_PORT:-18080}"
# One reactor build, nothing installed into ~/.m2 (a shared local repository must not get a
# half-done SNAPSHOT): the reactor resolves the project's own modules to their target jars.
# LOAD_MODULES (set by a script before sourcing) adds modules whose class path it needs.
mvn -B -q ${MVN_FLAGS:-} -pl "genai-tracing-benchmarks${LOAD_MODULES:+,$LOAD_MODULES}" -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt
CP="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
mkdir -p benchmarks/results
PIN_APP="taskset -c 1"
PIN_LOAD="taskset -c 0"
command -v taskset >/dev/null || { PIN_APP=""; PIN_LOAD=""; }
WARMUP_BODY='{"jsonrpc":"2.0","id":0,"method":"message/send","params":{"message":{"kind":"message","messageId":"w","role":"user","contextId":"w","parts":[{"kind":"text","text":"w"}]}}}'

# start_target LOG OTLP_ENDPOINT [extra arguments…]: starts the load target in the
# background (APP = its pid) and waits until it answers. TARGET_JVM_OPTS adds JVM options
# (e.g. -XX:+PreserveFramePointer for a perf profile).
start_target() {
  local log="$1" endpoint="$2"; shift 2
  $PIN_APP java -Xmx512m -XX:ActiveProcessorCount=1 ${TARGET_JVM_OPTS:-} -cp "$CP" io.github.genaitracing.benchmarks.load.A2aLoadTarget \
    --server.port=$APP_PORT --spring.main.banner-mode=off --logging.level.root=WARN \
    --management.tracing.sampling.probability=1.0 \
    --management.opentelemetry.tracing.export.otlp.endpoint="$endpoint" \
    --management.otlp.metrics.export.enabled=false \
    --spring.application.name=load-agent "$@" > "$log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$WARMUP_BODY" \
      http://127.0.0.1:$APP_PORT/a2a && return 0
    sleep 0.5
  done
  echo "the load target did not start: see $log"; exit 1
}

stop_target() {
  kill $APP; wait $APP 2>/dev/null || true
  APP=""
}

# heap_mb: young + old generation (Serial GC on one processor) or the G1 heap used after
# a full GC of the target, in MB.
heap_mb() {
  jcmd $APP GC.run > /dev/null 2>&1 || true
  jcmd $APP GC.heap_info 2>/dev/null | awk '/generation|heap/ && !/Metaspace|class space/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } }
    END { printf "%.1f", sum / 1024 }'
}

# warm_until_settled MAX_ROUNDS COMMAND…: warms the target until its JIT is done — on one
# processor the compiler takes the application's cycles for minutes, longer with more code to
# compile, so a run that starts earlier measures compilation rather than the request path.
# Under load the compiler threads are a few runnable threads among many and get a small share of
# the one processor: a round can compile few methods while hundreds wait in the compile queues
# (and a settled JVM still compiles a few dozen methods a round, at almost no cost). A round is
# settled when the compiler threads used under JIT_SETTLED_PERCENT (default 3) % of the target's CPU
# time in it and nothing waits in the compile queues after it. Runs COMMAND (one warm-up round)
# until a round is settled, at most MAX_ROUNDS times; WARM_ROUNDS is then how many rounds ran and
# WARM_STATE what the last round measured.
warm_until_settled() {
  local max="$1"; shift
  local methods0 methods1 jit0 jit1 all0 all1 queued
  WARM_ROUNDS=0
  while :; do
    methods0=$(compiled_methods); jit0=$(jit_ticks); all0=$(cpu_ticks)
    "$@"
    WARM_ROUNDS=$((WARM_ROUNDS + 1))
    methods1=$(compiled_methods); jit1=$(jit_ticks); all1=$(cpu_ticks); queued=$(compile_queue_length)
    WARM_STATE="compiled=$((methods1 - methods0)) jit_ticks=$((jit1 - jit0)) cpu_ticks=$((all1 - all0)) queued=$queued"
    if { [ $(( (jit1 - jit0) * 100 )) -lt $(( ${JIT_SETTLED_PERCENT:-3} * (all1 - all0) )) ] \
        && [ "$queued" -eq 0 ]; } || [ "$WARM_ROUNDS" -ge "$max" ]; then
      break
    fi
  done
}

# jit_ticks: CPU time (clock ticks) the target's compiler threads (C1 and C2) have used so far.
jit_ticks() {
  echo $(( $(cpu_ticks C1) + $(cpu_ticks C2) ))
}

# compile_queue_length: how many methods wait in the target's compile queues (C1 and C2).
compile_queue_length() {
  jcmd "$APP" Compiler.queue 2>/dev/null | awk '/compile queue:/ {queue = 1; next} queue && /^[0-9]/ {n++} END {print n + 0}'
}

# compiled_methods: how many methods the target's JIT has compiled so far.
compiled_methods() {
  jstat -compiler "$APP" 2>/dev/null | awk 'NR == 2 {print $1}'
}

# cpu_ticks [THREAD_PREFIX]: CPU time (user + system, in clock ticks) the target has used so
# far, all threads or those whose name starts with THREAD_PREFIX (e.g. C2 for the JIT).
cpu_ticks() {
  if [ -z "${1:-}" ]; then
    awk '{print $14 + $15}' /proc/$APP/stat 2>/dev/null || echo 0
    return
  fi
  local total=0 t
  for t in /proc/$APP/task/*; do
    case "$(cat $t/comm 2>/dev/null)" in
      "$1"*) total=$((total + $(awk '{print $14 + $15}' $t/stat 2>/dev/null || echo 0))) ;;
    esac
  done
  echo $total
}

# cpu_us_per_request TICKS_BEFORE TICKS_AFTER REQUESTS: the target's CPU time per request in µs.
cpu_us_per_request() {
  awk -v b="$1" -v a="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (n > 0) ? (a - b) / hz * 1e6 / n : 0 }'
}

# wrk_requests: reads wrk output, prints the number of requests completed.
wrk_requests() {
  awk '/requests in/ {print $1}'
}

# wrk_summary: reads wrk --latency output, prints "rps=… p50=… p99=…".
wrk_summary() {
  awk '/Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
    END { printf "rps=%s p50=%s p99=%s", rps, p50, p99 }'
}

# a2a_warm_round [PATH…]: one warm-up round of the A2A load target (APP_PORT) at CONNECTIONS
# connections: 5 s of each wrk script and 300 streams on each path (default /a2a).
a2a_warm_round() {
  local path
  for path in "${@:-/a2a}"; do
    $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d5s -s benchmarks/load/message-send.lua http://127.0.0.1:$APP_PORT$path > /dev/null
    $PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d5s -s benchmarks/load/tasks-get.lua http://127.0.0.1:$APP_PORT$path > /dev/null
    $PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT$path 300 0 > /dev/null 2>&1 || true
  done
}

# a2a_stream_warm_round [PATH…]: one warm-up round of the A2A load target's stream path alone: 500
# streams, one after the other, on each path (default /a2a).
a2a_stream_warm_round() {
  local path
  for path in "${@:-/a2a}"; do
    $PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe http://127.0.0.1:$APP_PORT$path 500 0 > /dev/null 2>&1 || true
  done
}

# a2a_measure URL: one short run of each load on the A2A load target (APP) at URL — DURATION s of
# message/send and of the 2 KiB tasks/get at CONNECTIONS connections, then, unless SSE_MODE is
# interleaved (the caller probes all URLs at once), a first-event probe of SSE_WARM + SSE_COUNT
# streams — and prints the figures as key=value pairs; fails on error responses.
a2a_measure() {
  local url="$1" c0 c1 c2 c3 send_out get_out sse_out out
  c0=$(cpu_ticks)
  send_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s benchmarks/load/message-send.lua "$url")"
  c1=$(cpu_ticks)
  get_out="$($PIN_LOAD wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s benchmarks/load/tasks-get.lua "$url")"
  c2=$(cpu_ticks)
  sse_out=""
  if [ "${SSE_MODE:-separate}" != interleaved ] && [ "$SSE_COUNT" -gt 0 ]; then
    sse_out="$($PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe "$url" "$SSE_WARM" "$SSE_COUNT")"
  fi
  c3=$(cpu_ticks)
  for out in "$send_out" "$get_out"; do
    if echo "$out" | grep -q "Non-2xx"; then
      { echo "$url: wrk saw error responses:"; echo "$out"; } >&2
      return 1
    fi
  done
  echo "send_rps=$(echo "$send_out" | awk '/Requests\/sec/ {print $2}') get_rps=$(echo "$get_out" | awk '/Requests\/sec/ {print $2}') send_cpu_us=$(cpu_us_per_request "$c0" "$c1" "$(echo "$send_out" | wrk_requests)") get_cpu_us=$(cpu_us_per_request "$c1" "$c2" "$(echo "$get_out" | wrk_requests)")${sse_out:+ stream_cpu_us=$(cpu_us_per_request "$c2" "$c3" $((SSE_WARM + SSE_COUNT))) $sse_out}"
}

# interleaved_probe URL...: the first-event probe of SSE_WARM + SSE_COUNT streams per URL, the
# URLs' streams interleaved (A B, B A, …); prints its figures as key=value pairs (median_1, …,
# and pair_ratio_median_2, … against the first URL).
interleaved_probe() {
  local first="$1"; shift
  $PIN_LOAD java -cp "$CP" io.github.genaitracing.benchmarks.load.SseFirstEventProbe "$first" "$SSE_WARM" "$SSE_COUNT" "$@"
}

# interleaved_summary FILE NAME...: for the "streams" lines of FILE (interleaved probes, the URLs
# in the order of the NAMEs, the first the baseline), each other NAME's first SSE event ÷ the
# baseline's: the ratio of the sums of the medians, and the median over the alternations of the
# per-pair median ratio.
interleaved_summary() {
  local file="$1"; shift
  awk -v names="$*" '
    $1 != "streams" { next }
    {
      lines++
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] ~ /^median_/) sum[substr(kv[1], 8)] += kv[2]
        if (kv[1] ~ /^pair_ratio_median_/) ratio[substr(kv[1], 19), lines] = kv[2]
      }
    }
    END {
      if (lines == 0) exit
      n = split(names, name, " ")
      for (k = 2; k <= n; k++) {
        # median over the alternations (insertion sort: mawk has no asort)
        for (i = 1; i <= lines; i++) {
          v = ratio[k, i]; j = i - 1
          while (j > 0 && sorted[j] > v) { sorted[j + 1] = sorted[j]; j-- }
          sorted[j + 1] = v
        }
        median = (lines % 2) ? sorted[(lines + 1) / 2] : (sorted[lines / 2] + sorted[lines / 2 + 1]) / 2
        printf "%s / %s, first SSE event, streams interleaved: ratio of the sums of the medians %.3f; median over the alternations of the per-pair median ratio %.3f\n",
          name[k], name[1], sum[k] / sum[1], median
      }
    }' "$file"
}

# dropped_spans LOG: how many spans the batch span processor of the target logging to LOG has
# dropped so far (its "dropped N span(s)" warnings summed). A run whose arm drops spans does less
# export work than one that keeps them, so every script reports the spans each run dropped.
dropped_spans() {
  awk '/BatchSpanProcessor dropped/ { for (i = 1; i <= NF; i++) if ($i == "dropped") n += $(i + 1) } END { print n + 0 }' "$1" 2>/dev/null || echo 0
}

# dropped_since NAME LOG: the spans the target logging to LOG dropped since the last call for
# arm NAME (kept in a file, so that it also counts across the subshells of $(…) measures).
dropped_since() {
  local now before
  now=$(dropped_spans "$2")
  before=$(cat "/tmp/genai-load-$1.dropped" 2>/dev/null || echo 0)
  echo "$now" > "/tmp/genai-load-$1.dropped"
  echo $((now - before))
}

# arm_names: NAMES, the names of the arms in ARMS (each NAME:ARGUMENT[,ARGUMENT…]), in order.
arm_names() {
  NAMES=()
  for arm in $ARMS; do NAMES+=("${arm%%:*}"); done
}

# stop_arms: stops the JVM of every arm in NAMES that has one (PIDS, by name) and waits for it.
stop_arms() {
  for name in "${NAMES[@]}"; do [ -n "${PIDS[$name]:-}" ] && kill "${PIDS[$name]}" 2>/dev/null || true; done
  for name in "${NAMES[@]}"; do [ -n "${PIDS[$name]:-}" ] && wait "${PIDS[$name]}" 2>/dev/null || true; done
}
