package nl.rotterdam.schoolsafe.subsidy.report;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class Giving360ExportTest {
    private static final String YEAR = "2036-2037";
    /** Amounts exactly as written, compared as numbers. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static JsonSchema requiredFields;
    private static String full;
    private static String partly;

    /** Once per class, after Quarkus started (a static @BeforeAll runs before it listens). */
    @BeforeEach
    void grantTwo() throws IOException {
        if (requiredFields != null) {
            return;
        }
        try (InputStream schema =
                Giving360ExportTest.class.getResourceAsStream("/giving360/grant-required-fields.schema.json")) {
            requiredFields =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(JSON.readTree(schema));
        }
        SubsidyFixture.locations(
                SubsidyFixture.location("46GV01", "giving", "VO", 900),
                SubsidyFixture.location("46GV02", "giving", "MBO", 1800));
        String programme = SubsidyFixture.programme(YEAR, "FORMULA", 8_000_000, 10_000_000);
        full = SubsidyFixture.apply("giving", programme, "46GV01", "TEAM_TRAINING_AGGRESSION", 200_000);
        partly = SubsidyFixture.apply("giving", programme, "46GV02", "TEAM_TRAINING_AGGRESSION", 400_000);
        SubsidyFixture.apply("giving", programme, "46GV01", "YOUTH_AGGRESSION_RESILIENCE", 50_000);
        decide(full, Map.of("decision", "GRANT"));
        decide(partly, Map.of("decision", "GRANT", "amountCents", 250_000, "reason", "Half of the programme"));
    }

    private static void decide(String id, Map<String, Object> decision) {
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(decision)
                .post("/api/v1/subsidies/applications/" + id + "/decision")
                .then()
                .statusCode(200);
    }

    private static String export(String accept) {
        return given().auth()
                .oauth2(OFFICER)
                .accept(accept)
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/subsidies/reports/grants-360giving/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith(accept))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("grants-360giving-" + YEAR))
                .extract()
                .asString();
    }

    @Test
    void everyExportedGrantHasTheStandardsRequiredFields() throws IOException {
        JsonNode grants = JSON.readTree(export("application/json")).path("grants");
        assertEquals(2, grants.size(), grants::toString);
        for (JsonNode grant : grants) {
            Set<ValidationMessage> problems = requiredFields.validate(grant);
            assertTrue(problems.isEmpty(), grant.path("id").asText() + ": " + problems);
        }
        JsonNode training = find(grants, full);
        assertEquals(
                0,
                new BigDecimal("2000.00")
                        .compareTo(training.path("amountAwarded").decimalValue()));
        assertTrue(
                training.path("description").asText().contains("training teachers and teams in handling aggression"),
                training.path("description").asText());
        assertTrue(training.path("description").asText().endsWith("school year " + YEAR));
        assertEquals(
                "360G-rotterdam-schoolsafe-board-giving",
                training.path("recipientOrganization").get(0).path("id").asText());
        assertEquals(
                "Gemeente Rotterdam",
                training.path("fundingOrganization").get(0).path("name").asText());

        ObjectNode withoutDescription = training.deepCopy();
        withoutDescription.remove("description");
        ObjectNode withoutFunderId = training.deepCopy();
        ((ObjectNode) withoutFunderId.path("fundingOrganization").get(0)).remove("id");
        assertEquals(1, requiredFields.validate(withoutDescription).size(), "the check can fail: description");
        assertEquals(1, requiredFields.validate(withoutFunderId).size(), "the check can fail: funder id");
    }

    @Test
    void theCsvCarriesTheSameGrantsInTheStandardsColumns() throws IOException {
        JsonNode grants = JSON.readTree(export("application/json")).path("grants");
        CsvMapper csv = new CsvMapper();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> read = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(export("text/csv"))) {
            rows = read.readAll();
        }
        assertEquals(2, rows.size());
        for (String column : List.of(
                "Identifier",
                "Title",
                "Description",
                "Currency",
                "Amount Awarded",
                "Award Date",
                "Recipient Org:Identifier",
                "Recipient Org:Name",
                "Funding Org:Identifier",
                "Funding Org:Name")) {
            assertTrue(
                    rows.get(0).containsKey(column),
                    "column " + column + " in " + rows.get(0).keySet());
        }
        for (Map<String, String> row : rows) {
            JsonNode grant = findById(grants, row.get("Identifier"));
            assertEquals(
                    0, grant.path("amountAwarded").decimalValue().compareTo(new BigDecimal(row.get("Amount Awarded"))));
            assertEquals(grant.path("description").asText(), row.get("Description"));
            assertEquals(grant.path("awardDate").asText(), row.get("Award Date"));
            assertEquals(
                    grant.path("recipientOrganization").get(0).path("id").asText(),
                    row.get("Recipient Org:Identifier"));
        }
        assertEquals(
                "2500.00",
                rows.stream()
                        .filter(row -> row.get("Identifier").endsWith(partly))
                        .findFirst()
                        .orElseThrow()
                        .get("Amount Awarded"));
    }

    private static JsonNode find(JsonNode grants, String applicationId) {
        for (JsonNode grant : grants) {
            if (grant.path("id").asText().endsWith(applicationId)) {
                return grant;
            }
        }
        throw new AssertionError("no grant for " + applicationId + " in " + grants);
    }

    private static JsonNode findById(JsonNode grants, String id) {
        for (JsonNode grant : grants) {
            if (grant.path("id").asText().equals(id)) {
                return grant;
            }
        }
        throw new AssertionError("no grant " + id + " in " + grants);
    }
}
