#!/usr/bin/env bash
# The arms of AnnotatedCallBenchmark alternating in short blocks in one JVM (see
# AnnotatedCallRounds): arguments are rounds (default 30) and calls per block (default 200000).
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor build, nothing installed into ~/.m2 (the reactor resolves the project's modules)
mvn -B -q ${MVN_FLAGS:-} -pl genai-tracing-benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt
mkdir -p benchmarks/results
cp="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
java -cp "$cp" io.github.genaitracing.benchmarks.AnnotatedCallRounds "$@" | tee benchmarks/results/annotated-rounds.txt
