package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.SigningKeys;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's duties on the real suite: identity, forged tokens, rate limits, trace context, headers, errors. */
class GatewayIT {
    private static LocalSuite suite;

    @BeforeAll
    static void start() {
        suite = SharedSuite.get();
    }

    private static Map<String, Object> incident() {
        return Map.of(
                "schoolLocationId",
                "30BR01",
                "occurredAt",
                OffsetDateTime.now().minusHours(1).toString(),
                "locationType",
                "IN_SCHOOL",
                "category",
                "THEFT",
                "severity",
                "LOW",
                "description",
                "bike stolen");
    }

    static ValidatableResponse withHeaders(ValidatableResponse response) {
        return response.header("API-Version", equalTo("1.0.0"))
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", startsWith("max-age="))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void eachRouteReachesItsServiceWithTheCallersIdentity() {
        withHeaders(given().auth()
                        .oauth2(SharedSuite.token("SAFETY_COORDINATOR"))
                        .get("/api/v1/incidents")
                        .then()
                        .statusCode(200))
                .body("items.schoolLocationId", everyItem(equalTo("30BR01")));
        given().auth()
                .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                .get("/api/v1/register/districts")
                .then()
                .statusCode(200)
                .body("size()", equalTo(14));
        given().auth()
                .oauth2(SharedSuite.token("SAFETY_EXPERT"))
                .get("/api/v1/escalations")
                .then()
                .statusCode(200)
                .body("items.district", everyItem(equalTo("delfshaven")));
        given().auth()
                .oauth2(SharedSuite.token("MUNICIPALITY"))
                .queryParam("year", 2026)
                .queryParam("groupBy", "district")
                .get("/api/v1/statistics/incidents")
                .then()
                .statusCode(200)
                .body("minimumCellSize", equalTo(5));
        given().auth()
                .oauth2(SharedSuite.token("MUNICIPALITY"))
                .get("/api/v1/incidents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void everyForgedTokenIsRefusedWith401Problem() throws Exception {
        Tokens.Holder staff = DemoData.ROLES.get("SCHOOL_STAFF");
        SigningKeys keys = SigningKeys.loadOrCreate(suite.dataDir().resolve("keys"));
        String valid = suite.tokens().mint(staff);
        String[] parts = valid.split("\\.");
        String noneHeader =
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        JsonWebSignature hs256 = new JsonWebSignature();
        hs256.setPayload(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        hs256.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs256.setKeyIdHeaderValue(SigningKeys.KEY_ID);
        hs256.setKey(new HmacKey(Files.readAllBytes(keys.publicKeyFile())));
        hs256.setDoKeyValidation(false);
        Map<String, String> forged = Map.of(
                "alg=none", noneHeader + "." + parts[1] + ".",
                "HS256 with the public key as secret", hs256.getCompactSerialization(),
                "unknown kid", new Tokens(keys, Tokens.ISSUER, Tokens.AUDIENCE, "unknown-kid").mint(staff),
                "expired", suite.tokens().mint(staff, Duration.ofMinutes(-5)),
                "other issuer",
                        new Tokens(keys, "https://evil.example", Tokens.AUDIENCE, SigningKeys.KEY_ID).mint(staff),
                "other audience", new Tokens(keys, Tokens.ISSUER, "other-api", SigningKeys.KEY_ID).mint(staff),
                "another key", new Tokens(SigningKeys.loadOrCreate(Path.of("target", "foreign-keys"))).mint(staff),
                "garbage", "not-a-token");
        forged.forEach((variant, token) -> {
            Response response = given().auth().oauth2(token).get("/api/v1/register/districts");
            assertEquals(401, response.statusCode(), variant);
            assertEquals("application/problem+json", response.contentType(), variant);
            assertTrue(response.<String>path("instance").startsWith("urn:request:"), variant);
        });
        given().queryParam("access_token", valid)
                .get("/api/v1/register/districts")
                .then()
                .statusCode(401)
                .body("detail", org.hamcrest.Matchers.containsString("query string"));
        given().get("/api/v1/register/districts").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(valid).get("/api/v1/register/districts").then().statusCode(200);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileAnotherClientIsUnaffected() {
        String greedy = suite.tokens().mint(Tokens.Holder.school("greedy-client", "SCHOOL_STAFF", "30BR01"));
        String calm = suite.tokens().mint(Tokens.Holder.school("calm-client", "SCHOOL_STAFF", "30BR01"));
        int ok = 0;
        Response refused = null;
        for (int i = 0; i < SharedSuite.READS_PER_MINUTE + 20 && refused == null; i++) {
            Response response = given().auth().oauth2(greedy).get("/api/v1/register/districts");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                ok++;
            }
        }
        assertTrue(refused != null, "the greedy client was never limited");
        assertTrue(ok >= SharedSuite.READS_PER_MINUTE - 5 && ok <= SharedSuite.READS_PER_MINUTE, "allowed " + ok);
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        given().auth().oauth2(calm).get("/api/v1/register/districts").then().statusCode(200);
    }

    @Test
    void aTraceIdSentInArrivesOnTheKafkaRecordTheRequestCaused() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().auth()
                .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "req-trace-test-1")
                .contentType(ContentType.JSON)
                .body(incident())
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .header("traceparent", Matchers.matchesPattern("00-" + traceId + "-[0-9a-f]{16}-01"))
                .header("X-Request-Id", "req-trace-test-1")
                .extract()
                .path("id");
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(
                suite.infra().bootstrapServers(),
                "incident.events",
                r -> id.equals(r.key()),
                1,
                Duration.ofSeconds(20));
        assertEquals(1, records.size());
        assertTrue(
                new String(records.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                        .matches("00-" + traceId + "-[0-9a-f]{16}-01"),
                "the record continues the request's trace");
    }

    @Test
    void aMalformedTraceparentStartsAFreshTrace() {
        given().auth()
                .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                .header("traceparent", "00-not-a-trace-01")
                .get("/api/v1/register/districts")
                .then()
                .statusCode(200)
                .header("traceparent", Matchers.matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void errorsCarryTheHeadersAndNameTheRequest() {
        withHeaders(given().auth()
                        .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                        .header("X-Request-Id", "req-bad-1")
                        .contentType(ContentType.JSON)
                        .body(Map.of("schoolLocationId", "30BR01"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(400))
                .contentType("application/problem+json")
                .body("instance", equalTo("urn:request:req-bad-1"));
        withHeaders(given().auth()
                        .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                        .get("/api/v1/incidents/")
                        .then()
                        .statusCode(404))
                .contentType("application/problem+json");
        withHeaders(given().auth()
                        .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                        .get("/api/v1/incidents/" + java.util.UUID.randomUUID())
                        .then()
                        .statusCode(404))
                .contentType("application/problem+json");
        withHeaders(given().auth()
                        .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                        .contentType(ContentType.JSON)
                        .body(new byte[2 * 1024 * 1024])
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(413))
                .contentType("application/problem+json");
        withHeaders(given().auth()
                        .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                        .queryParam("q", "pesten ".repeat(1430))
                        .get("/api/v1/catalog/offerings")
                        .then()
                        .statusCode(400))
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("q"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/incidents")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/incidents")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aServiceThatIsDownIsA503ProblemNamingTheArea() throws Exception {
        suite.kill("knowledge");
        try {
            withHeaders(given().auth()
                            .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                            .get("/api/v1/catalog")
                            .then()
                            .statusCode(503))
                    .contentType("application/problem+json")
                    .body("context.area", equalTo("catalog"))
                    .header("Retry-After", "5");
        } finally {
            suite.launch("knowledge");
            suite.awaitReady("knowledge");
        }
        Response back = given().auth().oauth2(SharedSuite.token("SCHOOL_STAFF")).get("/api/v1/catalog");
        assertFalse(back.statusCode() == 503, "the service is back");
    }
}
