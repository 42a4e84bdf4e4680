#!/usr/bin/env bash
# Writes one random secret per file into ./secrets/ (git-ignored) for docker compose; keeps those already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p secrets && chmod 700 secrets
for name in db_password pseudonym_secret keycloak_admin_password demo_password \
  kafka_incident_password kafka_escalation_password kafka_subsidy_password kafka_knowledge_password \
  kafka_partner_police_password kafka_partner_zvhrr_password \
  oidc_incident_client_secret oidc_escalation_client_secret oidc_subsidy_client_secret \
  oidc_knowledge_client_secret oidc_partner_police_client_secret oidc_partner_zvhrr_client_secret \
  kafka_broker_password; do
  [ -s "secrets/$name" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "secrets/$name"
  # compose mounts a file secret with the host file's owner and mode: readable by the containers' own users,
  # while the directory (700) keeps it from other users of this machine
  chmod 644 "secrets/$name"
done
echo "secrets in $(pwd)/secrets (the demo users' first password: secrets/demo_password)"
