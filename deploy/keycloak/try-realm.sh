#!/usr/bin/env bash
# Imports the realm into a real Keycloak (the distribution from Maven Central; needs Java 21+ in KEYCLOAK_JAVA_HOME
# or JAVA_HOME) and prints the claims of a client-credentials token for each service and partner client: what the
# services will read. Usage: deploy/keycloak/try-realm.sh  (leaves Keycloak on http://127.0.0.1:18180 until Ctrl-C)
set -euo pipefail
cd "$(dirname "$0")/../.."
version=26.4.7
dir=target/keycloak
java_home=${KEYCLOAK_JAVA_HOME:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
mkdir -p "$dir"
if [ ! -d "$dir/keycloak-$version" ]; then
  ./mvnw -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip -DoutputDirectory="$dir"
  (cd "$dir" && unzip -q "keycloak-quarkus-dist-$version.zip")
fi
kc="$dir/keycloak-$version"
rm -rf "$kc/data"; mkdir -p "$kc/data/import"; cp deploy/keycloak/schoolsafe-realm.json "$kc/data/import/"
for client in INCIDENT ESCALATION SUBSIDY KNOWLEDGE PARTNER_POLICE PARTNER_ZVHRR; do
  export "OIDC_${client}_CLIENT_SECRET=try-${client,,}"
done
export SCHOOLSAFE_DEMO_PASSWORD=try-Demo-1 KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=try-admin
JAVA_HOME=$java_home PATH=$java_home/bin:$PATH "$kc/bin/kc.sh" start-dev --import-realm --http-port 18180 \
  > "$dir/keycloak.log" 2>&1 &
trap 'kill $! 2>/dev/null' EXIT
realm=http://127.0.0.1:18180/realms/schoolsafe
for _ in $(seq 1 90); do curl -sf "$realm/.well-known/openid-configuration" >/dev/null && break; sleep 2; done
claims() {
  local payload
  payload=$(cut -d. -f2 | tr '_-' '/+')
  while (( ${#payload} % 4 )); do payload+="="; done
  echo "$payload" | base64 -d
  echo
}
for client in incident-service escalation-service subsidy-service knowledge-service partner-police partner-zvhrr; do
  secret="try-$(echo "${client%-service}" | tr - _)"
  printf '%-20s ' "$client"
  curl -sf -u "$client:$secret" -d grant_type=client_credentials "$realm/protocol/openid-connect/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/' | claims
done
echo "Keycloak keeps running on $realm (log: $dir/keycloak.log); Ctrl-C stops it."
wait
