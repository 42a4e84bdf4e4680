package nl.rotterdam.schoolsafe.knowledge.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class CatalogSearchTest {

    static String reader() {
        return Api.staff("reader", "30BR01");
    }

    static String offering(String code, String description) {
        return """
                {"code":"%s","title":"Weerbaarheidstraining %s","provider":"Stichting Test","description":"%s",
                 "themes":["BULLYING"],"audiences":["STUDENTS"],"sectors":["VO"],"cost":"Gratis","evidenceLevel":"PROMISING",
                 "contact":"Stichting Test"}""".formatted(code, code, description);
    }

    static String create(String body) {
        var created = given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/catalog/offerings")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Idempotent-Replayed", "false")
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/catalog/offerings/" + id), created.header("Location"));
        return id;
    }

    @Test
    void searchingPestenFindsAnOfferingThatOnlySaysGepest() {
        String code = "gepest-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(offering(code, "Voor leerlingen die op school worden gepest en hun klasgenoten."));
        given().auth()
                .oauth2(reader())
                .queryParam("q", "pesten")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.relevance", org.hamcrest.Matchers.greaterThan(0f));
        given().auth()
                .oauth2(reader())
                .queryParam("q", "gepeste leerling")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().auth()
                .oauth2(reader())
                .queryParam("q", "gepest")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("school-en-veiligheid"));
    }

    @Test
    void accentsAndCaseAreIgnoredAndInflectedFormsFindTheSeededOffer() {
        given().auth()
                .oauth2(reader())
                .queryParam("q", "RADICALISERING")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("rotterdamse-aanpak-radicalisering"));
        String code = "ideeen-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(offering(code, "Gesprekken over ideeën en één gedeelde aanpak in het café van de school."));
        given().auth()
                .oauth2(reader())
                .queryParam("q", "ideeen cafe")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().auth()
                .oauth2(reader())
                .queryParam("q", "drugs alcohol")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items[0].code", equalTo("drugs-en-alcohol"));
    }

    @Test
    void searchResultsAreRankedByRelevance() {
        List<Float> relevance = given().auth()
                .oauth2(reader())
                .queryParam("q", "seksuele weerbaarheid")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("expertsessie-seksuele-weerbaarheid"))
                .extract()
                .path("items.relevance");
        List<Float> sorted = new ArrayList<>(relevance);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, relevance);
        assertEquals(
                "expertsessie-seksuele-weerbaarheid",
                given().auth()
                        .oauth2(reader())
                        .queryParam("q", "seksuele weerbaarheid")
                        .get("/api/v1/catalog/offerings")
                        .path("items[0].code"));
    }

    @Test
    void filtersNarrowByThemeAudienceSectorAndEvidenceLevel() {
        given().auth()
                .oauth2(reader())
                .queryParam("theme", "AGGRESSION")
                .queryParam("audience", "TEACHERS")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("halt-training", "urban-skillz"))
                .body("items.code", not(hasItem("fier-chat")))
                .body("items.themes", everyItem(hasItem("AGGRESSION")));
        given().auth()
                .oauth2(reader())
                .queryParam("sector", "PO")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("school-en-veiligheid", "pshi"))
                .body("items.sectors", everyItem(hasItem("PO")));
        given().auth()
                .oauth2(reader())
                .queryParam("evidenceLevel", "PROMISING")
                .queryParam("q", "seksueel")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("fier-chat"))
                .body("items.evidenceLevel", everyItem(equalTo("PROMISING")));
    }

    @Test
    void theCursorPagesThroughTheWholeCatalogWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(reader()).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/catalog/offerings")
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertTrue(seen.size() >= 16, seen.toString());
        assertEquals(seen.size(), new HashSet<>(seen).size());
        List<String> searched = new ArrayList<>();
        String searchCursor = null;
        do {
            var request =
                    given().auth().oauth2(reader()).queryParam("q", "school").queryParam("limit", 2);
            if (searchCursor != null) {
                request.queryParam("cursor", searchCursor);
            }
            var page = request.get("/api/v1/catalog/offerings")
                    .then()
                    .statusCode(200)
                    .extract();
            searched.addAll(page.path("items.code"));
            searchCursor = page.path("nextCursor");
        } while (searchCursor != null);
        assertEquals(searched.size(), new HashSet<>(searched).size());
        assertTrue(searched.size() > 2, searched.toString());
    }

    @Test
    void hostileSearchWordsNeverCauseAServerError() {
        for (String q : List.of(
                "\"pesten",
                "pesten & | ! ( ) :* <-> '",
                "-drugs or or \"\" ()",
                "!!!",
                "de het een",
                "'; DROP TABLE offering; --",
                "\\\\ \u0000",
                "x".repeat(200))) {
            given().auth()
                    .oauth2(reader())
                    .queryParam("q", q)
                    .get("/api/v1/catalog/offerings")
                    .then()
                    .statusCode(200)
                    .body("items", not(equalTo(null)));
        }
        given().auth()
                .oauth2(reader())
                .queryParam("q", "pesten ".repeat(1430))
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("q"))
                .body("errors[0].message", containsString("200"));
        given().auth()
                .oauth2(reader())
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth()
                .oauth2(reader())
                .queryParam("theme", "PARTY")
                .queryParam("limit", 0)
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(400)
                .body("errors", hasSize(2));
    }

    @Test
    void theMunicipalityMaintainsTheCatalogWithIfMatchAndOthersOnlyRead() {
        String code = "onderhoud-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(offering(code, "Eerste versie."));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(offering(code, "Nogmaals."))
                .post("/api/v1/catalog/offerings")
                .then()
                .statusCode(409)
                .body("type", endsWith("/offering-code-taken"));
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .contentType(ContentType.JSON)
                .body(offering(code, "x"))
                .put("/api/v1/catalog/offerings/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(offering(code, "Tweede versie."))
                .put("/api/v1/catalog/offerings/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(offering(code, "Tweede versie over groepsdruk."))
                .put("/api/v1/catalog/offerings/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("description", equalTo("Tweede versie over groepsdruk."));
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(offering(code, "Derde."))
                .put("/api/v1/catalog/offerings/" + id)
                .then()
                .statusCode(412)
                .body("context.currentETag", equalTo("\"1\""));
        given().auth()
                .oauth2(Api.board("boor"))
                .get("/api/v1/catalog/offerings/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("code", equalTo(code));
        given().auth()
                .oauth2(reader())
                .queryParam("q", "groepsdruk")
                .get("/api/v1/catalog/offerings")
                .then()
                .body("items.id", hasItem(id));
        given().get("/api/v1/catalog/offerings").then().statusCode(401);
    }

    @Test
    void aCreateWithAnIdempotencyKeyHappensOnceAndABadBodyListsEveryField() {
        String code = "eenmalig-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String first = given().auth()
                .oauth2(Api.municipality())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(offering(code, "Eenmalig."))
                .post("/api/v1/catalog/offerings")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .extract()
                .path("id");
        given().auth()
                .oauth2(Api.municipality())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(offering(code, "Eenmalig."))
                .post("/api/v1/catalog/offerings")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"Bad Code\",\"title\":\"\",\"themes\":[\"NOPE\"],\"evidenceLevel\":\"STRONG\",\"website\":\"http://x\"}")
                .post("/api/v1/catalog/offerings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("themes[0]", "evidenceLevel"));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"code\":\"Bad Code\",\"title\":\"\",\"website\":\"http://x\"}")
                .post("/api/v1/catalog/offerings")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems(
                                "code",
                                "title",
                                "provider",
                                "description",
                                "themes",
                                "audiences",
                                "sectors",
                                "cost",
                                "evidenceLevel",
                                "contact",
                                "website"));
    }
}
