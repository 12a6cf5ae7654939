#!/usr/bin/env bash
# Runs every JMH benchmark; results go to benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mkdir -p benchmarks/results
(cd genai-tracing-benchmarks && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
cp="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
java -cp "$cp" org.openjdk.jmh.Main "${@:-.*}" -rf json -rff benchmarks/results/jmh.json | tee benchmarks/results/jmh.txt
