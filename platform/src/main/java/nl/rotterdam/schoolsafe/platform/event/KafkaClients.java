package nl.rotterdam.schoolsafe.platform.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds the Kafka clients every service uses the same way. */
@ApplicationScoped
public class KafkaClients {
    private final KafkaConfig config;
    private final String bootstrapServers;
    private final Duration sendTimeout;

    KafkaClients(KafkaConfig config) {
        this.config = config;
        this.bootstrapServers = config.bootstrapServers();
        this.sendTimeout = config.sendTimeout();
    }

    /** For an admin client: where the broker is and who this service is to it. */
    public Properties connection() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, config.securityProtocol());
        if (config.securityProtocol().startsWith("SASL")) {
            props.put(SaslConfigs.SASL_MECHANISM, config.saslMechanism());
            props.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    ScramLoginModule.class.getName() + " required username=\""
                            + quoted(config.username()
                                    .orElseThrow(
                                            () -> new IllegalStateException("schoolsafe.kafka.username is not set")))
                            + "\" password=\"" + quoted(config.password().orElse("")) + "\";");
        }
        config.truststoreLocation().ifPresent(location -> {
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, location);
        });
        return props;
    }

    /** An admin client that gives up quickly: for the readiness check, which must answer at once. */
    public Admin quickAdmin() {
        Properties props = connection();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return Admin.create(props);
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Idempotent, acks=all; gives up on a send within the timeout so the outbox can retry later. */
    public KafkaProducer<String, byte[]> producer() {
        Properties props = connection();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeout = (int) sendTimeout.toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    /**
     * Manual offset commits: offsets move only after the effect's transaction committed. A short session and
     * cooperative rebalancing let a restarted or replaced member take its partitions over in seconds; a member that
     * stops cleanly leaves the group at once.
     */
    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        Properties props = connection();
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int)
                config.sessionTimeout().toMillis());
        props.put(
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                (int) config.sessionTimeout().toMillis() / 3);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}
