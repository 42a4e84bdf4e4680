#!/usr/bin/env bash
# Commit -> escalation case on the real suite (issue #22): cross-school incidents at 10/s, 50/s and 100/s for 30 s each
# (PROPAGATION_SECONDS), p50/p95/p99 and the drain after the load; then the escalation-service's cost per incident
# event with 10, 100 and 1,000 open cases in the district and 10, 100 and 1,000 incidents in the joined case, and the
# ratios. Starts its own suite on free ports and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-classpath.sh
java -Xmx512m -Dpropagation.seconds="${PROPAGATION_SECONDS:-30}" -cp "$CLASSPATH" nl.rotterdam.schoolsafe.runtime.bench.Propagation "$PWD"
