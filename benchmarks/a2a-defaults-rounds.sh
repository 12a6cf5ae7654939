#!/usr/bin/env bash
# What each default costs an A2A request, in one JVM and in thread CPU time (see
# A2aDefaultsRounds): arguments are the method (message/send or tasks/get), rounds (default 20)
# and requests per block (default 20000); ARMS="none,vocabularies,…" picks the arms.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/classpath.sh
pin=""
command -v taskset >/dev/null && pin="taskset -c 1"
method="${1:-message/send}"
$pin java ${ARMS:+-Darms=$ARMS} -cp "$cp" io.github.genaitracing.a2a.A2aDefaultsRounds "$@" \
  | tee "benchmarks/results/a2a-defaults-rounds-${method//\//-}.txt"
