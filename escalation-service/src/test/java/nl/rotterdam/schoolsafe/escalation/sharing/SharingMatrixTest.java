package nl.rotterdam.schoolsafe.escalation.sharing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.Awaiting;
import nl.rotterdam.schoolsafe.escalation.Events;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every cell of the sharing matrix (docs/architecture.md §5), checked against the literal table below, on REST
 * and on the partner-facing event. One case: an incident reported by the Lyceum (30BR01) with its
 * own student and a student of CVO Noord (31CV01), a police report being considered, an expulsion.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharingMatrixTest {
    private static final Tokens TOKENS = Tokens.forTests();
    private static final String DISTRICT = "hillegersberg-schiebroek";
    private static final String OWN = "30BR01";
    private static final String OTHER = "31CV01";
    private static String caseId;
    private static String ownStudent;
    private static String otherStudent;

    private static final String SUMMARY =
            "Threats between students of two schools near the entrance; a knife was shown.";

    /** What each reader must see of an incident: summary, involved schools, persons (which), police report, measures. */
    record Expected(boolean summary, boolean schools, String persons, boolean policeReport, boolean measures) {}

    private static final Map<String, Expected> MATRIX = Map.of(
            "SAFETY_EXPERT", new Expected(true, true, "all", true, false),
            "POLICE", new Expected(true, true, "all", true, false),
            "ZVHRR_PENDING", new Expected(true, true, "none", false, false),
            "ZVHRR_ACCEPTED", new Expected(true, true, "all", false, true),
            "YOUTH_WORK", new Expected(false, false, "none", false, false),
            "OWN_SCHOOL", new Expected(true, true, "all", true, true),
            "OTHER_SCHOOL", new Expected(false, true, "own", false, false));

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void openAndEngage() throws Exception {
        if (caseId != null) {
            return;
        }
        ownStudent = Events.pseudonym();
        otherStudent = Events.pseudonym();
        try (Events events = new Events()) {
            for (String[] partner :
                    new String[][] {{"police", "POLICE"}, {"zvhrr", "ZVHRR"}, {"joz", "YOUTH_WORK"}, {"halt", "HALT"}
                    }) {
                events.partner(partner[0], partner[1]);
            }
            IncidentEvent incident = new IncidentEvent(
                    UUID.randomUUID(),
                    OWN,
                    DISTRICT,
                    "SCHOOL_SURROUNDINGS",
                    "WEAPON",
                    "HIGH",
                    "REGISTERED",
                    "CONSIDERING",
                    OffsetDateTime.now().minusHours(2),
                    List.of(Events.student(ownStudent, "VICTIM", OWN), Events.student(otherStudent, "SUSPECT", OTHER)));
            IncidentServiceStandIn.SUMMARIES.put(incident.incidentId(), SUMMARY);
            events.reported(incident);
            events.send(
                            Topics.INCIDENT,
                            EventType.INCIDENT_EXPULSION_DECIDED.cloudEventType(),
                            incident.incidentId().toString(),
                            new ExpulsionEvent(
                                    incident.incidentId(),
                                    UUID.randomUUID(),
                                    OWN,
                                    DISTRICT,
                                    ownStudent,
                                    LocalDate.now().plusDays(7),
                                    OffsetDateTime.now().minusHours(1),
                                    OffsetDateTime.now().minusDays(1),
                                    null,
                                    null,
                                    false,
                                    null))
                    .get();
            caseId = Awaiting.caseOf(entityManager, incident.incidentId());
            Awaiting.rows(
                    entityManager,
                    "SELECT 1 FROM expulsion_seen WHERE incident_id = CAST(?1 AS uuid)",
                    incident.incidentId().toString());
            Awaiting.rows(entityManager, "SELECT 1 FROM partner_seen WHERE partner_id = ?1", "halt");
        }
        String expert = expert();
        given().auth()
                .oauth2(expert)
                .post("/api/v1/escalations/" + caseId + "/acknowledge")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "CRITICAL"))
                .post("/api/v1/escalations/" + caseId + "/triage")
                .then()
                .statusCode(200);
        for (String[] engagement :
                new String[][] {{"police", "POLICE_ACTION"}, {"zvhrr", "VICTIM_PLAN"}, {"joz", "YOUTH_WORK"}}) {
            given().auth()
                    .oauth2(expert)
                    .contentType(ContentType.JSON)
                    .body(Map.of("partnerId", engagement[0], "purpose", engagement[1]))
                    .post("/api/v1/escalations/" + caseId + "/engagements")
                    .then()
                    .statusCode(201);
        }
    }

    private static String expert() {
        return TOKENS.mint(Tokens.Holder.expert("expert-hs", DISTRICT));
    }

    private static String partner(String id) {
        return TOKENS.mint(Tokens.Holder.partner("officer-" + id, id));
    }

    private static JsonPath read(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Checks one reader's view of the incident against its row of the expected matrix; no free text on events. */
    private static void assertMatches(String reader, Map<String, Object> incident, boolean onRest) {
        Expected expected = MATRIX.get(reader);
        assertEquals(
                expected.summary() && onRest ? SUMMARY : null, incident.get("summary"), reader + ": shareable summary");
        assertNull(incident.get("summaryUnavailable"), reader);
        for (String basic : List.of("category", "severity", "occurredAt", "locationType", "district")) {
            assertNotNull(incident.get(basic), reader + " sees " + basic);
        }
        assertEquals(expected.schools(), incident.containsKey("schools"), reader + ": involved schools");
        assertEquals(
                expected.policeReport(), incident.containsKey("policeReportStatus"), reader + ": police report status");
        assertEquals(expected.measures(), incident.containsKey("measures"), reader + ": follow-up measures");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> persons = (List<Map<String, Object>>) incident.get("persons");
        switch (expected.persons()) {
            case "none" -> assertNull(persons, reader + " sees no persons");
            case "all" ->
                assertEquals(
                        List.of(ownStudent, otherStudent),
                        persons.stream().map(p -> p.get("pseudonym")).toList(),
                        reader);
            case "own" ->
                assertEquals(
                        List.of(otherStudent),
                        persons.stream().map(p -> p.get("pseudonym")).toList(),
                        reader);
            default -> throw new IllegalStateException();
        }
        assertFalse(incident.toString().contains("description"), reader + " never sees the description");
    }

    @Test
    void everyReaderSeesExactlyItsCellsOnRest() {
        assertMatches("SAFETY_EXPERT", read(expert()).getMap("incidents[0]"), true);
        assertMatches("POLICE", read(partner("police")).getMap("incidents[0]"), true);
        assertMatches("ZVHRR_PENDING", read(partner("zvhrr")).getMap("incidents[0]"), true);
        assertMatches("YOUTH_WORK", read(partner("joz")).getMap("incidents[0]"), true);
        assertMatches(
                "OWN_SCHOOL",
                read(TOKENS.mint(Tokens.Holder.school("staff-own", "SCHOOL_STAFF", OWN)))
                        .getMap("incidents[0]"),
                true);
        assertMatches(
                "OTHER_SCHOOL",
                read(TOKENS.mint(Tokens.Holder.school("staff-other", "SCHOOL_STAFF", OTHER)))
                        .getMap("incidents[0]"),
                true);

        String zvhrrEngagement = given().auth()
                .oauth2(partner("zvhrr"))
                .get("/api/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.partnerId == 'zvhrr' }.id");
        given().auth()
                .oauth2(partner("zvhrr"))
                .post("/api/v1/engagements/" + zvhrrEngagement + "/accept")
                .then()
                .statusCode(200);
        assertMatches("ZVHRR_ACCEPTED", read(partner("zvhrr")).getMap("incidents[0]"), true);
    }

    @Test
    void summariesAreAskedForWithTheServiceTokenNamingTheReader() {
        IncidentServiceStandIn.ASKED.clear();
        read(partner("police"));
        read(partner("joz"));
        assertEquals(
                List.of("escalation-service for POLICE officer-police"),
                IncidentServiceStandIn.ASKED,
                "asked once, for the police only: youth work may not see the summary, so it is not even fetched");
    }

    @Test
    void aCaseIsStillReadableWhenItsSummariesCannotBeFetched() {
        IncidentServiceStandIn.down = true;
        try {
            Map<String, Object> incident = read(expert()).getMap("incidents[0]");
            assertEquals(true, incident.get("summaryUnavailable"));
            assertNull(incident.get("summary"));
            assertEquals("WEAPON", incident.get("category"));
        } finally {
            IncidentServiceStandIn.down = false;
        }
    }

    @Test
    void onlyTheExpertSeesTheChronologyAndEveryEngagement() {
        JsonPath expertView = read(expert());
        assertEquals(3, expertView.getList("engagements").size());
        assertTrue(expertView.getList("chronology.kind").contains("triaged"));
        JsonPath police = read(partner("police"));
        assertNull(police.get("chronology"));
        assertEquals(List.of("police"), police.getList("engagements.partnerId"));
        assertNull(read(TOKENS.mint(Tokens.Holder.school("staff-own", "SCHOOL_STAFF", OWN)))
                .get("engagements"));
    }

    @Test
    void aPartnerNotEngagedAndTheMunicipalitySeeNothing() {
        given().auth()
                .oauth2(partner("halt"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(partner("halt"))
                .get("/api/v1/escalations")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.school("staff-elsewhere", "SCHOOL_STAFF", "25AL01")))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(403);
    }

    @Test
    void eachPartnerFacingEventCarriesExactlyThatPartnersCellsOnItsOwnStream() {
        Map<String, String> readers = Map.of("police", "POLICE", "zvhrr", "ZVHRR_PENDING", "joz", "YOUTH_WORK");
        for (Map.Entry<String, String> partner : readers.entrySet()) {
            List<ConsumerRecord<String, byte[]>> engaged =
                    Events.publishedTo(partner.getKey(), caseId, EventType.PARTNER_ENGAGED, 1, Duration.ofSeconds(20));
            assertEquals(
                    1, engaged.size(), partner.getKey() + " is told once, on partner." + partner.getKey() + ".events");
            Map<?, ?> payload = Events.payload(engaged.get(0));
            assertEquals(partner.getKey(), payload.get("partnerId"));
            @SuppressWarnings("unchecked")
            Map<String, Object> incident =
                    ((List<Map<String, Object>>) ((Map<?, ?>) payload.get("sharedCase")).get("incidents")).get(0);
            assertMatches(partner.getValue(), incident, false);
            assertNull(((Map<?, ?>) payload.get("sharedCase")).get("chronology"), "no chronology on the topic");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> engagements =
                    (List<Map<String, Object>>) ((Map<?, ?>) payload.get("sharedCase")).get("engagements");
            assertEquals(
                    List.of(partner.getKey()),
                    engagements.stream().map(e -> e.get("partnerId")).toList(),
                    "a partner sees its own engagement only");
        }
        assertEquals(
                List.of(),
                Events.published(
                        Topics.ESCALATION,
                        caseId,
                        EventType.PARTNER_ENGAGED.cloudEventType(),
                        1,
                        Duration.ofSeconds(2)),
                "the internal topic carries no partner's view");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void caseUpdatesAndTheClosingReachEachEngagedPartnerWithExactlyItsCells() {
        String expert = expert();
        String zvhrr = given().auth()
                .oauth2(partner("zvhrr"))
                .get("/api/v1/engagements")
                .then()
                .extract()
                .path("items.find { it.partnerId == 'zvhrr' }.status");
        if ("REQUESTED".equals(zvhrr)) {
            everyReaderSeesExactlyItsCellsOnRest();
        }
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "Joint approach agreed with the schools"))
                .post("/api/v1/escalations/" + caseId + "/decisions")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Mediation held; youth work follows both groups."))
                .post("/api/v1/escalations/" + caseId + "/close")
                .then()
                .statusCode(200);
        // by now ZVHRR accepted its referral (everyReaderSeesExactlyItsCellsOnRest), so its update shows the persons
        // and measures its column grants on an accepted referral; the close ended the referral first, so the close
        // it is told of shows what REST shows it now: the cells of a referral no longer accepted
        Map<String, String> readers = Map.of("police", "POLICE", "zvhrr", "ZVHRR_ACCEPTED", "joz", "YOUTH_WORK");
        for (EventType type : List.of(EventType.PARTNER_CASE_UPDATED, EventType.PARTNER_CASE_CLOSED)) {
            for (Map.Entry<String, String> partner : readers.entrySet()) {
                String column = type == EventType.PARTNER_CASE_CLOSED
                                && partner.getKey().equals("zvhrr")
                        ? "ZVHRR_PENDING"
                        : partner.getValue();
                List<ConsumerRecord<String, byte[]>> told =
                        Events.publishedTo(partner.getKey(), caseId, type, 1, Duration.ofSeconds(20));
                assertFalse(told.isEmpty(), partner.getKey() + " is told " + type);
                Map<?, ?> shared =
                        (Map<?, ?>) Events.payload(told.get(told.size() - 1)).get("sharedCase");
                @SuppressWarnings("unchecked")
                Map<String, Object> incident = ((List<Map<String, Object>>) shared.get("incidents")).get(0);
                assertMatches(column, incident, false);
                assertNull(shared.get("chronology"), "the chronology is the expert's only");
                assertNull(shared.get("outcome"), "so is the outcome, which is free text");
                if (type == EventType.PARTNER_CASE_CLOSED) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> own = (List<Map<String, Object>>) shared.get("engagements");
                    assertFalse(own.isEmpty(), partner.getKey() + " sees its own engagement");
                    own.forEach(engagement -> assertTrue(
                            List.of("CANCELLED", "COMPLETED").contains(engagement.get("status")),
                            partner.getKey() + " is told the close ended its engagement: " + engagement));
                }
            }
        }
        assertEquals(
                "CLOSED",
                ((Map<?, ?>) Events.payload(Events.publishedTo(
                                                "police",
                                                caseId,
                                                EventType.PARTNER_CASE_CLOSED,
                                                1,
                                                Duration.ofSeconds(5))
                                        .get(0))
                                .get("sharedCase"))
                        .get("status"));
        assertEquals(
                List.of(),
                Events.publishedTo("halt", caseId, EventType.PARTNER_CASE_CLOSED, 1, Duration.ofSeconds(2)),
                "HALT, in the register but not engaged, is told nothing");
    }
}
