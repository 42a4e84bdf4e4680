#!/bin/bash
# Broker access control for docker compose (docs/decisions/0007-broker-access-control.md): one SCRAM-SHA-512
# principal per service with ACLs for exactly the topics and groups it produces and consumes, the internal topics
# provisioned, and a principal per partner that may read only its own stream. Runs in the broker's network
# namespace and talks to its loopback-only listener, whose anonymous principal is the broker's own super user.
# Kept equal to SuiteService by DockerComposeTest.
set -euo pipefail
# the passwords arrive as files (compose secrets), one per variable
for secret in /run/secrets/*; do [ -f "$secret" ] && export "$(basename "$secret")=$(cat "$secret")"; done
BIN=/opt/kafka/bin
BROKER=${KAFKA_ADMIN_BOOTSTRAP:-127.0.0.1:9094}
until $BIN/kafka-topics.sh --bootstrap-server $BROKER --list >/dev/null 2>&1; do sleep 1; done

user() { # principal password
  $BIN/kafka-configs.sh --bootstrap-server $BROKER --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
allow() { # principal resource-option name pattern operations...
  local principal=$1 resource=$2 name=$3 pattern=$4; shift 4
  local ops=(); for op in "$@"; do ops+=(--operation "$op"); done
  $BIN/kafka-acls.sh --bootstrap-server $BROKER --add --allow-principal "User:$principal" \
    "$resource" "$name" --resource-pattern-type "$pattern" "${ops[@]}"
}
topic() { # name [compact]
  local config=(); [ "${2:-}" = compact ] && config=(--config cleanup.policy=compact)
  $BIN/kafka-topics.sh --bootstrap-server $BROKER --create --if-not-exists --topic "$1" \
    --partitions "${TOPIC_PARTITIONS:-3}" --replication-factor "${TOPIC_REPLICATION_FACTOR:-1}" "${config[@]}"
}
produces() { allow "$1" --topic "$2" "${3:-literal}" Write Describe Create; }
consumes() { allow "$1" --topic "$2" literal Read Describe; allow "$1" --topic "$2.dlq" literal Write Describe Create; }
groups() { allow "$1" --group "$1." prefixed Read Describe; }

for topic in incident.events escalation.events subsidy.events knowledge.events \
  incident.events.dlq register.events.dlq catalog.events.dlq; do topic "$topic"; done
topic register.events compact
topic catalog.events compact

user incident-service "$KAFKA_INCIDENT_PASSWORD"
produces incident-service incident.events
produces incident-service register.events
groups incident-service

user escalation-service "$KAFKA_ESCALATION_PASSWORD"
produces escalation-service escalation.events
produces escalation-service partner. prefixed
consumes escalation-service incident.events
consumes escalation-service register.events
groups escalation-service

user subsidy-service "$KAFKA_SUBSIDY_PASSWORD"
produces subsidy-service subsidy.events
consumes subsidy-service incident.events
consumes subsidy-service register.events
consumes subsidy-service catalog.events
groups subsidy-service

user knowledge-service "$KAFKA_KNOWLEDGE_PASSWORD"
produces knowledge-service knowledge.events
produces knowledge-service catalog.events
consumes knowledge-service incident.events
consumes knowledge-service register.events
groups knowledge-service

# partners: KAFKA_PARTNERS="police zvhrr"; each authenticates with the password in its secret file
# (KAFKA_PARTNER_<ID>_PASSWORD) and reads partner.<id>.events (provisioned here, so it exists before the partner
# first reads) in groups partner.<id>.*
for id in ${KAFKA_PARTNERS:-}; do
  password_of="KAFKA_PARTNER_${id^^}_PASSWORD"
  user "partner-$id" "${!password_of:?no secret file for partner $id}"
  allow "partner-$id" --topic "partner.$id.events" literal Read Describe
  allow "partner-$id" --group "partner.$id." prefixed Read Describe
  topic "partner.$id.events"
done
echo "broker access granted"
