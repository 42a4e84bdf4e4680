package nl.rotterdam.schoolsafe.subsidy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.BoardEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.OfferingEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Register and incident events as the incident-service publishes them, and the requests a test starts from. */
public final class SubsidyFixture {
    public static final Tokens TOKENS = Tokens.forTests();
    public static final String OFFICER = TOKENS.mint(Tokens.Holder.of("officer-1", "MUNICIPALITY"));
    public static final String SECOND_OFFICER = TOKENS.mint(Tokens.Holder.of("officer-2", "MUNICIPALITY"));

    private SubsidyFixture() {}

    public static String board(String boardId) {
        return TOKENS.mint(Tokens.Holder.board("secretary-" + boardId, boardId));
    }

    /** Publishes the boards and locations on the register topic and waits until this service has them. */
    public static void locations(SchoolLocationEvent... locations) {
        try (TestEvents events = new TestEvents()) {
            for (SchoolLocationEvent l : locations) {
                publish(
                        events,
                        EventType.BOARD_REGISTERED,
                        "board:" + l.boardId(),
                        new BoardEvent(l.boardId(), "Board " + l.boardId(), false));
                publish(events, EventType.SCHOOL_LOCATION_REGISTERED, "school-location:" + l.schoolLocationId(), l);
            }
        }
        for (SchoolLocationEvent l : locations) {
            await("SELECT count(*) FROM location_seen WHERE school_location_id = ?", l.schoolLocationId(), 1);
        }
    }

    /** Publishes the catalog's offerings on the catalog topic and waits until this service has them. */
    public static void offerings(OfferingEvent... offerings) {
        try (TestEvents events = new TestEvents()) {
            for (OfferingEvent o : offerings) {
                publish(events, EventType.CATALOG_OFFERING_DESCRIBED, "offering:" + o.offeringId(), o);
            }
        }
        for (OfferingEvent o : offerings) {
            await("SELECT count(*) FROM intervention_seen WHERE offering_id = ?", o.offeringId(), 1);
        }
    }

    private static void publish(TestEvents events, EventType type, String key, Object payload) {
        events.publish(type.topic(), type.cloudEventType(), key, payload);
    }

    /** The events of one type this service published under a key, once {@code expected} arrived or the time is up. */
    public static List<ConsumerRecord<String, byte[]>> published(
            EventType type, String key, int expected, Duration timeout) {
        return TestEvents.published(type.topic(), key, type.cloudEventType(), expected, timeout);
    }

    public static SchoolLocationEvent location(String id, String boardId, String sector, int pupils) {
        return new SchoolLocationEvent(
                id, id.substring(0, 4), id.substring(4), "School " + id, boardId, sector, "charlois", pupils);
    }

    /** Publishes incidents of one category at a location and waits until they are counted. */
    public static void incidents(String location, String category, OffsetDateTime occurredAt, int count) {
        long before = count("SELECT count(*) FROM incident_seen WHERE school_location_id = ?", location);
        try (TestEvents events = new TestEvents()) {
            for (int i = 0; i < count; i++) {
                IncidentEvent incident = new IncidentEvent(
                        UUID.randomUUID(),
                        location,
                        "charlois",
                        "IN_SCHOOL",
                        category,
                        "MEDIUM",
                        "REGISTERED",
                        "NONE",
                        occurredAt,
                        List.of());
                publish(
                        events,
                        EventType.INCIDENT_REPORTED,
                        incident.incidentId().toString(),
                        incident);
            }
        }
        await("SELECT count(*) FROM incident_seen WHERE school_location_id = ?", location, before + count);
    }

    public static String programme(String schoolYear, String method, long voCents, long fourEyesAboveCents) {
        return given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "schoolYear",
                        schoolYear,
                        "name",
                        "Agressie en seksuele weerbaarheid " + schoolYear,
                        "method",
                        method,
                        "fourEyesAboveCents",
                        fourEyesAboveCents,
                        "pots",
                        List.of(
                                Map.of("sector", "VO", "amountCents", voCents),
                                Map.of("sector", "MBO", "amountCents", 8_000_000))))
                .post("/api/v1/subsidies/programmes")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .extract()
                .path("id");
    }

    public static String potId(String programmeId, String sector) {
        return given().auth()
                .oauth2(OFFICER)
                .get("/api/v1/subsidies/programmes/" + programmeId)
                .then()
                .statusCode(200)
                .extract()
                .path("pots.find { it.sector == '" + sector + "' }.id");
    }

    public static String apply(String boardId, String programmeId, String location, String category, long cents) {
        return given().auth()
                .oauth2(board(boardId))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "programmeId",
                        programmeId,
                        "schoolLocationId",
                        location,
                        "theme",
                        "AGGRESSION",
                        "category",
                        category,
                        "amountCents",
                        cents,
                        "plan",
                        "Team training on street culture for the lower years."))
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A board's ranking of its locations in an urgency round, most urgent first. */
    public static Response rank(String allocationId, String boardId, List<String> locations) {
        return given().auth()
                .oauth2(board(boardId))
                .contentType(ContentType.JSON)
                .body(Map.of("schoolLocationIds", locations))
                .put("/api/v1/subsidies/allocations/" + allocationId + "/ranking");
    }

    public static Response propose(String allocationId) {
        return given().auth().oauth2(OFFICER).post("/api/v1/subsidies/allocations/" + allocationId + "/proposal");
    }

    /** A board agrees to the joint list or objects with a reason. */
    public static Response answer(String allocationId, String boardId, Map<String, Object> answer) {
        return given().auth()
                .oauth2(board(boardId))
                .contentType(ContentType.JSON)
                .body(answer)
                .put("/api/v1/subsidies/allocations/" + allocationId + "/agreement");
    }

    public static Response confirm(String allocationId, Map<String, Object> adjustments) {
        return given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(adjustments)
                .post("/api/v1/subsidies/allocations/" + allocationId + "/confirmation");
    }

    public static long count(String sql, Object parameter) {
        try (Connection connection =
                        DriverManager.getConnection(RealInfrastructure.jdbcUrl("subsidy"), "schoolsafe", "schoolsafe");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String sql, Object parameter, long expected) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count(sql, parameter) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not projected in time: " + sql + " " + parameter);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
