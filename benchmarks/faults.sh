#!/usr/bin/env bash
# The fault suite (not a test; minutes): the real suite under a bounded load of cross-school registrations, supervised
# as the local run is; each service killed with SIGKILL and stopped with SIGTERM, the broker stopped for longer than
# the clients' timeouts (BROKER_SECONDS, default 100), PostgreSQL stopped as `-m immediate`. Prints per fault:
# acknowledged, lost, doubled, not in a case, the answers clients got while it lasted, and the time to consistency
# after recovery; then the inbox, pot and session invariants. Starts its own suite on free ports.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-classpath.sh
java -DbrokerSeconds="${BROKER_SECONDS:-100}" -cp "$CLASSPATH" nl.rotterdam.schoolsafe.runtime.bench.Faults "$PWD"
