package nl.rotterdam.schoolsafe.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InfraTest {
    private static Infra infra;

    @BeforeAll
    static void start() {
        Path dir = Path.of("target", "infra-test");
        infra = Infra.start(
                dir.resolve("data"), Ports.free(), Ports.free(), Ports.free(), true, false, dir.resolve("infra.log"));
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void createsOneDatabasePerServiceOwnedByTheServiceRole() throws Exception {
        for (String database : Infra.DATABASES) {
            try (Connection connection =
                            DriverManager.getConnection(infra.jdbcUrl(database), "schoolsafe", "schoolsafe");
                    ResultSet row = connection
                            .createStatement()
                            .executeQuery("SELECT current_database(), current_user, version()")) {
                assertTrue(row.next());
                assertEquals(database, row.getString(1));
                assertEquals("schoolsafe", row.getString(2));
                assertTrue(row.getString(3).startsWith("PostgreSQL 17"), row.getString(3));
            }
        }
    }

    @Test
    void brokerKeepsRecordsAcrossAStopAndStart() throws Exception {
        String topic = "infra-test";
        send(topic, "before");
        infra.stopKafka();
        assertThrows(Exception.class, () -> send(topic, "during"), "a stopped broker must refuse records");
        infra.startKafka();
        send(topic, "after");
        assertEquals(List.of("before", "after"), readAll(topic, 2));
    }

    @Test
    void aPartnerReadsItsOwnStreamAndIsRefusedEveryOtherTopic() throws Exception {
        BrokerAccess.grantPartner(infra.bootstrapServers(), "police");
        BrokerAccess.grantPartner(infra.bootstrapServers(), "zvhrr");
        send("partner.police.events", "for police");
        send("partner.zvhrr.events", "for zvhrr");
        send("incident.events", "internal");
        String police = BrokerAccess.partnerPrincipal("police");
        assertEquals(
                List.of("for police"),
                values(TopicReader.read(
                        infra.bootstrapServers(), police, "partner.police.events", r -> true, 1, WAIT)));
        for (String other : List.of("incident.events", "partner.zvhrr.events")) {
            TopicAuthorizationException refused = assertThrows(
                    TopicAuthorizationException.class,
                    () -> TopicReader.read(infra.bootstrapServers(), police, other, r -> true, 1, WAIT),
                    "police may not read " + other);
            assertTrue(refused.unauthorizedTopics().contains(other), refused.getMessage());
        }
        // the negative control: the same reads as the admin find the records, so the refusals are the ACLs'
        assertEquals(
                List.of("for zvhrr"),
                values(TopicReader.read(infra.bootstrapServers(), "partner.zvhrr.events", r -> true, 1, WAIT)));
    }

    @Test
    void aServiceMayWriteItsOwnTopicsOnly() throws Exception {
        Map<String, Object> incidentService = BrokerAccess.client(infra.bootstrapServers(), "incident-service");
        send(incidentService, "incident.events", "own topic");
        ExecutionException refused = assertThrows(
                ExecutionException.class, () -> send(incidentService, "escalation.events", "not its topic"));
        assertTrue(
                refused.getCause() instanceof TopicAuthorizationException,
                refused.getCause().toString());
    }

    @Test
    void aWrongPasswordIsRefusedByTheBroker() {
        Map<String, Object> impostor = BrokerAccess.client(infra.bootstrapServers(), "escalation-service");
        impostor.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"escalation-service\" "
                        + "password=\"guessed\";");
        Exception refused = assertThrows(Exception.class, () -> send(impostor, "escalation.events", "x"));
        Throwable cause = refused instanceof ExecutionException ? refused.getCause() : refused;
        assertTrue(cause instanceof SaslAuthenticationException, cause.toString());
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    private static void send(Map<String, Object> client, String topic, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Ports.PortInUse refused =
                    assertThrows(Ports.PortInUse.class, () -> Ports.requireFree(socket.getLocalPort(), "PostgreSQL"));
            assertTrue(refused.getMessage().contains(socket.getLocalPort() + " (PostgreSQL)"), refused.getMessage());
        }
    }

    private static void send(String topic, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(infra.kafkaAdmin());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.putAll(infra.kafkaAdmin());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
