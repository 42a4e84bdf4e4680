package nl.rotterdam.schoolsafe.knowledge.agenda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class WorkAgendaTest {

    @Test
    void thePlansFifteenMeasuresAreOnTheAgendaWithTheirSchoolYears() {
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .get("/api/v1/work-agenda/measures")
                .then()
                .statusCode(200)
                .body("$", hasSize(15))
                .body(
                        "number",
                        equalTo(java.util.stream.IntStream.rangeClosed(1, 15)
                                .boxed()
                                .toList()))
                .body("[5].title", equalTo("Veilig Op School (VOS)"))
                .body("[5].schoolYears.schoolYear", equalTo(List.of("2019-2020", "2020-2021", "2021-2022")))
                .body("[5].note", containsString("drie kruisjes"))
                .body("[11].planTableRow", equalTo("14 Expertsessies"));
    }

    @Test
    void aSchoolYearAnswersWhichMeasuresRunInIt() {
        given().auth()
                .oauth2(Api.board("boor"))
                .queryParam("schoolYear", "2019-2020")
                .get("/api/v1/work-agenda/measures")
                .then()
                .statusCode(200)
                .body("number", equalTo(List.of(1, 2, 3, 6, 7, 12, 13)))
                .body("schoolYears", everyItem(hasSize(1)))
                .body("schoolYears.schoolYear.flatten()", everyItem(equalTo("2019-2020")));
        given().auth()
                .oauth2(Api.board("boor"))
                .queryParam("schoolYear", "2020-2021")
                .get("/api/v1/work-agenda/measures")
                .then()
                .body("number", equalTo(List.of(1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)));
        given().auth()
                .oauth2(Api.board("boor"))
                .queryParam("schoolYear", "2022-2023")
                .get("/api/v1/work-agenda/measures")
                .then()
                .body("number", equalTo(List.of(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15)));
        given().auth()
                .oauth2(Api.board("boor"))
                .queryParam("schoolYear", "2025-2027")
                .get("/api/v1/work-agenda/measures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("schoolYear"));
        given().auth()
                .oauth2(Api.board("boor"))
                .queryParam("schoolYear", "2025/2026")
                .get("/api/v1/work-agenda/measures")
                .then()
                .statusCode(400);
    }

    @Test
    void theMunicipalityAddsAYearWithProgressAndChangesItWithIfMatch() {
        String path = "/api/v1/work-agenda/measures/12/school-years/2025-2026";
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"status\":\"RUNNING\",\"progressNotes\":\"Twee expertsessies gehouden.\"}")
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("schoolYear", equalTo("2025-2026"))
                .body("updatedBy", equalTo("municipality-officer"));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"status\":\"COMPLETED\"}")
                .put(path)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body("{\"status\":\"COMPLETED\",\"progressNotes\":\"Drie sessies, 120 deelnemers.\"}")
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("COMPLETED"));
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .queryParam("schoolYear", "2025-2026")
                .get("/api/v1/work-agenda/measures")
                .then()
                .body("number", equalTo(List.of(12)))
                .body("[0].schoolYears[0].progressNotes", equalTo("Drie sessies, 120 deelnemers."))
                .body("[0].schoolYears[0].updatedAt", notNullValue());
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .contentType(ContentType.JSON)
                .body("{\"status\":\"RUNNING\"}")
                .put(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"status\":\"DONE\"}")
                .put("/api/v1/work-agenda/measures/16/school-years/2025-2026")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("status"));
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .get("/api/v1/work-agenda/measures/12")
                .then()
                .statusCode(200)
                .body(
                        "schoolYears.schoolYear",
                        equalTo(List.of("2019-2020", "2020-2021", "2021-2022", "2022-2023", "2025-2026")));
    }
}
