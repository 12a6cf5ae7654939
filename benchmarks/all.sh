#!/usr/bin/env bash
# Runs every benchmark and load script, one after the other (about 25 minutes on 2 cores):
# JMH (benchmarks/run.sh), the A2A load test, the exporter faults and the leak check.
# Results land in benchmarks/results/; docs/performance.md and docs/reliability.md say how to
# read them.
set -euo pipefail
cd "$(dirname "$0")/.."
./benchmarks/run.sh
./benchmarks/load/a2a-load.sh 15 16
./benchmarks/load/exporter-faults.sh 15 16
./benchmarks/load/leak-check.sh 100000 16
