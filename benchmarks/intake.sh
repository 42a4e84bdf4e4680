#!/usr/bin/env bash
# Incident registration side by side in one run (issue #22): through the gateway, directly at the incident-service,
# and pgbench running the service's own SQL for a registration (benchmarks/intake/registration.sql) on copies of its
# tables, at 1, 8 and 32 clients, three interleaved rounds. Prints registrations per second, p50/p99, the ratio to
# pgbench, and the incident-service's CPU and GC per registration. INTAKE_SECONDS sets a run's length (8).
# Starts its own suite on free ports and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1 || true)
[ -n "$PGBENCH" ] || { echo "installing pgbench (Debian)"; apt-get install -y --no-install-recommends postgresql-contrib >/dev/null;
  PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1); }
command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y --no-install-recommends wrk >/dev/null; }
source benchmarks/bench-classpath.sh
java -Xmx512m -Dintake.seconds="${INTAKE_SECONDS:-8}" -cp "$CLASSPATH" nl.rotterdam.schoolsafe.runtime.bench.Intake "$PWD" "$PGBENCH"
