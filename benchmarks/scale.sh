#!/usr/bin/env bash
# Reads at a city's years of data (issue #22): 1,000,000 incidents and 100,000 cases loaded with SQL (SCALE_INCIDENTS,
# SCALE_CASES), then p50/p95 through the gateway of the owner's list (first page, filtered, cursor page 151), the
# chronology of pupils with 5, 45 and 1,500 incidents, the statistics and the expert's queue, each with its plan
# (EXPLAIN ANALYZE). Starts its own suite on free ports and stops it afterwards; loading takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-classpath.sh
java -Xmx512m -Dscale.incidents="${SCALE_INCIDENTS:-1000000}" -Dscale.cases="${SCALE_CASES:-100000}" \
  -cp "$CLASSPATH" nl.rotterdam.schoolsafe.runtime.bench.Scale "$PWD"
