package nl.rotterdam.schoolsafe.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
    @Test
    void aBrokerCaGivenAsPemIsTrustedAndWithoutOneTheJvmsTrustApplies() {
        Properties withCa =
                new KafkaClients(config("SASL_SSL", Optional.of("/etc/schoolsafe/kafka-ca/ca.crt"))).connection();
        assertEquals("SASL_SSL", withCa.get("security.protocol"));
        assertEquals("PEM", withCa.get("ssl.truststore.type"));
        assertEquals("/etc/schoolsafe/kafka-ca/ca.crt", withCa.get("ssl.truststore.location"));
        assertTrue(String.valueOf(withCa.get("sasl.jaas.config")).contains("username=\"incident-service\""));

        Properties without = new KafkaClients(config("SASL_SSL", Optional.empty())).connection();
        assertFalse(without.containsKey("ssl.truststore.location"));
        assertFalse(without.containsKey("ssl.truststore.type"));
    }

    private static KafkaConfig config(String protocol, Optional<String> truststore) {
        return new KafkaConfig() {
            public String bootstrapServers() {
                return "kafka:9093";
            }

            public Duration sendTimeout() {
                return Duration.ofSeconds(10);
            }

            public String securityProtocol() {
                return protocol;
            }

            public String saslMechanism() {
                return "SCRAM-SHA-512";
            }

            public Optional<String> username() {
                return Optional.of("incident-service");
            }

            public Optional<String> password() {
                return Optional.of("secret");
            }

            public Optional<String> truststoreLocation() {
                return truststore;
            }

            public Duration sessionTimeout() {
                return Duration.ofSeconds(6);
            }

            public int topicPartitions() {
                return 3;
            }

            public short topicReplication() {
                return 1;
            }
        };
    }
}
