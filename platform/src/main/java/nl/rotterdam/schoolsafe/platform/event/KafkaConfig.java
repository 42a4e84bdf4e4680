package nl.rotterdam.schoolsafe.platform.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every service reaches Kafka and lays out its topics. */
@ConfigMapping(prefix = "schoolsafe.kafka")
public interface KafkaConfig {
    /** Defaults to Quarkus' {@code kafka.bootstrap.servers}, which the Kafka health check reads too. */
    String bootstrapServers();

    /** How long a send may take before the outbox keeps the row for a later try. */
    @WithDefault("10s")
    Duration sendTimeout();

    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplication();
}
