package nl.rotterdam.schoolsafe.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Keycloak realm in deploy/ issues the tokens the services read: the same roles, claims and audience. */
class RealmExportTest {
    private static final Path REALM = Path.of("..", "deploy", "keycloak", "schoolsafe-realm.json");
    private static final Set<String> CLAIMS_READ =
            Set.of(Claims.ROLE, Claims.SCHOOL_LOCATION_IDS, Claims.BOARD_ID, Claims.AREA, Claims.PARTNER);
    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = new ObjectMapper().readTree(REALM.toFile());
    }

    @Test
    void namesEveryRoleTheServicesKnowAndNoOther() {
        Set<String> realmRoles = names(realm.path("roles").path("realm"), "name");
        assertEquals(
                Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(realmRoles));
    }

    @Test
    void mapsEveryClaimTheServicesReadAndTheAudienceTheyCheck() {
        List<JsonNode> mappers = mappers();
        Set<String> mapped = mappers.stream()
                .map(m -> m.path("config").path("claim.name").asText())
                .filter(CLAIMS_READ::contains)
                .collect(Collectors.toSet());
        assertEquals(CLAIMS_READ, mapped);
        JsonNode schoolLocations = mappers.stream()
                .filter(m -> m.path("config").path("claim.name").asText().equals(Claims.SCHOOL_LOCATION_IDS))
                .findFirst()
                .orElseThrow();
        assertEquals("true", schoolLocations.path("config").path("multivalued").asText(), "a list, as read");
        assertTrue(
                mappers.stream()
                        .anyMatch(m -> m.path("protocolMapper").asText().equals("oidc-audience-mapper")
                                && m.path("config")
                                        .path("included.custom.audience")
                                        .asText()
                                        .equals("schoolsafe")),
                "the audience mp.jwt.verify.audiences expects");
        assertTrue(
                names(realm.path("defaultDefaultClientScopes")).contains("schoolsafe"), "every client gets the claims");
    }

    @Test
    void theFrontendIsAPublicClientWithPkceAndNoPasswordGrant() {
        JsonNode frontend = client("schoolsafe-frontend");
        assertTrue(frontend.path("publicClient").asBoolean());
        assertTrue(frontend.path("standardFlowEnabled").asBoolean());
        assertFalse(frontend.path("implicitFlowEnabled").asBoolean());
        assertFalse(frontend.path("directAccessGrantsEnabled").asBoolean());
        assertEquals(
                "S256",
                frontend.path("attributes").path("pkce.code.challenge.method").asText());
    }

    @Test
    void eachServiceAndPartnerSystemIsAConfidentialClientWithItsRoleAndNoSecretInTheFile() {
        for (SuiteService service : SuiteService.values()) {
            JsonNode client = client(service.principal());
            assertConfidential(client);
            assertEquals(
                    List.of("sub=" + service.principal(), "role=SERVICE"),
                    hardcodedClaims(client),
                    "the subject the processing log names, and the role");
        }
        for (String partner : List.of("police", "zvhrr")) {
            JsonNode client = client("partner-" + partner);
            assertConfidential(client);
            assertEquals(
                    List.of("sub=partner-" + partner, "role=PARTNER", "partner=" + partner), hardcodedClaims(client));
        }
    }

    @Test
    void everyDemoUserHoldsAKnownRoleWithTheTenantClaimItNeeds() {
        for (JsonNode user : realm.path("users")) {
            String role = user.path("attributes").path("role").path(0).asText();
            Role.valueOf(role);
            JsonNode attributes = user.path("attributes");
            switch (Role.valueOf(role)) {
                case SCHOOL_STAFF, SAFETY_COORDINATOR ->
                    assertFalse(attributes.path(Claims.SCHOOL_LOCATION_IDS).isEmpty(), user.toString());
                case BOARD -> assertFalse(attributes.path(Claims.BOARD_ID).isEmpty(), user.toString());
                case SAFETY_EXPERT -> assertFalse(attributes.path(Claims.AREA).isEmpty(), user.toString());
                default -> {}
            }
            assertTrue(user.path("credentials").path(0).path("temporary").asBoolean(), "no standing demo password");
        }
    }

    private static void assertConfidential(JsonNode client) {
        assertFalse(
                client.path("publicClient").asBoolean(), client.path("clientId").asText());
        assertTrue(client.path("serviceAccountsEnabled").asBoolean(), "client credentials");
        assertFalse(client.path("standardFlowEnabled").asBoolean(), "no browser login");
        assertTrue(
                client.path("secret").asText().matches("\\$\\{[A-Z_]+}"),
                "the secret comes from the environment at import, never from the file");
    }

    private static List<String> hardcodedClaims(JsonNode client) {
        List<String> claims = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")) {
                claims.add(mapper.path("config").path("claim.name").asText() + "="
                        + mapper.path("config").path("claim.value").asText());
            }
        }
        return claims;
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static List<JsonNode> mappers() {
        List<JsonNode> mappers = new ArrayList<>();
        realm.path("clientScopes")
                .forEach(scope -> scope.path("protocolMappers").forEach(mappers::add));
        realm.path("clients").forEach(client -> client.path("protocolMappers").forEach(mappers::add));
        return mappers;
    }

    private static Set<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asText())
                .collect(Collectors.toSet());
    }

    private static Set<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
    }
}
