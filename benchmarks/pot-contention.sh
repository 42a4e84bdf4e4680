#!/usr/bin/env bash
# Contention on one pot, measured side by side in one run: 1,000 concurrent grant decisions of
# EUR 10 against a EUR 6,000 pot through the subsidy-service, and pgbench running the same guarded
# transaction (conditional balance update + ledger row + outbox row) on one row of the same
# PostgreSQL at the same concurrency. Prints both rates, their ratio, and the invariant afterwards:
# exactly 600 granted, balance >= 0, ledger sum = balance.
# Starts its own suite on spare ports and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
GATEWAY_PORT=${GATEWAY_PORT:-29080}
SUBSIDY_PORT=$((GATEWAY_PORT + 3))
PG_PORT=$((GATEWAY_PORT + 20))
CONNECTIONS=${CONNECTIONS:-16}
DECISIONS=1000
WORK=$(mktemp -d)
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1 || true)

[ -n "$PGBENCH" ] || { echo "installing pgbench (Debian)"; apt-get install -y --no-install-recommends postgresql-contrib >/dev/null;
  PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1); }
[ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

echo "starting the suite on $GATEWAY_PORT… (logs in $WORK)"
./run-local.sh --fresh --data "$WORK/data" --gateway-port "$GATEWAY_PORT" --postgres-port "$PG_PORT" \
  --kafka-port $((GATEWAY_PORT + 30)) > "$WORK/suite.log" 2>&1 &
SUITE=$!
cleanup() { kill -TERM "$SUITE" 2>/dev/null || true; wait "$SUITE" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 180); do grep -q "is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "is running" "$WORK/suite.log" || { echo "the suite did not start; see $WORK/suite.log"; exit 1; }
token() { grep "^TOKEN_$1=" "$WORK/data/demo-tokens.env" | cut -d= -f2-; }
MUNICIPALITY=$(token MUNICIPALITY)
BOARD=$(token BOARD)
api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }

PROGRAMME=$(api "$MUNICIPALITY" -X POST "http://127.0.0.1:$SUBSIDY_PORT/api/v1/subsidies/programmes" -d '{"schoolYear":"2040-2041",
  "name":"Contention benchmark","method":"FORMULA","fourEyesAboveCents":100000000,
  "pots":[{"sector":"VO","amountCents":600000}]}' | sed 's/^{"id":"\([^"]*\)".*/\1/')
echo "submitting $DECISIONS applications of EUR 10…"
for i in $(seq 1 $DECISIONS); do
  api "$BOARD" -X POST "http://127.0.0.1:$SUBSIDY_PORT/api/v1/subsidies/applications" -d "{\"programmeId\":\"$PROGRAMME\",
    \"schoolLocationId\":\"30BR01\",\"theme\":\"AGGRESSION\",\"category\":\"TEAM_TRAINING_AGGRESSION\",\"amountCents\":1000,\"plan\":\"benchmark $i\"}" \
    | sed 's/^{"id":"\([^"]*\)".*/\1/'
  echo
done > "$WORK/ids"

# One curl process keeps $CONNECTIONS requests in flight until every application is decided.
sed "s|.*|url = \"http://127.0.0.1:$SUBSIDY_PORT/api/v1/subsidies/applications/&/decision\"\noutput = \"/dev/null\"|" "$WORK/ids" > "$WORK/decisions.cfg"
echo "deciding $DECISIONS at once over $CONNECTIONS connections…"
START=$(date +%s.%N)
curl -s --no-progress-meter -Z --parallel-max "$CONNECTIONS" -X POST -H "Authorization: Bearer $MUNICIPALITY" -H 'Content-Type: application/json' \
  -d '{"decision":"GRANT"}' -w '%{http_code}\n' -K "$WORK/decisions.cfg" > "$WORK/codes"
END=$(date +%s.%N)
SERVICE_RATE=$(awk -v s="$START" -v e="$END" -v n="$DECISIONS" 'BEGIN { print n / (e - s) }')
echo "answers: $(sort "$WORK/codes" | uniq -c | tr '\n' ' ')"

export PGPASSWORD=schoolsafe
psql() { "$(dirname "$PGBENCH")/psql" -h 127.0.0.1 -p "$PG_PORT" -U schoolsafe -d subsidy -qAt "$@"; }
psql -c "CREATE TABLE bench_pot (id int PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0));
         CREATE TABLE bench_ledger (id bigserial PRIMARY KEY, pot_id int NOT NULL, amount bigint NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now());
         CREATE TABLE bench_outbox (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), payload jsonb NOT NULL);
         INSERT INTO bench_pot VALUES (1, 600000);"
cat > "$WORK/guarded.sql" <<'SQL'
BEGIN;
UPDATE bench_pot SET balance = balance - 1000 WHERE id = 1 AND balance >= 1000;
INSERT INTO bench_ledger (pot_id, amount) VALUES (1, -1000);
INSERT INTO bench_outbox (payload) VALUES ('{"type":"granted"}');
END;
SQL
PG_RATE=$("$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U schoolsafe -n -c "$CONNECTIONS" -j 2 -t $((DECISIONS / CONNECTIONS)) -f "$WORK/guarded.sql" subsidy \
  | awk '/^tps/ {print $3}')

GRANTED=$(psql -c "SELECT count(*) FROM application WHERE programme_id = '$PROGRAMME' AND status = 'GRANTED'")
read -r BALANCE LEDGER < <(psql -F ' ' -c "SELECT p.balance_cents, (SELECT sum(amount_cents) FROM ledger_entry e WHERE e.pot_id = p.id)
                                            FROM pot p WHERE p.programme_id = '$PROGRAMME'")
printf '\n%-40s %10s\n' "same guarded spend, $CONNECTIONS at once" "per second"
printf '%-40s %10.0f\n' "subsidy-service decisions (HTTP)" "$SERVICE_RATE" "pgbench, one transaction per decision" "$PG_RATE"
awk -v s="$SERVICE_RATE" -v p="$PG_RATE" 'BEGIN { printf "\nservice / pgbench: %.2f (target: at least 0.50)\n", s / p }'
echo "invariant: granted $GRANTED of $DECISIONS (expected 600), balance $BALANCE cents, ledger sum $LEDGER cents"
[ "$GRANTED" = 600 ] && [ "$BALANCE" = "$LEDGER" ] && [ "$BALANCE" -ge 0 ] || { echo "INVARIANT BROKEN"; exit 1; }
