#!/usr/bin/env bash
# Runs every JMH benchmark; results go to benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/classpath.sh
java -cp "$cp" org.openjdk.jmh.Main "${@:-.*}" -rf json -rff benchmarks/results/jmh.json | tee benchmarks/results/jmh.txt
