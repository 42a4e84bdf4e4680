package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each row of the hostile-client table (issue 13), sent as an attacker or a careless partner would:
 * every answer a problem+json naming what was wrong, at the gateway and, where it applies, on the
 * service directly (the gateway is not the only wall).
 */
class HostileClientsIT {
    private static final String PROBLEMS = "https://schoolsafe.rotterdam.nl/problems/";
    private static LocalSuite suite;

    @BeforeAll
    static void start() {
        suite = SharedSuite.get();
    }

    private static RequestSpecification at(String base) {
        return given().baseUri(base);
    }

    /** The gateway and the service that owns the route. */
    private static List<String> edges(String service) {
        return List.of(suite.gatewayUrl(), suite.url(service));
    }

    private static String bent(Tokens.Holder holder, Consumer<JwtClaims> bend) {
        JwtClaims claims = suite.tokens().claims(holder, Duration.ofMinutes(15));
        bend.accept(claims);
        return suite.tokens().sign(claims, true);
    }

    private static void problem(Response response, int status, String slug) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType(), response.asString());
        assertEquals(PROBLEMS + slug, response.path("type"), response.asString());
        assertEquals(Integer.valueOf(status), response.path("status"));
    }

    @Test
    void aTokenWithARoleArrayIsInvalidNotAUnionOfRoles() {
        String token = bent(
                DemoData.ROLES.get("SCHOOL_STAFF"), c -> c.setStringListClaim("role", "SCHOOL_STAFF", "MUNICIPALITY"));
        for (String base : edges("subsidy")) {
            problem(at(base).auth().oauth2(token).get("/api/v1/subsidies/reports/spending"), 401, "unauthenticated");
        }
        for (String base : edges("incident")) {
            problem(at(base).auth().oauth2(token).get("/api/v1/incidents"), 401, "unauthenticated");
        }
        for (String base : edges("escalation")) {
            problem(at(base).auth().oauth2(token).get("/api/v1/escalations"), 401, "unauthenticated");
        }
    }

    @Test
    void schoolLocationIdsThatAreNotStringsMakeTheTokenInvalid() {
        for (Consumer<JwtClaims> bend : List.<Consumer<JwtClaims>>of(
                c -> c.setClaim("school_location_ids", List.of(30)),
                c -> c.setClaim("school_location_ids", List.of(List.of("30BR01"))),
                c -> c.setClaim("school_location_ids", "30BR01"))) {
            String token = bent(DemoData.ROLES.get("SCHOOL_STAFF"), bend);
            for (String base : edges("incident")) {
                problem(at(base).auth().oauth2(token).get("/api/v1/incidents"), 401, "unauthenticated");
            }
        }
    }

    @Test
    void aTokenWithoutKidOrTooLongALifeOrIssuedInTheFutureIsRefused() {
        Tokens.Holder staff = DemoData.ROLES.get("SCHOOL_STAFF");
        JwtClaims claims = suite.tokens().claims(staff, Duration.ofMinutes(15));
        String withoutKid = suite.tokens().sign(claims, false);
        String tenYears = bent(
                staff,
                c -> c.setExpirationTime(
                        NumericDate.fromSeconds(NumericDate.now().getValue() + 10L * 365 * 24 * 3600)));
        String fromTheFuture = bent(
                staff,
                c -> c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() + 600)));
        for (String token : List.of(withoutKid, tenYears, fromTheFuture)) {
            for (String base : edges("incident")) {
                problem(at(base).auth().oauth2(token).get("/api/v1/incidents"), 401, "unauthenticated");
            }
        }
        at(suite.gatewayUrl())
                .auth()
                .oauth2(suite.tokens().mint(staff))
                .get("/api/v1/incidents")
                .then()
                .statusCode(200);
    }

    @Test
    void aPathWithDotSegmentsIsRefusedBeforeAnyCheckNotRoutedAroundThem() throws Exception {
        String token = SharedSuite.token("SCHOOL_STAFF");
        for (String raw : List.of(
                "/x/../api/v1/incidents?access_token=" + token,
                "/api/v1/./incidents",
                "/api//v1/incidents",
                "/api/v1/%2e%2e/v1/incidents",
                "/api/v1/incidents%2F..%2Fregister")) {
            for (String base : edges("incident")) {
                RawAnswer answer = RawAnswer.get(base, raw, Map.of());
                assertEquals(400, answer.status(), raw + " on " + base + ": " + answer.body());
                assertTrue(answer.body().contains(PROBLEMS + "path-not-normal"), answer.body());
            }
        }
    }

    @Test
    void anUnknownPathIsAProblemNotAnHtmlPage() {
        String token = SharedSuite.token("SCHOOL_STAFF");
        for (String base : edges("incident")) {
            problem(at(base).auth().oauth2(token).get("/API/v1/incidents"), 404, "not-found");
            problem(at(base).auth().oauth2(token).get("/wp-admin/setup.php"), 404, "not-found");
        }
        problem(at(suite.gatewayUrl()).auth().oauth2(token).get("/api/v1/no-such-area"), 404, "not-found");
    }

    @Test
    void oversizedRequestsAreProblemsNamingTheLimitAtTheGatewayAndTheServices() throws Exception {
        String token = SharedSuite.token("SCHOOL_STAFF");
        for (String base : edges("knowledge")) {
            Response uri = at(base).auth()
                    .oauth2(token)
                    .queryParam("q", "x".repeat(17_000))
                    .get("/api/v1/catalog/offerings");
            problem(uri, 414, "uri-too-long");
            assertEquals(Integer.valueOf(16_384), uri.path("context.maxUriLength"));
            Response header = at(base).auth()
                    .oauth2(token)
                    .header("X-Padding", "p".repeat(100_000))
                    .get("/api/v1/catalog/offerings");
            problem(header, 431, "headers-too-large");
            assertEquals(Integer.valueOf(16_384), header.path("context.maxHeaderBytes"));
        }
        for (String base : edges("incident")) {
            RawAnswer chunked = RawAnswer.chunked(base, "/api/v1/incidents", token, 10 * 1024 * 1024);
            assertEquals(413, chunked.status(), base + ": " + chunked.body());
            assertTrue(
                    chunked.body().contains(PROBLEMS + "body-too-large")
                            && chunked.body().contains("maxBodyBytes"),
                    base + ": " + chunked.body());
        }
    }

    @Test
    void metricsAndHealthAreOnlyOnTheManagementInterfaceAndInventedPathsMakeNoNewSeries() throws Exception {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            problem(
                    at(suite.gatewayUrl())
                            .auth()
                            .oauth2(SharedSuite.token("ADMIN"))
                            .get(path),
                    404,
                    "not-found");
        }
        for (int i = 0; i < 50; i++) {
            at(suite.gatewayUrl())
                    .auth()
                    .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                    .get("/api/v1/invented-" + i)
                    .then()
                    .statusCode(404);
        }
        String metrics = at(suite.managementUrl("gateway"))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher uris = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"")
                .matcher(metrics);
        java.util.Set<String> labels = new java.util.TreeSet<>();
        while (uris.find()) {
            labels.add(uris.group(1));
        }
        assertTrue(labels.contains("UNKNOWN"), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("invented")), labels.toString());
        assertTrue(labels.size() < 40, labels.toString());
    }

    @Test
    void jsonThatIsNotExactlyJsonIsRefusedNamingTheProblem() throws Exception {
        String token = SharedSuite.token("SCHOOL_STAFF");
        String incident = "{\"schoolLocationId\":\"30BR01\",\"occurredAt\":\""
                + OffsetDateTime.now().minusHours(1)
                + "\",\"locationType\":\"IN_SCHOOL\",\"category\":\"THEFT\",\"severity\":\"LOW\",\"description\":\"bike\"}";
        for (String base : edges("incident")) {
            Response trailing = at(base).auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(incident + " xyz")
                    .post("/api/v1/incidents");
            problem(trailing, 400, "invalid-input");
            trailing.then().body("errors.field", hasItem("body"));
            Response duplicate = at(base).auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(incident.replace("\"severity\":\"LOW\"", "\"severity\":\"LOW\",\"severity\":\"HIGH\""))
                    .post("/api/v1/incidents");
            problem(duplicate, 400, "invalid-input");
            duplicate.then().body("errors.field", hasItem(containsString("severity")));
            byte[] bom = ("\uFEFF" + incident).getBytes(StandardCharsets.UTF_8);
            Response withBom = at(base).auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(bom)
                    .post("/api/v1/incidents");
            problem(withBom, 400, "invalid-input");
            withBom.then().body("errors[0].message", containsString("byte order mark"));
            RawAnswer untyped = RawAnswer.send(
                    base,
                    "POST",
                    "/api/v1/incidents",
                    Map.of(
                            "Authorization",
                            "Bearer " + token,
                            "Content-Length",
                            String.valueOf(incident.getBytes(StandardCharsets.UTF_8).length)),
                    incident);
            assertEquals(415, untyped.status(), untyped.body());
            assertTrue(untyped.body().contains(PROBLEMS + "unsupported-media-type"), untyped.body());
        }
    }

    @Test
    void numbersAreNotEnumsAndStringsAreNotNumbers() {
        String municipality = SharedSuite.token("MUNICIPALITY");
        String admin = SharedSuite.token("ADMIN");
        String decision = "/api/v1/subsidies/applications/" + UUID.randomUUID() + "/decision";
        for (String base : edges("subsidy")) {
            Response ordinal = at(base).auth()
                    .oauth2(municipality)
                    .header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON)
                    .body("{\"decision\":1}")
                    .post(decision);
            problem(ordinal, 400, "invalid-input");
            ordinal.then().body("errors.field", hasItem("decision"));
            Response text = at(base).auth()
                    .oauth2(municipality)
                    .header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON)
                    .body("{\"decision\":\"GRANT\",\"amountCents\":\"100\"}")
                    .post(decision);
            problem(text, 400, "invalid-input");
            text.then()
                    .body("errors.field", hasItem("amountCents"))
                    .body("errors.message", hasItem("must be a whole number"));
        }
        for (String base : edges("incident")) {
            Response kind = at(base).auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("{\"name\":\"Politie\",\"kind\":0}")
                    .put("/api/v1/register/partners/hostile-partner");
            problem(kind, 400, "invalid-input");
            kind.then().body("errors.field", hasItem("kind"));
        }
    }

    @Test
    void aNulOrALoneSurrogateInAStringIsRefusedNamingTheField() {
        String token = SharedSuite.token("SCHOOL_STAFF");
        for (String bad : List.of("bike\\u0000stolen", "bike \\uD800 stolen")) {
            String body = "{\"schoolLocationId\":\"30BR01\",\"occurredAt\":\""
                    + OffsetDateTime.now().minusHours(1)
                    + "\",\"locationType\":\"IN_SCHOOL\",\"category\":\"THEFT\",\"severity\":\"LOW\",\"description\":\""
                    + bad + "\"}";
            for (String base : edges("incident")) {
                Response response = at(base).auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/incidents");
                problem(response, 400, "invalid-input");
                response.then()
                        .body("errors.field", hasItem("description"))
                        .body("errors.message", hasItem("must not contain NUL characters or unpaired surrogates"));
            }
        }
    }

    @Test
    void aSchoolLocationWhoseBrinAndNumberExistIsAConflictNamingBoth() {
        String admin = SharedSuite.token("ADMIN");
        Map<String, Object> taken = Map.of(
                "brin",
                "30BR",
                "locationNumber",
                "01",
                "name",
                "Double entry",
                "boardId",
                "boor",
                "sector",
                "VO",
                "district",
                "delfshaven",
                "pupilCount",
                100);
        for (String base : edges("incident")) {
            Response response = at(base).auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(taken)
                    .put("/api/v1/register/school-locations/30BR99");
            problem(response, 409, "already-exists");
            response.then().body("errors.field", hasItems("brin", "locationNumber"));
        }
    }

    @Test
    void anIdempotentReplayIsByteIdenticalToTheFirstAnswer() {
        String token = SharedSuite.token("SCHOOL_STAFF");
        Map<String, Object> incident = Map.of(
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
                "replayed bike");
        String key = "replay-" + UUID.randomUUID();
        Response first = given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(incident)
                .post("/api/v1/incidents");
        Response replay = given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(incident)
                .post("/api/v1/incidents");
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals("false", first.header("Idempotent-Replayed"));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("ETag"), replay.header("ETag"));
    }

    @Test
    void aBoardTokenWithoutItsBoardMayDoNothing() {
        String token = suite.tokens().mint(Tokens.Holder.of("board-without-board", "BOARD"));
        for (String base : edges("subsidy")) {
            Response response = at(base).auth().oauth2(token).get("/api/v1/subsidies/allocations/" + UUID.randomUUID());
            problem(response, 403, "tenant-claim-missing");
            response.then().body("context.claim", equalTo("board_id"));
        }
    }

    /** An answer read from a raw socket or connection, for requests RestAssured would tidy up. */
    record RawAnswer(int status, String body) {
        static RawAnswer get(String base, String rawPath, Map<String, String> headers) throws Exception {
            return send(base, "GET", rawPath, headers, "");
        }

        /** Exactly these bytes on the wire: no client library adds or tidies a header. */
        static RawAnswer send(String base, String method, String rawPath, Map<String, String> headers, String body)
                throws Exception {
            URI uri = URI.create(base);
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                StringBuilder request = new StringBuilder(
                        method + " " + rawPath + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n");
                headers.forEach(
                        (k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
                socket.getOutputStream()
                        .write(request.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8));
                return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        static RawAnswer chunked(String base, String path, String token, int bytes) throws Exception {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setChunkedStreamingMode(64 * 1024);
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Content-Type", "application/json");
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (var out = connection.getOutputStream()) {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (java.io.IOException closedEarly) {
                // the server may answer and close before the whole body is sent
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new RawAnswer(
                    status, stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        }

        private static RawAnswer parse(String raw) {
            int status = Integer.parseInt(raw.substring(9, 12));
            int body = raw.indexOf("\r\n\r\n");
            return new RawAnswer(status, body < 0 ? "" : raw.substring(body + 4));
        }
    }
}
