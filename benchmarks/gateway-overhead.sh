#!/usr/bin/env bash
# Gateway overhead, measured side by side in one run on the same DB-backed route
# (GET /api/v1/register/districts, which reads PostgreSQL in the incident-service):
#   direct to the incident-service, through the SchoolSafe gateway, and through an nginx reverse proxy.
# Prints median latency at 1 connection and throughput at 16 connections for each (median of three
# interleaved rounds after a warm-up), and the ratios.
# Starts its own suite on spare ports (rate limits lifted for the run) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
GATEWAY_PORT=${GATEWAY_PORT:-28080}
NGINX_PORT=$((GATEWAY_PORT + 10))
SERVICE_PORT=$((GATEWAY_PORT + 1))
WORK=$(mktemp -d)

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "installing $tool (Debian)"; apt-get install -y --no-install-recommends wrk nginx-light >/dev/null; }
done
[ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

echo "starting the suite on $GATEWAY_PORT… (logs in $WORK)"
RATE_LIMIT_READS=1000000000 ./run-local.sh --fresh --data "$WORK/data" --gateway-port "$GATEWAY_PORT" \
  --postgres-port $((GATEWAY_PORT + 20)) --kafka-port $((GATEWAY_PORT + 30)) > "$WORK/suite.log" 2>&1 &
SUITE=$!
cleanup() {
  kill -TERM "$SUITE" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait "$SUITE" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do grep -q "is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "is running" "$WORK/suite.log" || { echo "the suite did not start; see $WORK/suite.log"; exit 1; }
TOKEN=$(grep '^TOKEN_SCHOOL_STAFF=' "$WORK/data/demo-tokens.env" | cut -d= -f2-)

cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream incident { server 127.0.0.1:$SERVICE_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://incident; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$WORK/nginx.conf"

ROUTE=/api/v1/register/districts
run() { wrk -t"$1" -c"$2" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$3$ROUTE"; }
median_ms() { awk '/ 50%/ {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}'; }
rps() { awk '/Requests\/sec/ {print $2}'; }

run 2 16 "$SERVICE_PORT" >/dev/null   # warm the service's JIT before anything is measured
for target in direct:$SERVICE_PORT gateway:$GATEWAY_PORT nginx:$NGINX_PORT; do
  run 1 4 "${target##*:}" >/dev/null
done
# three interleaved rounds; each figure is the median of its three runs
for round in 1 2 3; do
  for target in direct:$SERVICE_PORT gateway:$GATEWAY_PORT nginx:$NGINX_PORT; do
    name=${target%%:*}; port=${target##*:}
    run 1 1 "$port" | median_ms >> "$WORK/$name-p50"
    run 2 16 "$port" | rps >> "$WORK/$name-rps"
  done
done
middle() { sort -g "$1" | sed -n 2p; }
for name in direct gateway nginx; do
  declare "${name}_p50=$(middle "$WORK/$name-p50")"
  declare "${name}_rps=$(middle "$WORK/$name-rps")"
done

printf '\n%-10s %16s %18s\n' "path" "p50 @1 conn (ms)" "req/s @16 conns"
for name in direct gateway nginx; do
  p50="${name}_p50"; r="${name}_rps"
  printf '%-10s %16.3f %18.0f\n' "$name" "${!p50}" "${!r}"
done
awk -v d="$direct_p50" -v g="$gateway_p50" -v n="$nginx_p50" -v dr="$direct_rps" -v gr="$gateway_rps" -v nr="$nginx_rps" 'BEGIN {
  printf "\ngateway adds %.3f ms at the median (nginx adds %.3f ms)\n", g - d, n - d;
  printf "throughput: gateway %.2f of direct, nginx %.2f of direct, gateway/nginx %.2f\n", gr / dr, nr / dr, gr / nr }'
