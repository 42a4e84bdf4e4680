package nl.rotterdam.schoolsafe.knowledge.vos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.knowledge.Events;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class VosStatusTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Inject
    EntityManager entityManager;

    static String status(String certificate, LocalDate last, LocalDate next) {
        return """
                {"certificateStatus":"%s","lastAuditOn":"%s","nextAuditDue":"%s","note":"Audit met de accountmanager onderwijs"}""".formatted(certificate, last, next);
    }

    @Test
    void theMunicipalityRecordsStatusWithIfMatchAndListsAuditsDueWithinNinetyDays() {
        String soon = "50VS01";
        String overdue = "50VS02";
        String later = "50VS03";
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(status("CERTIFIED", TODAY.minusYears(2), TODAY.plusDays(30)))
                .put("/api/v1/vos/school-locations/" + soon)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("certificateStatus", equalTo("CERTIFIED"))
                .body("nextAuditDue", equalTo(TODAY.plusDays(30).toString()))
                .body("auditOverdue", equalTo(false));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(status("CERTIFIED", TODAY.minusYears(3), TODAY.minusDays(3)))
                .put("/api/v1/vos/school-locations/" + overdue)
                .then()
                .statusCode(200)
                .body("auditOverdue", equalTo(true));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(status("CERTIFIED", TODAY.minusMonths(1), TODAY.plusDays(400)))
                .put("/api/v1/vos/school-locations/" + later)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(status("EXPIRED", TODAY.minusYears(2), TODAY.plusDays(30)))
                .put("/api/v1/vos/school-locations/" + soon)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(status("IN_PREPARATION", TODAY.minusYears(2), TODAY.plusDays(20)))
                .put("/api/v1/vos/school-locations/" + soon)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("certificateStatus", equalTo("IN_PREPARATION"));
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(status("EXPIRED", TODAY.minusYears(2), TODAY.plusDays(20)))
                .put("/api/v1/vos/school-locations/" + soon)
                .then()
                .statusCode(412);

        List<String> due = given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/vos/audits-due")
                .then()
                .statusCode(200)
                .body("schoolLocationId", hasItems(soon, overdue))
                .body("schoolLocationId", not(hasItem(later)))
                .extract()
                .path("schoolLocationId");
        assertTrue(due.indexOf(overdue) < due.indexOf(soon), "soonest (overdue) first: " + due);
        given().auth()
                .oauth2(Api.municipality())
                .queryParam("withinDays", 500)
                .get("/api/v1/vos/audits-due")
                .then()
                .body("schoolLocationId", hasItem(later));
        given().auth()
                .oauth2(Api.staff("s", soon))
                .get("/api/v1/vos/audits-due")
                .then()
                .statusCode(403);
    }

    @Test
    void aLocationsStaffAndBoardReadTheirOwnAndNobodyElse() throws Exception {
        String own = "50VS04";
        try (Events events = new Events()) {
            events.schoolLocation(own, "lmc");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (entityManager
                .createNativeQuery("SELECT 1 FROM school_location_seen WHERE school_location_id = '" + own + "'")
                .getResultList()
                .isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "register event consumed");
            Thread.sleep(100);
        }
        given().auth()
                .oauth2(Api.TOKENS.mint(nl.rotterdam.schoolsafe.runtime.Tokens.Holder.of("admin", "ADMIN")))
                .contentType(ContentType.JSON)
                .body(status("CERTIFIED", TODAY.minusYears(1), TODAY.plusYears(1)))
                .put("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Api.staff("s", own))
                .get("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(200)
                .body("schoolLocationId", equalTo(own))
                .body("certificateStatus", equalTo("CERTIFIED"));
        given().auth()
                .oauth2(Api.board("lmc"))
                .get("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(200)
                .body("schoolLocationId", equalTo(own));
        given().auth()
                .oauth2(Api.board("boor"))
                .get("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .get("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Api.staff("s", own))
                .contentType(ContentType.JSON)
                .body(status("CERTIFIED", TODAY, TODAY.plusYears(2)))
                .put("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(status("CERTIFIED", TODAY, TODAY.minusDays(1)))
                .put("/api/v1/vos/school-locations/" + own)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("nextAuditDue"));
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/vos/school-locations/not-an-id")
                .then()
                .statusCode(400);
    }
}
