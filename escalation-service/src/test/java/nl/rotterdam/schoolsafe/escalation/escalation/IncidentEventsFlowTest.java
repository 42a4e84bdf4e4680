package nl.rotterdam.schoolsafe.escalation.escalation;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.escalation.Events.incident;
import static nl.rotterdam.schoolsafe.escalation.Events.pseudonym;
import static nl.rotterdam.schoolsafe.escalation.Events.student;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.rotterdam.schoolsafe.escalation.Awaiting;
import nl.rotterdam.schoolsafe.escalation.Events;
import nl.rotterdam.schoolsafe.escalation.TestClock;
import nl.rotterdam.schoolsafe.escalation.casework.Deadlines;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.InboxConsumers;
import nl.rotterdam.schoolsafe.runtime.ManagementInterface;
import nl.rotterdam.schoolsafe.runtime.PrometheusText;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "escalation"))
class IncidentEventsFlowTest {
    static final Tokens TOKENS = Tokens.forTests();

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Inject
    Deadlines deadlines;

    private Events events;

    @BeforeEach
    void producer() {
        events = new Events();
    }

    @AfterEach
    void close() {
        events.close();
    }

    static String expert(String area) {
        return TOKENS.mint(Tokens.Holder.expert("expert-" + area, area));
    }

    String awaitCase(UUID incidentId) throws InterruptedException {
        return Awaiting.caseOf(entityManager, incidentId);
    }

    void awaitSeen(UUID incidentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!entityManager
                    .createNativeQuery("SELECT 1 FROM incident_seen WHERE incident_id = ?1")
                    .setParameter(1, incidentId)
                    .getResultList()
                    .isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("incident " + incidentId + " was not consumed");
    }

    long casesFor(UUID incidentId) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM case_incident WHERE incident_id = ?1")
                        .setParameter(1, incidentId)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void weaponIncidentOpensACriticalCaseInItsDistrictWithTheRuleThatFired() throws Exception {
        IncidentEvent weapon = incident(
                "30BR01", "delfshaven", "WEAPON", "HIGH", OffsetDateTime.now().minusHours(1));
        events.reported(weapon);
        String caseId = awaitCase(weapon.incidentId());
        given().auth()
                .oauth2(expert("delfshaven"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200)
                .body("priority", equalTo("CRITICAL"))
                .body("status", equalTo("OPEN"))
                .body("rules", hasItem("WEAPON_OR_CRITICAL"))
                .body("incidents", hasSize(1))
                .body("incidents[0].incidentId", equalTo(weapon.incidentId().toString()));
        given().auth()
                .oauth2(expert("noord"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertEquals(
                1,
                Events.published(caseId, EventType.ESCALATION_OPENED, 1, Duration.ofSeconds(20))
                        .size());
    }

    @Test
    void anEventDeliveredTwiceOpensOneCaseAndTheSkippedDuplicateIsCounted() throws Exception {
        double skipped = metric("schoolsafe_inbox_duplicates_skipped_total");
        IncidentEvent threat = incident(
                "30BR01", "charlois", "THREAT", "CRITICAL", OffsetDateTime.now().minusHours(1));
        String eventId = UUID.randomUUID().toString();
        events.send(
                        Topics.INCIDENT,
                        eventId,
                        EventType.INCIDENT_REPORTED.cloudEventType(),
                        threat.incidentId().toString(),
                        threat)
                .get();
        events.send(
                        Topics.INCIDENT,
                        eventId,
                        EventType.INCIDENT_REPORTED.cloudEventType(),
                        threat.incidentId().toString(),
                        threat)
                .get();
        IncidentEvent marker = incident(
                "30BR01", "charlois", "WEAPON", "LOW", OffsetDateTime.now().minusHours(1));
        events.reported(marker);
        awaitCase(marker.incidentId());
        awaitCase(threat.incidentId());
        assertEquals(1, casesFor(threat.incidentId()));
        Number processed = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_message WHERE event_id = ?1")
                .setParameter(1, eventId)
                .getSingleResult();
        assertEquals(1, processed.intValue());
        assertTrue(
                PrometheusText.awaitAtLeast(
                                IncidentEventsFlowTest::metrics,
                                "schoolsafe_inbox_duplicates_skipped_total",
                                skipped + 1,
                                Duration.ofSeconds(10))
                        >= skipped + 1,
                "the operator sees the skip");
    }

    /** A series of this service's Prometheus metrics, summed over its labels; 0 before it first moved. */
    private static double metric(String name) {
        double value = PrometheusText.value(metrics(), name, "");
        return Double.isNaN(value) ? 0 : value;
    }

    private static String metrics() {
        return ManagementInterface.given().get("/q/metrics").asString();
    }

    @Test
    void theSamePseudonymAtTwoSchoolsJoinsOneCaseWithinTheWindowButNotOutsideIt() throws Exception {
        String student = pseudonym();
        OffsetDateTime first = OffsetDateTime.now().minusDays(60);
        IncidentEvent atLyceum = incident(
                "30BR01", "kralingen-crooswijk", "BULLYING", "LOW", first, student(student, "VICTIM", "30BR01"));
        IncidentEvent tooLate = incident(
                "31CV01",
                "kralingen-crooswijk",
                "BULLYING",
                "LOW",
                first.plusDays(31),
                student(student, "VICTIM", "31CV01"));
        IncidentEvent inTime = incident(
                "32LM01",
                "kralingen-crooswijk",
                "BULLYING",
                "LOW",
                first.plusDays(40),
                student(student, "SUSPECT", "32LM01"));
        for (IncidentEvent incident : List.of(atLyceum, tooLate)) {
            events.reported(incident);
            awaitSeen(incident.incidentId());
        }
        assertEquals(0, casesFor(atLyceum.incidentId()), "a single school is no cross-school pattern");
        assertEquals(0, casesFor(tooLate.incidentId()), "31 days after the first: outside the window when it arrived");
        events.reported(inTime);
        String caseId = awaitCase(inTime.incidentId());
        assertEquals(0, casesFor(atLyceum.incidentId()), "40 days before the third: outside its window");
        given().auth()
                .oauth2(expert("kralingen-crooswijk"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200)
                .body("rules", hasItem("SAME_PSEUDONYM_AT_SCHOOLS"))
                .body(
                        "incidents.incidentId",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                inTime.incidentId().toString(),
                                tooLate.incidentId().toString()));
    }

    @Test
    void fiftyLinkedIncidentsArrivingAtOnceOnDifferentPartitionsEndInOneOpenCase() throws Exception {
        String student = pseudonym();
        List<IncidentEvent> incidents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            incidents.add(incident(
                    i % 2 == 0 ? "30BR01" : "31CV01",
                    "hoogvliet",
                    "WEAPON",
                    "HIGH",
                    OffsetDateTime.now().minusMinutes(i),
                    student(student, "SUSPECT", "30BR01")));
        }
        List<Future<?>> sent = new ArrayList<>();
        incidents.forEach(incident -> sent.add(events.send(
                Topics.INCIDENT,
                EventType.INCIDENT_REPORTED.cloudEventType(),
                incident.incidentId().toString(),
                incident)));
        for (Future<?> future : sent) {
            future.get();
        }
        long partitions = TopicReader.read(
                        RealInfrastructure.bootstrapServers(),
                        Topics.INCIDENT,
                        r -> incidents.stream()
                                .anyMatch(i -> i.incidentId().toString().equals(r.key())),
                        50,
                        Duration.ofSeconds(30))
                .stream()
                .map(ConsumerRecord::partition)
                .distinct()
                .count();
        assertTrue(partitions > 1, "the incidents spread over partitions, so consumers race");
        for (IncidentEvent incident : incidents) {
            awaitCase(incident.incidentId());
        }
        List<?> cases = entityManager
                .createNativeQuery("SELECT DISTINCT case_id FROM case_incident WHERE incident_id = ANY (?1)")
                .setParameter(
                        1, incidents.stream().map(IncidentEvent::incidentId).toArray(UUID[]::new))
                .getResultList();
        assertEquals(1, cases.size(), "one open case for one student's incidents");
        Number open = (Number) entityManager
                .createNativeQuery(
                        "SELECT count(*) FROM escalation_case WHERE district_id = 'hoogvliet' AND status <> 'CLOSED'")
                .getSingleResult();
        assertEquals(1, open.intValue());
    }

    @Test
    void anUnacknowledgedCaseIsAnnouncedOverdueOnceAfterItsDeadline() throws Exception {
        IncidentEvent weapon = incident(
                "30BR01",
                "rozenburg",
                "WEAPON",
                "CRITICAL",
                OffsetDateTime.now().minusMinutes(5));
        events.reported(weapon);
        String caseId = awaitCase(weapon.incidentId());
        deadlines.check();
        given().auth()
                .oauth2(expert("rozenburg"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .body("overdue", equalTo(false));
        clock.advance(Duration.ofMinutes(61));
        deadlines.check();
        deadlines.check();
        given().auth()
                .oauth2(expert("rozenburg"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .body("overdue", equalTo(true))
                .body("chronology.kind", hasItem("overdue"));
        List<ConsumerRecord<String, byte[]>> overdue =
                Events.published(caseId, EventType.ESCALATION_OVERDUE, 2, Duration.ofSeconds(8));
        assertEquals(1, overdue.size(), "announced once");
        assertEquals(true, Events.payload(overdue.get(0)).get("overdue"));
    }

    @Test
    void oneCheckAnnouncesABacklogLargerThanOneTransactionTakes() {
        // 250 cases past their deadline at once (after an outage, say): more than one transaction's hundred
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("INSERT INTO escalation_case (id, district_id, status, priority, opened_at, "
                                + "response_due_at, version) SELECT gen_random_uuid(), 'backlog', 'OPEN', 'HIGH', "
                                + "now() - interval '2 days', now() - interval '1 day' + g * interval '1 second', 0 "
                                + "FROM generate_series(1, 250) g")
                        .executeUpdate());
        deadlines.check();
        Number announced = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM escalation_case WHERE district_id = 'backlog' AND overdue")
                .getSingleResult();
        assertEquals(250, announced.intValue(), "every overdue case of the backlog, not the first hundred");
        // closed again, so no other test meets them
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE escalation_case SET status = 'CLOSED' WHERE district_id = 'backlog'")
                        .executeUpdate());
    }

    @Test
    void twoExpertsAcknowledgingAtOnceLeaveOneAcknowledgement() throws Exception {
        IncidentEvent weapon = incident(
                "30BR01", "pernis", "WEAPON", "HIGH", OffsetDateTime.now().minusMinutes(5));
        events.reported(weapon);
        String caseId = awaitCase(weapon.incidentId());
        String etag = given().auth()
                .oauth2(expert("pernis"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .extract()
                .header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = TOKENS.mint(Tokens.Holder.expert("expert-" + i, "pernis"));
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth()
                        .oauth2(token)
                        .header("If-Match", etag)
                        .post("/api/v1/escalations/" + caseId + "/acknowledge");
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            if (response.statusCode() == 200) {
                won++;
            } else {
                assertTrue(List.of(409, 412).contains(response.statusCode()), response.asString());
                assertEquals("application/problem+json", response.contentType());
            }
        }
        pool.shutdown();
        assertEquals(1, won);
        List<String> kinds = given().auth()
                .oauth2(expert("pernis"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .extract()
                .path("chronology.kind");
        assertEquals(1, kinds.stream().filter("acknowledged"::equals).count());
    }

    @Test
    void aMalformedEventIsParkedWithItsReasonCountedAndConsumptionGoesOn() throws Exception {
        double parkedBefore = metric("schoolsafe_inbox_dead_lettered_total");
        UUID broken = UUID.randomUUID();
        events.raw(Topics.INCIDENT, broken.toString(), "not a cloud event".getBytes(StandardCharsets.UTF_8));
        UUID badPayload = UUID.randomUUID();
        events.send(
                        Topics.INCIDENT,
                        EventType.INCIDENT_REPORTED.cloudEventType(),
                        badPayload.toString(),
                        Map.of("incidentId", 42))
                .get();
        IncidentEvent marker = incident(
                "30BR01", "ijsselmonde", "WEAPON", "LOW", OffsetDateTime.now().minusHours(1));
        events.reported(marker);
        awaitCase(marker.incidentId());
        List<ConsumerRecord<String, byte[]>> parked = TopicReader.read(
                RealInfrastructure.bootstrapServers(),
                Topics.deadLetter(Topics.INCIDENT),
                r -> r.key().equals(broken.toString()) || r.key().equals(badPayload.toString()),
                2,
                Duration.ofSeconds(20));
        assertEquals(2, parked.size());
        parked.forEach(r -> {
            String reason = new String(
                    r.headers().lastHeader(InboxConsumers.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8);
            assertTrue(
                    reason.contains("CloudEvent") || reason.contains("IncidentEvent") || reason.contains("lacks"),
                    reason);
        });
        assertTrue(
                PrometheusText.awaitAtLeast(
                                IncidentEventsFlowTest::metrics,
                                "schoolsafe_inbox_dead_lettered_total",
                                parkedBefore + 2,
                                Duration.ofSeconds(10))
                        >= parkedBefore + 2,
                "the operator sees both");
        double lag = PrometheusText.value(
                metrics(), "schoolsafe_consumer_lag", "group=\"escalation-service.incident-events\"");
        assertFalse(Double.isNaN(lag), "and how far each incident consumer is behind");
    }

    @Test
    void aSchoolCoordinatorAsksToEscalateItsOwnIncidentByHand() throws Exception {
        IncidentEvent quiet = incident(
                "25ZK01", "centrum", "BULLYING", "LOW", OffsetDateTime.now().minusHours(3));
        events.reported(quiet);
        IncidentEvent marker = incident(
                "25ZK01", "centrum", "WEAPON", "LOW", OffsetDateTime.now().minusHours(1));
        events.reported(marker);
        awaitCase(marker.incidentId());
        assertEquals(0, casesFor(quiet.incidentId()));
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.school("coordinator-noord", "SAFETY_COORDINATOR", "31CV01")))
                .contentType(ContentType.JSON)
                .body(Map.of("incidentId", quiet.incidentId(), "reason", "it goes on online"))
                .post("/api/v1/escalations/requests")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.school("coordinator-zadkine", "SAFETY_COORDINATOR", "25ZK01")))
                .contentType(ContentType.JSON)
                .body(Map.of("incidentId", quiet.incidentId(), "reason", "it goes on online"))
                .post("/api/v1/escalations/requests")
                .then()
                .statusCode(200)
                .body("rules", hasItem("MANUAL_REQUEST"))
                .body("incidents.incidentId", hasItem(quiet.incidentId().toString()))
                .body("chronology", org.hamcrest.Matchers.nullValue());
        assertEquals(1, casesFor(quiet.incidentId()));
        String caseId = awaitCase(quiet.incidentId());
        given().auth()
                .oauth2(expert("centrum"))
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200)
                .body("chronology.find { it.kind == 'school-request' }.text", equalTo("it goes on online"))
                .body("chronology.find { it.kind == 'school-request' }.actor", equalTo("coordinator-zadkine"));
        assertEquals(
                1,
                Events.published(caseId, EventType.ESCALATION_OPENED, 1, Duration.ofSeconds(20))
                        .size());
    }

    @Test
    void anEngagementNotAcceptedInTimeEscalatesToTheDutyOfficerThenTheLeadExpertEachAnnouncedOnce() throws Exception {
        events.partner("pshi", "PSHI");
        IncidentEvent weapon = incident(
                "30BR01",
                "hoek-van-holland",
                "WEAPON",
                "HIGH",
                OffsetDateTime.now().minusMinutes(5));
        events.reported(weapon);
        String caseId = awaitCase(weapon.incidentId());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (entityManager
                        .createNativeQuery("SELECT 1 FROM partner_seen WHERE partner_id = 'pshi'")
                        .getResultList()
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String expert = expert("hoek-van-holland");
        given().auth()
                .oauth2(expert)
                .post("/api/v1/escalations/" + caseId + "/acknowledge")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "HIGH"))
                .post("/api/v1/escalations/" + caseId + "/triage")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", "pshi", "purpose", "PSYCHOSOCIAL_AID"))
                .post("/api/v1/escalations/" + caseId + "/engagements")
                .then()
                .statusCode(201)
                .body("escalationLevel", equalTo(0));
        clock.advance(Duration.ofHours(5));
        deadlines.check();
        deadlines.check();
        given().auth()
                .oauth2(expert)
                .get("/api/v1/escalations/" + caseId)
                .then()
                .body("engagements[0].escalationLevel", equalTo(1));
        clock.advance(Duration.ofHours(5));
        deadlines.check();
        clock.advance(Duration.ofHours(5));
        deadlines.check();
        given().auth()
                .oauth2(expert)
                .get("/api/v1/escalations/" + caseId)
                .then()
                .body("engagements[0].escalationLevel", equalTo(2))
                .body("chronology.findAll { it.kind == 'engagement-escalated' }", hasSize(2));
        List<ConsumerRecord<String, byte[]>> escalated =
                Events.publishedTo("pshi", caseId, EventType.PARTNER_ENGAGEMENT_ESCALATED, 3, Duration.ofSeconds(8));
        assertEquals(
                List.of(1, 2),
                escalated.stream()
                        .map(r -> ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) Events.payload(r)
                                                                .get("sharedCase"))
                                                        .get("engagements"))
                                                .get(0))
                                        .get("escalationLevel"))
                                .intValue())
                        .sorted()
                        .toList());
        for (ConsumerRecord<String, byte[]> record : escalated) {
            @SuppressWarnings("unchecked")
            Map<String, Object> incident = ((List<Map<String, Object>>)
                            ((Map<?, ?>) Events.payload(record).get("sharedCase")).get("incidents"))
                    .get(0);
            // PSHi reads the youth-work column of the matrix: the basics, nothing about persons, reports or measures
            assertTrue(incident.containsKey("category") && incident.containsKey("district"), incident.toString());
            for (String withheld : List.of("summary", "persons", "schools", "policeReportStatus", "measures")) {
                assertFalse(incident.containsKey(withheld), "PSHi is not told " + withheld + ": " + incident);
            }
        }
    }

    @Test
    void closingACaseCancelsItsOpenEngagementsAndEachStepIsAnnouncedAndAudited() throws Exception {
        events.partner("halt-west", "HALT");
        IncidentEvent weapon = incident(
                "30BR01",
                "prins-alexander",
                "WEAPON",
                "HIGH",
                OffsetDateTime.now().minusMinutes(5));
        events.reported(weapon);
        String caseId = awaitCase(weapon.incidentId());
        awaitPartner("halt-west");
        String expert = expert("prins-alexander");
        given().auth()
                .oauth2(expert)
                .post("/api/v1/escalations/" + caseId + "/acknowledge")
                .then()
                .statusCode(200);
        String triaged = given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "HIGH"))
                .post("/api/v1/escalations/" + caseId + "/triage")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        var engaged = given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", "halt-west", "purpose", "HALT_TRAINING"))
                .post("/api/v1/escalations/" + caseId + "/engagements")
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .extract();
        String engagementId = engaged.path("id");
        String location = java.net.URI.create(engaged.header("Location")).getPath();
        assertEquals("/api/v1/engagements/" + engagementId, location);
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.partner("officer-halt-west", "halt-west")))
                .get(location)
                .then()
                .statusCode(200)
                .body("id", equalTo(engagementId))
                .body("partnerId", equalTo("halt-west"));
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.partner("officer-police", "police")))
                .get(location)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.partner("officer-halt-west", "halt-west")))
                .post("/api/v1/engagements/" + engagementId + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        given().auth()
                .oauth2(expert)
                .header("If-Match", triaged)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "training given"))
                .post("/api/v1/escalations/" + caseId + "/close")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        String current = given().auth()
                .oauth2(expert)
                .get("/api/v1/escalations/" + caseId)
                .then()
                .extract()
                .header("ETag");
        String closed = given().auth()
                .oauth2(expert)
                .header("If-Match", current)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "training given"))
                .post("/api/v1/escalations/" + caseId + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("training given"))
                .body("engagements[0].status", equalTo("CANCELLED"))
                .body("chronology.kind", hasItem("engagement-accepted"))
                .extract()
                .header("ETag");
        assertTrue(!closed.equals(current), "closing moved the version");

        List<ConsumerRecord<String, byte[]>> closing =
                Events.published(caseId, EventType.ESCALATION_CLOSED, 2, Duration.ofSeconds(8));
        assertEquals(1, closing.size());
        assertEquals("CLOSED", Events.payload(closing.get(0)).get("status"));
        assertEquals(
                4,
                Events.published(caseId, EventType.ESCALATION_UPDATED, 5, Duration.ofSeconds(8))
                        .size(),
                "acknowledged, triaged, partner engaged, partner accepted");
        assertEquals(
                List.of("open", "acknowledge", "triage", "engage-partner", "close"),
                auditedActions("escalation", caseId),
                "the refused close left no trace");
        assertEquals(List.of("request", "accept", "cancel"), auditedActions("engagement", engagementId));
    }

    @Test
    void theExpertsQueueListsTheDistrictsOpenCasesMostUrgentFirst() throws Exception {
        IncidentEvent otherSchool = incident(
                "30BR01",
                "kralingen-west",
                "BULLYING",
                "LOW",
                OffsetDateTime.now().minusHours(2),
                student(pseudonym(), "VICTIM", "31CV01"));
        IncidentEvent weapon = incident(
                "31CV01",
                "kralingen-west",
                "WEAPON",
                "HIGH",
                OffsetDateTime.now().minusHours(1));
        events.reported(otherSchool);
        String medium = awaitCase(otherSchool.incidentId());
        events.reported(weapon);
        String critical = awaitCase(weapon.incidentId());
        given().auth()
                .oauth2(expert("kralingen-west"))
                .get("/api/v1/escalations")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(critical, medium))
                .body("items.priority", org.hamcrest.Matchers.contains("CRITICAL", "MEDIUM"))
                .body("items[1].incidents[0].persons", hasSize(1))
                .body("items[0].engagements", hasSize(0));
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.school("staff-lyceum", "SCHOOL_STAFF", "30BR01")))
                .get("/api/v1/escalations")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(medium))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(critical)));
    }

    @Test
    void aPartnerTheRegisterRetiredCannotBeEngaged() throws Exception {
        events.partner("youth-work-twice", "YOUTH_WORK");
        events.partner("youth-work-twice", "YOUTH_WORK", true);
        IncidentEvent weapon = incident(
                "30BR01", "noord", "WEAPON", "HIGH", OffsetDateTime.now().minusMinutes(5));
        events.reported(weapon);
        String caseId = awaitCase(weapon.incidentId());
        awaitPartner("youth-work-twice");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (entityManager
                        .createNativeQuery("SELECT 1 FROM partner_seen WHERE partner_id = ?1 AND retired")
                        .setParameter(1, "youth-work-twice")
                        .getResultList()
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String expert = expert("noord");
        given().auth()
                .oauth2(expert)
                .post("/api/v1/escalations/" + caseId + "/acknowledge")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "HIGH"))
                .post("/api/v1/escalations/" + caseId + "/triage")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", "youth-work-twice", "purpose", "YOUTH_WORK"))
                .post("/api/v1/escalations/" + caseId + "/engagements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("partnerId"))
                .body("errors.message", hasItem("was retired from the register and cannot be engaged"));
    }

    void awaitPartner(String partnerId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (entityManager
                        .createNativeQuery("SELECT 1 FROM partner_seen WHERE partner_id = ?1")
                        .setParameter(1, partnerId)
                        .getResultList()
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    List<String> auditedActions(String aggregateType, String id) {
        return entityManager
                .createNativeQuery(
                        "SELECT action FROM audit_entry WHERE aggregate_type = ?1 AND aggregate_id = ?2 ORDER BY id")
                .setParameter(1, aggregateType)
                .setParameter(2, id)
                .getResultList();
    }

    @Test
    void theQueueIsNotForTheMunicipality() {
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .get("/api/v1/escalations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/forbidden"));
    }
}
