#!/usr/bin/env bash
# Runs the whole SchoolSafe suite locally: embedded PostgreSQL and Kafka, five services, demo data.
# Needs only a JDK 17+. Builds what is missing first. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

build=false
for arg in "$@"; do [ "$arg" = "--rebuild" ] && build=true; done
[ -f local-runtime/target/classes/META-INF/schoolsafe/runtime.classpath ] || build=true
# every Quarkus application of the build (the services and the gateway) must be packaged
for app in */src/main/resources/application.properties; do
  [ -f "${app%%/*}/target/quarkus-app/quarkus-run.jar" ] || build=true
done

if $build; then
  echo "[schoolsafe] building the suite (first time: a few minutes while Maven downloads dependencies) …"
  ./mvnw -B -q package -DskipTests
fi

exec java -Xmx256m -XX:+UseSerialGC \
  -cp "local-runtime/target/classes:$(cat local-runtime/target/classes/META-INF/schoolsafe/runtime.classpath)" \
  nl.rotterdam.schoolsafe.runtime.SchoolSafeLocal "$@"
