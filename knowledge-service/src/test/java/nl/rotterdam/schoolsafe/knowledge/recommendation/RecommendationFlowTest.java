package nl.rotterdam.schoolsafe.knowledge.recommendation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.knowledge.Events;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incident events on the real broker become counts, and a run of aggression becomes an explained recommendation. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class RecommendationFlowTest {
    static final String RISING = "40RF01";
    static final String QUIET = "40RF02";

    @Inject
    EntityManager entityManager;

    private Events events;

    @BeforeEach
    void producer() {
        events = new Events();
    }

    @AfterEach
    void close() {
        events.close();
    }

    void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    long counted(String location, String category) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "SELECT coalesce(sum(incidents), 0) FROM incident_month_count WHERE school_location_id = ?1 AND category = ?2")
                        .setParameter(1, location)
                        .setParameter(2, category)
                        .getSingleResult())
                .longValue();
    }

    boolean projected(String location) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM school_location_seen WHERE school_location_id = ?1")
                .setParameter(1, location)
                .getResultList()
                .isEmpty();
    }

    @Test
    void aRunOfAggressionIncidentsRecommendsHaltAndUrbanSkillzWithItsFiguresOnlyToThatSchoolAndItsBoard()
            throws Exception {
        events.schoolLocation(RISING, "boor");
        events.schoolLocation(QUIET, "cvo");
        OffsetDateTime recent = OffsetDateTime.now().minusDays(1);
        IncidentEvent moved = Events.incident(RISING, "THREAT", recent);
        for (IncidentEvent incident : List.of(
                Events.incident(RISING, "PHYSICAL_VIOLENCE", recent),
                Events.incident(RISING, "PHYSICAL_VIOLENCE", recent.minusHours(3)),
                Events.incident(RISING, "AGGRESSION_AGAINST_STAFF", recent.minusHours(5)),
                moved,
                Events.incident(QUIET, "THREAT", recent))) {
            events.reported(incident);
        }
        await(
                "the incidents counted",
                () -> counted(RISING, "PHYSICAL_VIOLENCE") == 2
                        && counted(RISING, "THREAT") == 1
                        && counted(RISING, "AGGRESSION_AGAINST_STAFF") == 1
                        && counted(QUIET, "THREAT") == 1);
        await("the register projected", () -> projected(RISING) && projected(QUIET));

        given().auth()
                .oauth2(Api.coordinator("coord-rising", RISING))
                .get("/api/v1/recommendations/school-locations/" + RISING)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].ruleId", equalTo("RISING_AGGRESSION"))
                .body("[0].categories", hasItems("PHYSICAL_VIOLENCE", "THREAT", "AGGRESSION_AGAINST_STAFF"))
                .body("[0].figures.recentCount", equalTo(4))
                .body("[0].figures.previousCount", equalTo(0))
                .body("[0].figures.minimumRecent", equalTo(3))
                .body("[0].figures.riseFactor", equalTo(1.5f))
                .body("[0].offerings.code", hasItems("halt-training", "urban-skillz"));
        given().auth()
                .oauth2(Api.board("boor"))
                .get("/api/v1/recommendations/school-locations/" + RISING)
                .then()
                .statusCode(200)
                .body("ruleId", equalTo(List.of("RISING_AGGRESSION")));

        // another school, another board, and the quiet location itself: nothing of the rising one
        given().auth()
                .oauth2(Api.staff("staff-quiet", QUIET))
                .get("/api/v1/recommendations/school-locations/" + RISING)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Api.board("cvo"))
                .get("/api/v1/recommendations/school-locations/" + RISING)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Api.staff("staff-quiet", QUIET))
                .get("/api/v1/recommendations/school-locations/" + QUIET)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/recommendations/school-locations/" + RISING)
                .then()
                .statusCode(403);

        // an update moves its count instead of adding one: below the minimum, the recommendation goes
        events.updated(new IncidentEvent(
                moved.incidentId(),
                RISING,
                "delfshaven",
                "IN_SCHOOL",
                "BULLYING",
                "LOW",
                "REGISTERED",
                "NONE",
                moved.occurredAt(),
                List.of()));
        await("the update counted", () -> counted(RISING, "THREAT") == 0 && counted(RISING, "BULLYING") == 1);
        assertEquals(2, counted(RISING, "PHYSICAL_VIOLENCE"));
        given().auth()
                .oauth2(Api.coordinator("coord-rising", RISING))
                .get("/api/v1/recommendations/school-locations/" + RISING)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].figures.recentCount", equalTo(3));
    }

    @Test
    void sexualMisconductPointsToTheSessionsAndFier() throws Exception {
        String school = "40RF03";
        events.reported(Events.incident(
                school, "SEXUAL_MISCONDUCT", OffsetDateTime.now().minusDays(2)));
        await("counted", () -> counted(school, "SEXUAL_MISCONDUCT") == 1);
        given().auth()
                .oauth2(Api.staff("s3", school))
                .get("/api/v1/recommendations/school-locations/" + school)
                .then()
                .statusCode(200)
                .body("ruleId", equalTo(List.of("SEXUAL_MISCONDUCT")))
                .body("[0].offerings.code", hasItems("expertsessie-seksuele-weerbaarheid", "fier-chat"))
                .body("[0].figures.recentCount", equalTo(1));
    }
}
