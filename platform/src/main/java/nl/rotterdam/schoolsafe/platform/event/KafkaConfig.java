package nl.rotterdam.schoolsafe.platform.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How every service reaches Kafka and lays out its topics. */
@ConfigMapping(prefix = "schoolsafe.kafka")
public interface KafkaConfig {
    /** Defaults to Quarkus' {@code kafka.bootstrap.servers}, which the Kafka health check reads too. */
    String bootstrapServers();

    /** How long a send may take before the outbox keeps the row for a later try. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** {@code SASL_PLAINTEXT} on loopback and in compose; {@code SASL_SSL} in production; {@code PLAINTEXT} turns SASL off. */
    @WithDefault("SASL_PLAINTEXT")
    String securityProtocol();

    @WithDefault("SCRAM-SHA-512")
    String saslMechanism();

    /** The service's broker principal; its ACLs allow exactly its own topics and consumer groups. */
    Optional<String> username();

    Optional<String> password();

    /**
     * For {@code SASL_SSL} with a broker whose certificate a private CA signed (Strimzi's cluster CA): the CA's
     * certificate as a PEM file ({@code KAFKA_TRUSTSTORE_LOCATION}); without it the JVM's own trust applies.
     */
    Optional<String> truststoreLocation();

    /** How soon the group gives a silent member's partitions to another (the broker allows 6 s and more). */
    @WithDefault("6s")
    Duration sessionTimeout();

    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplication();
}
