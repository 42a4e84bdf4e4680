package nl.rotterdam.schoolsafe.escalation.escalation;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.InboxConsumers;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "escalation"))
class IncidentEventsFlowTest {
    private static final Tokens TOKENS = Tokens.forTests();

    @Inject
    EntityManager entityManager;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    private static String incidentJson(UUID id, String category, String severity, String district) {
        return """
                {"incidentId":"%s","schoolLocationId":"30BR01","district":"%s","locationType":"IN_SCHOOL",
                 "category":"%s","severity":"%s","status":"REGISTERED","occurredAt":"%s",
                 "involvedPersons":[{"pseudonym":"ps-0123456789abcdef0123456789abcdef","role":"SUSPECT","kind":"STUDENT","schoolLocationId":"30BR01"}]}
                """.formatted(id, district, category, severity, OffsetDateTime.now().minusHours(1));
    }

    private void publish(String eventId, UUID incidentId, String json) throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId(eventId).withSource(URI.create("/schoolsafe/incident-service"))
                .withType(EventTypes.INCIDENT_REPORTED).withSubject(incidentId.toString())
                .withDataContentType("application/json").withData(json.getBytes(StandardCharsets.UTF_8)).build();
        producer.send(KafkaMessageFactory.createWriter(Topics.INCIDENT, null, null, incidentId.toString()).writeBinary(event)).get();
    }

    private long casesFor(UUID incidentId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM case_incident WHERE incident_id = ?1")
                .setParameter(1, incidentId).getSingleResult()).longValue();
    }

    private String expert(String area) {
        return TOKENS.mint(Tokens.Holder.expert("expert-" + area, area));
    }

    private Map<String, Object> awaitCase(UUID incidentId, String area) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> queue = given().auth().oauth2(expert(area)).get("/api/v1/escalations")
                    .then().statusCode(200).extract().path("findAll { c -> c.incidents.any { i -> i.incidentId == '" + incidentId + "' } }");
            if (!queue.isEmpty()) {
                return queue.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no case appeared for incident " + incidentId);
    }

    @Test
    void weaponIncidentOpensACriticalCaseInItsDistrictWithTheRuleThatFired() throws Exception {
        UUID incident = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), incident, incidentJson(incident, "WEAPON", "HIGH", "delfshaven"));
        Map<String, Object> found = awaitCase(incident, "delfshaven");
        assertEquals("CRITICAL", found.get("priority"));
        assertEquals("OPEN", found.get("status"));
        given().auth().oauth2(expert("delfshaven")).get("/api/v1/escalations/" + found.get("id")).then().statusCode(200)
                .body("firings.rule", hasItem("WEAPON_OR_CRITICAL"))
                .body("incidents", hasSize(1))
                .body("incidents[0].incidentId", equalTo(incident.toString()));
        given().auth().oauth2(expert("noord")).get("/api/v1/escalations/" + found.get("id")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anEventDeliveredTwiceOpensOneCase() throws Exception {
        UUID incident = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, incident, incidentJson(incident, "THREAT", "CRITICAL", "charlois"));
        publish(eventId, incident, incidentJson(incident, "THREAT", "CRITICAL", "charlois"));
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), marker, incidentJson(marker, "WEAPON", "LOW", "charlois"));
        awaitCase(marker, "charlois");
        assertEquals(1, casesFor(incident));
        Number processed = (Number) entityManager.createNativeQuery("SELECT count(*) FROM inbox_message WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult();
        assertEquals(1, processed.intValue());
    }

    @Test
    void anIncidentNoRuleFindsCrossSchoolOpensNoCase() throws Exception {
        UUID quiet = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), quiet, incidentJson(quiet, "BULLYING", "LOW", "overschie"));
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), marker, incidentJson(marker, "WEAPON", "LOW", "overschie"));
        awaitCase(marker, "overschie");
        assertEquals(0, casesFor(quiet));
    }

    @Test
    void aMalformedEventIsParkedWithItsReasonAndConsumptionGoesOn() throws Exception {
        UUID broken = UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.INCIDENT, broken.toString(), "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        UUID badPayload = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), badPayload, "{\"incidentId\": 42");
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), marker, incidentJson(marker, "WEAPON", "LOW", "pernis"));
        awaitCase(marker, "pernis");

        List<ConsumerRecord<String, byte[]>> parked = TopicReader.read(RealInfrastructure.bootstrapServers(),
                Topics.deadLetter(Topics.INCIDENT),
                r -> r.key().equals(broken.toString()) || r.key().equals(badPayload.toString()), 2, Duration.ofSeconds(20));
        assertEquals(2, parked.size());
        parked.forEach(r -> {
            String reason = new String(r.headers().lastHeader(InboxConsumers.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("CloudEvent") || reason.contains("not an incident event"), reason);
        });
    }

    @Test
    void theQueueIsOnlyForSafetyExperts() {
        given().auth().oauth2(TOKENS.mint(Tokens.Holder.school("staff-1", "SCHOOL_STAFF", "30BR01")))
                .get("/api/v1/escalations").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/forbidden"));
    }
}
