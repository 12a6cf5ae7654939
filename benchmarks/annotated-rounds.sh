#!/usr/bin/env bash
# The arms of AnnotatedCallBenchmark alternating in short blocks in one JVM (see
# AnnotatedCallRounds): arguments are rounds (default 30) and calls per block (default 200000).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/classpath.sh
java -cp "$cp" io.github.genaitracing.benchmarks.AnnotatedCallRounds "$@" | tee benchmarks/results/annotated-rounds.txt
