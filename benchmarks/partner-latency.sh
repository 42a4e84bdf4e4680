#!/usr/bin/env bash
# Partner-facing latency, measured side by side in one run (not a test):
#  1. the broker's security: the same partner-stream records at 50/s through a broker with SASL SCRAM-SHA-512 and
#     ACLs and through one without, interleaved rounds; p50/p99 of write -> read and their ratio;
#  2. webhooks: 1,000 changes of a case at 50/s on the real suite, police engaged and subscribed; p50/p99 of
#     change sent -> signed delivery received at a receiver on loopback.
# Starts its own broker pair and suite on free ports and stops them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-classpath.sh
java -cp "$CLASSPATH" nl.rotterdam.schoolsafe.runtime.bench.BrokerLatency
java -cp "$CLASSPATH" nl.rotterdam.schoolsafe.runtime.bench.WebhookLatency "$PWD"
