package nl.rotterdam.schoolsafe.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegisterResourceTest {
    private static final String ADMIN = RegisterFixture.TOKENS.mint(Tokens.Holder.of("admin-1", "ADMIN"));

    @Inject
    EntityManager entityManager;

    @Test
    void anAdminRegistersAPartnerAndItIsPublishedOnTheCompactedRegisterTopic() throws Exception {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Politie Rotterdam", "kind", "POLICE"))
                .put("/api/v1/register/partners/police")
                .then()
                .statusCode(200)
                .body("kind", equalTo("POLICE"));
        given().auth()
                .oauth2(RegisterFixture.staffOf(RegisterFixture.DELFSHAVEN_LYCEUM))
                .get("/api/v1/register/partners")
                .then()
                .statusCode(200)
                .body("find { it.id == 'police' }.name", equalTo("Politie Rotterdam"));

        var records = TopicReader.read(
                RealInfrastructure.bootstrapServers(),
                Topics.REGISTER,
                r -> "partner:police".equals(r.key()),
                1,
                Duration.ofSeconds(30));
        assertTrue(records.size() >= 1);
        CloudEvent event = KafkaMessageFactory.createReader(records.get(0)).toEvent();
        assertEquals("nl.rotterdam.schoolsafe.register.partner.v1", event.getType());
        assertTrue(new String(event.getData().toBytes(), StandardCharsets.UTF_8).contains("POLICE"));

        try (Admin admin = Admin.create(RealInfrastructure.kafkaAdmin())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REGISTER);
            String policy = admin.describeConfigs(List.of(topic))
                    .all()
                    .get()
                    .get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                    .value();
            assertEquals("compact", policy);
        }
    }

    @Test
    void replacingAnEntryPublishesItWholeAgainUnderTheSameKeyAndAuditsIt() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "HALT Rotterdam", "kind", "HALT"))
                .put("/api/v1/register/partners/halt")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Bureau HALT Rijnmond", "kind", "HALT"))
                .put("/api/v1/register/partners/halt")
                .then()
                .statusCode(200)
                .body("name", equalTo("Bureau HALT Rijnmond"));
        Object latest = entityManager.createNativeQuery("""
                        SELECT CAST(payload AS text) FROM outbox_message
                        WHERE message_key = 'partner:halt' AND type = 'nl.rotterdam.schoolsafe.register.partner.v1'
                        ORDER BY seq DESC LIMIT 1""").getSingleResult();
        assertTrue(latest.toString().contains("Bureau HALT Rijnmond"), latest.toString());
        List<?> audit = entityManager.createNativeQuery("""
                        SELECT action || ' by ' || actor || ' for ' || owner FROM audit_entry
                        WHERE aggregate_type = 'partner' AND aggregate_id = 'halt' ORDER BY id DESC LIMIT 1""").getResultList();
        assertEquals(List.of("replace by admin-1 for register"), audit);
    }

    @Test
    void anAdminRetiresAPartnerEnteredByMistakeWithAnAuditedReasonAndTheRegisterTopicSaysSo() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Politie (dubbel)", "kind", "POLICE"))
                .put("/api/v1/register/partners/police-twice")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(RegisterFixture.staffOf(RegisterFixture.DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "entered twice"))
                .post("/api/v1/register/partners/police-twice/retirement")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post("/api/v1/register/partners/police-twice/retirement")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("reason"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "entered twice by mistake"))
                .post("/api/v1/register/partners/police-twice/retirement")
                .then()
                .statusCode(200)
                .body("id", equalTo("police-twice"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/register/partners")
                .then()
                .statusCode(200)
                .body("findAll { it.id == 'police-twice' }.size()", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post("/api/v1/register/partners/police-twice/retirement")
                .then()
                .statusCode(409)
                .body("context.currentState", equalTo("RETIRED"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "nothing there"))
                .post("/api/v1/register/partners/no-such-partner/retirement")
                .then()
                .statusCode(404);

        Object latest = entityManager.createNativeQuery("""
                        SELECT CAST(payload AS text) FROM outbox_message
                        WHERE message_key = 'partner:police-twice' ORDER BY seq DESC LIMIT 1""").getSingleResult();
        assertTrue(latest.toString().replace(" ", "").contains("\"retired\":true"), latest.toString());
        List<?> audit = entityManager.createNativeQuery("""
                        SELECT action || ' by ' || actor || ': ' || CAST(changes -> 'reason' ->> 'after' AS text) FROM audit_entry
                        WHERE aggregate_type = 'partner' AND aggregate_id = 'police-twice' ORDER BY id DESC LIMIT 1""").getResultList();
        assertEquals(List.of("retire by admin-1: entered twice by mistake"), audit);
    }

    @Test
    void aBoardWithSchoolLocationsIsNotRetiredButAnEmptyOneIs() {
        RegisterFixture.load();
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "mistake"))
                .post("/api/v1/register/boards/boor/retirement")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/board-in-use"))
                .body("context.schoolLocationIds", hasItems(RegisterFixture.DELFSHAVEN_LYCEUM));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Typo Board"))
                .put("/api/v1/register/boards/typo-board")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "typo"))
                .post("/api/v1/register/boards/typo-board/retirement")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/register/boards")
                .then()
                .statusCode(200)
                .body("findAll { it.id == 'typo-board' }.size()", equalTo(0))
                .body("id", hasItems("boor"));
    }

    @Test
    void onlyAnAdminMaintainsTheRegisterAndBadReferencesAreNamed() {
        given().auth()
                .oauth2(RegisterFixture.staffOf(RegisterFixture.DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "X"))
                .put("/api/v1/register/boards/x")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "brin",
                        "99ZZ",
                        "locationNumber",
                        "01",
                        "name",
                        "Nowhere",
                        "boardId",
                        "no-such-board",
                        "sector",
                        "VO",
                        "district",
                        "atlantis",
                        "pupilCount",
                        10))
                .put("/api/v1/register/school-locations/99ZZ01")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("boardId", "district"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "brin",
                        "99ZZ",
                        "locationNumber",
                        "01",
                        "name",
                        "Nowhere",
                        "boardId",
                        "boor",
                        "sector",
                        "HBO",
                        "district",
                        "noord",
                        "pupilCount",
                        -1))
                .put("/api/v1/register/school-locations/99ZZ01")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("sector", "pupilCount"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "brin",
                        "99ZZ",
                        "locationNumber",
                        "01",
                        "name",
                        "Nowhere",
                        "boardId",
                        "boor",
                        "sector",
                        "VO",
                        "district",
                        "noord",
                        "pupilCount",
                        -1))
                .put("/api/v1/register/school-locations/not-an-id")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("schoolLocationId", "pupilCount"));
    }

    @Test
    void aSpecialPrimaryLocationIsRegisteredForTheQualityBudget() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Stichting Speciaal Onderwijs"))
                .put("/api/v1/register/boards/speciaal")
                .then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "brin",
                        "98SO",
                        "locationNumber",
                        "01",
                        "name",
                        "SO De Piramide",
                        "boardId",
                        "speciaal",
                        "sector",
                        "SO",
                        "district",
                        "noord",
                        "pupilCount",
                        120))
                .put("/api/v1/register/school-locations/98SO01")
                .then()
                .statusCode(anyOf(equalTo(200), equalTo(201)))
                .body("sector", equalTo("SO"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/register/school-locations")
                .then()
                .statusCode(200)
                .body("find { it.id == '98SO01' }.sector", equalTo("SO"));
    }
}
