#!/usr/bin/env bash
# Runs every JMH benchmark; results go to benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor build, nothing installed into ~/.m2 (the reactor resolves the project's modules)
mvn -B -q ${MVN_FLAGS:-} -pl genai-tracing-benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt
mkdir -p benchmarks/results
cp="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
java -cp "$cp" org.openjdk.jmh.Main "${@:-.*}" -rf json -rff benchmarks/results/jmh.json | tee benchmarks/results/jmh.txt
