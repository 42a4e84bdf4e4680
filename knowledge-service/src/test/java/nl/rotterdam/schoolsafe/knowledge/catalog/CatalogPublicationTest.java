package nl.rotterdam.schoolsafe.knowledge.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The catalog as reference data for the subsidy-service: codes and evidence levels on the compacted catalog topic. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class CatalogPublicationTest {
    private static final EventType DESCRIBED = EventType.CATALOG_OFFERING_DESCRIBED;

    private static List<ConsumerRecord<String, byte[]>> published(String offeringId, int expected) {
        return TestEvents.published(
                DESCRIBED.topic(),
                "offering:" + offeringId,
                DESCRIBED.cloudEventType(),
                expected,
                Duration.ofSeconds(30));
    }

    @Test
    void everyDescriptionOfAnOfferingIsPublishedWithItsEvidenceLevelButNotItsTexts() {
        String code = "publicatie-" + UUID.randomUUID().toString().substring(0, 8);
        String id = CatalogSearchTest.create(CatalogSearchTest.offering(code, "Eerste versie."));
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(CatalogSearchTest.offering(code, "Tweede versie.").replace("PROMISING", "EVIDENCE_INFORMED"))
                .put("/api/v1/catalog/offerings/" + id)
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = published(id, 2);
        assertEquals(2, records.size());
        Map<?, ?> first = TestEvents.payload(records.get(0));
        Map<?, ?> latest = TestEvents.payload(records.get(1));
        assertEquals(Set.of("offeringId", "code", "evidenceLevel", "themes", "sectors"), latest.keySet());
        assertEquals("PROMISING", first.get("evidenceLevel"));
        assertEquals("EVIDENCE_INFORMED", latest.get("evidenceLevel"));
        assertEquals(code, latest.get("code"));
        assertEquals(List.of("BULLYING"), latest.get("themes"));
        assertEquals(List.of("VO"), latest.get("sectors"));
    }

    @Test
    void theOfferingsSeededBeforeThePublicationArePublishedToo() {
        String halt = given().auth()
                .oauth2(CatalogSearchTest.reader())
                .queryParam("q", "Halt groepstrainingen")
                .get("/api/v1/catalog/offerings")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.code == 'halt-training' }.id");
        Map<?, ?> payload = TestEvents.payload(published(halt, 1).get(0));
        assertEquals("halt-training", payload.get("code"));
        assertEquals("EVIDENCE_INFORMED", payload.get("evidenceLevel"));
        assertEquals(halt, payload.get("offeringId"));
    }
}
