package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.runtime.LocalIssuer;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracer bullet on the real suite: five service processes, real PostgreSQL and Kafka. A school
 * registers an incident through the gateway; the safety expert sees the case through the gateway.
 */
class TracerBulletIT {
    private static final String STUDENT_NUMBER = "E2E-77777";
    private static final String DESCRIPTION = "Knife shown at the tram stop, confidential";
    private static LocalSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.get();
    }

    private static String token(String role) {
        return SharedSuite.token(role);
    }

    private static String registerWeaponIncident() {
        return given().auth()
                .oauth2(token("SCHOOL_STAFF"))
                .contentType(ContentType.JSON)
                .body(CrossSchoolFlow.incident(STUDENT_NUMBER, DESCRIPTION))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<Map<String, Object>> awaitCasesOf(String incidentId, Duration timeout)
            throws InterruptedException {
        return CrossSchoolFlow.awaitCasesOf(incidentId, timeout);
    }

    @Test
    void anIncidentRegisteredThroughTheGatewayBecomesACaseTheExpertSeesOnceEvenWhenRedelivered() throws Exception {
        String incidentId = registerWeaponIncident();

        List<Map<String, Object>> cases = awaitCasesOf(incidentId, Duration.ofSeconds(30));
        assertEquals(1, cases.size());
        String caseId = (String) cases.get(0).get("id");
        given().auth()
                .oauth2(token("SAFETY_EXPERT"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200)
                .body("district", equalTo("delfshaven"))
                .body("priority", equalTo("CRITICAL"))
                .body("incidents[0].incidentId", equalTo(incidentId));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(
                suite.infra().bootstrapServers(),
                "incident.events",
                r -> incidentId.equals(r.key()),
                1,
                Duration.ofSeconds(20));
        assertEquals(1, records.size());
        CloudEvent event = KafkaMessageFactory.createReader(records.get(0)).toEvent();
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals("nl.rotterdam.schoolsafe.incident.reported.v1", event.getType());
        assertEquals("/schoolsafe/incident-service", event.getSource().toString());
        assertEquals(incidentId, event.getSubject());
        assertNotNull(event.getTime());
        assertEquals("application/json", event.getDataContentType());
        String payload = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertTrue(payload.matches("(?s).*\"pseudonym\":\\s*\"ps-[0-9a-f]{32}\".*"), payload);
        assertFalse(payload.contains(STUDENT_NUMBER), "no student identifier on the topic: " + payload);
        assertFalse(payload.contains("Knife"), "no free text on the topic: " + payload);

        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(suite.infra().kafkaAdmin(), new StringSerializer(), new ByteArraySerializer())) {
            ConsumerRecord<String, byte[]> original = records.get(0);
            producer.send(new ProducerRecord<>(
                            original.topic(), null, original.key(), original.value(), original.headers()))
                    .get();
        }
        String marker = registerWeaponIncident();
        awaitCasesOf(marker, Duration.ofSeconds(30));
        assertEquals(
                1,
                awaitCasesOf(incidentId, Duration.ofSeconds(1)).size(),
                "the redelivered event opened no second case");
        assertEquals(
                1, count("escalation", "SELECT count(*) FROM case_incident WHERE incident_id = ?::uuid", incidentId));
    }

    @Test
    void theExpertReadsTheSchoolsSummaryWhichTheIncidentServiceHandsOutAndLogs() throws Exception {
        String incidentId = registerWeaponIncident();
        String summary = "A student of another school showed a knife at the tram stop; police were called.";
        CrossSchoolFlow.writeSummary(incidentId, summary);
        String caseId =
                (String) awaitCasesOf(incidentId, Duration.ofSeconds(30)).get(0).get("id");

        String read = given().auth()
                .oauth2(token("SAFETY_EXPERT"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200)
                .body("incidents.find { it.incidentId == '" + incidentId + "' }.summary", equalTo(summary))
                .extract()
                .asString();
        assertFalse(read.contains(DESCRIPTION), "the description itself never leaves the school");
        assertEquals(
                1,
                count(
                        "incident",
                        "SELECT count(*) FROM processing_log WHERE record_id = ? AND actor = 'escalation-service'"
                                + " AND role = 'SERVICE' AND purpose LIKE '%SAFETY_EXPERT demo-expert-delfshaven%'",
                        incidentId),
                "the hand-out to the expert is a logged processing of the student's data");
    }

    @Test
    void aClientCredentialsTokenFromTheLocalIssuerOpensTheSummaryHandOutAndAWrongSecretGetsNone() throws Exception {
        String incidentId = registerWeaponIncident();
        String summary = "Handed out with a client-credentials token.";
        CrossSchoolFlow.writeSummary(incidentId, summary);
        String tokenUrl = suite.issuer().url() + LocalIssuer.TOKEN_PATH;
        given().baseUri(tokenUrl)
                .auth()
                .preemptive()
                .basic("escalation-service", "not-the-secret")
                .formParam("grant_type", "client_credentials")
                .post()
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        String serviceToken = given().baseUri(tokenUrl)
                .auth()
                .preemptive()
                .basic("escalation-service", suite.issuer().secretOf("escalation-service"))
                .formParam("grant_type", "client_credentials")
                .post()
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .extract()
                .path("access_token");

        Map<String, Object> handOut = Map.of(
                "incidentIds", List.of(incidentId),
                "recipient", "SAFETY_EXPERT",
                "reader", "issuer-test-reader",
                "purpose", "escalation test");
        given().baseUri(suite.url("incident"))
                .contentType(ContentType.JSON)
                .body(handOut)
                .post("/internal/v1/shareable-summaries")
                .then()
                .statusCode(401);
        given().baseUri(suite.url("incident"))
                .auth()
                .oauth2(serviceToken)
                .contentType(ContentType.JSON)
                .body(handOut)
                .post("/internal/v1/shareable-summaries")
                .then()
                .statusCode(200)
                .body("[0].incidentId", equalTo(incidentId))
                .body("[0].summary", equalTo(summary));
        assertEquals(
                1,
                count(
                        "incident",
                        "SELECT count(*) FROM processing_log WHERE record_id = ? AND actor = 'escalation-service'"
                                + " AND purpose LIKE '%issuer-test-reader%'",
                        incidentId),
                "the hand-out under the issued token is logged as the escalation-service's");
    }

    @Test
    void anIncidentCommittedWhileTheBrokerIsDownStillBecomesExactlyOneCase() throws Exception {
        suite.infra().stopKafka();
        String incidentId;
        try {
            incidentId = registerWeaponIncident();
            Thread.sleep(2_000);
            assertNull(publishedAt(incidentId), "nothing can have been published while the broker is down");
        } finally {
            suite.infra().startKafka();
        }
        List<Map<String, Object>> cases = awaitCasesOf(incidentId, Duration.ofSeconds(90));
        assertEquals(1, cases.size());
        assertNotNull(publishedAt(incidentId), "the relay marked the event published after the broker returned");
        assertEquals(
                1, count("escalation", "SELECT count(*) FROM case_incident WHERE incident_id = ?::uuid", incidentId));
    }

    private static Object publishedAt(String incidentId) throws Exception {
        try (Connection connection = connect("incident");
                PreparedStatement query =
                        connection.prepareStatement("SELECT published_at FROM outbox_message WHERE message_key = ?")) {
            query.setString(1, incidentId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the outbox row was written with the incident");
                return row.getObject(1);
            }
        }
    }

    private static long count(String database, String sql, String parameter) throws Exception {
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(suite.infra().jdbcUrl(database), "schoolsafe", "schoolsafe");
    }
}
