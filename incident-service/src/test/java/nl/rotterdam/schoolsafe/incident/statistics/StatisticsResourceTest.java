package nl.rotterdam.schoolsafe.incident.statistics;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.CHARLOIS_PRAKTIJK;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.NOORD_COLLEGE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.incident.RegisterFixture;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.junit.jupiter.api.Test;

/** The municipality's k-anonymous figures, on a year no other test writes to (2019). */
@QuarkusTest
class StatisticsResourceTest {
    private static final int YEAR = 2019;
    private static boolean seeded;

    private static void seedOnce() {
        if (seeded) {
            return;
        }
        seeded = true;
        RegisterFixture.load();
        Map<String, Integer> perLocation = Map.of(DELFSHAVEN_LYCEUM, 7, CHARLOIS_PRAKTIJK, 3, NOORD_COLLEGE, 6);
        perLocation.forEach((location, count) -> {
            for (int i = 0; i < count; i++) {
                register(location, OffsetDateTime.of(YEAR, 3, 1 + i, 10, 0, 0, 0, ZoneOffset.UTC));
            }
        });
    }

    private static void register(String location, OffsetDateTime occurredAt) {
        given().auth()
                .oauth2(RegisterFixture.staffOf(location))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "schoolLocationId",
                        location,
                        "occurredAt",
                        occurredAt.toString(),
                        "locationType",
                        "IN_SCHOOL",
                        "category",
                        "THEFT",
                        "severity",
                        "LOW",
                        "description",
                        "stolen phone"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
    }

    private static Response table(String path, String... groupBy) {
        seedOnce();
        return given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .queryParam("year", YEAR)
                .queryParam("groupBy", (Object[]) groupBy)
                .get("/api/v1/statistics/" + path)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static Long count(Response table, String key, String value) {
        List<Map<String, Object>> cells = table.path("cells");
        Map<String, Object> cell = cells.stream()
                .filter(c -> value.equals(((Map<?, ?>) c.get("group")).get(key)))
                .findFirst()
                .orElseThrow();
        return cell.get("count") == null ? null : ((Number) cell.get("count")).longValue();
    }

    @Test
    void suppressesTheSmallDistrictAndItsComplementSoSubtractionRecoversNothing() {
        Response districts = table("incidents", "district");
        assertEquals(7L, count(districts, "district", "delfshaven"));
        assertNull(count(districts, "district", "charlois"), "3 incidents is under the threshold");
        assertNull(count(districts, "district", "noord"), "the complement, or 16 - 7 - noord would give charlois");
        assertEquals(7L, ((Number) districts.path("publishedTotal")).longValue());

        Response sectors = table("incidents", "sector");
        assertNull(count(sectors, "sector", "VSO"), "the VSO cell holds only Charlois' 3");
        assertNull(count(sectors, "sector", "VO"), "VO = total - VSO, so it goes too");

        Response twoWay = table("incidents", "district", "sector");
        List<Map<String, Object>> cells = twoWay.path("cells");
        assertTrue(cells.stream().noneMatch(c -> c.get("count") != null && ((Number) c.get("count")).longValue() < 5));
        assertEquals(7L, count(twoWay, "district", "delfshaven"));
    }

    @Test
    void countsAMonthInRotterdamsTimeSoTheLastEveningOfAprilInUtcIsMay() {
        // 22:30 UTC on 30 April is 00:30 on 1 May in Rotterdam (CEST); 2018 is a year no other test writes to
        RegisterFixture.load();
        for (int i = 0; i < 6; i++) {
            register(DELFSHAVEN_LYCEUM, OffsetDateTime.of(2018, 4, 30, 22, 30, i, 0, ZoneOffset.UTC));
        }
        Response months = given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .queryParam("year", 2018)
                .queryParam("groupBy", "month", "category")
                .get("/api/v1/statistics/incidents")
                .then()
                .statusCode(200)
                .extract()
                .response();
        List<Map<String, Object>> cells = months.path("cells");
        assertEquals(1, cells.size(), cells.toString());
        assertEquals(
                Map.of("month", "2018-05", "category", "THEFT"), cells.get(0).get("group"));
        assertEquals(6, ((Number) cells.get(0).get("count")).intValue());
    }

    @Test
    void theMunicipalitySeesNoRowsAndSchoolsSeeNoStatistics() {
        given().auth()
                .oauth2(RegisterFixture.staffOf(DELFSHAVEN_LYCEUM))
                .queryParam("year", YEAR)
                .queryParam("groupBy", "district")
                .get("/api/v1/statistics/incidents")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .get("/api/v1/incidents")
                .then()
                .statusCode(403);
    }

    @Test
    void refusesUnknownOrTooManyDimensionsNamingThem() {
        given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .queryParam("year", YEAR)
                .queryParam("groupBy", "district", "schoolLocation", "category")
                .get("/api/v1/statistics/incidents")
                .then()
                .statusCode(400)
                .body(
                        "errors.message",
                        org.hamcrest.Matchers.hasItems(
                                "at most 2 dimensions",
                                "schoolLocation is not one of district, sector, category, month, policeReportStatus"));
        given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(Tokens.Holder.of("policy-officer", "MUNICIPALITY")))
                .queryParam("groupBy", "district")
                .get("/api/v1/statistics/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }
}
