# Sourced by the benchmarks that run a driver from local-runtime's test classes: builds what is missing and sets
# CLASSPATH to those classes and their test-scope dependencies.
[ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q install -DskipTests
CP=$(mktemp)
./mvnw -B -q -pl local-runtime dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP" >/dev/null
CLASSPATH="local-runtime/target/test-classes:local-runtime/target/classes:$(cat "$CP")"
rm -f "$CP"
