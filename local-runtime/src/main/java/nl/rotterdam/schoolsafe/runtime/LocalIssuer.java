package nl.rotterdam.schoolsafe.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/**
 * The local stand-in for the city's identity provider, at Keycloak's paths so a service is configured the same way
 * for both: discovery, the key set, and a token endpoint for the OAuth 2.0 client-credentials grant (RFC 6749
 * §4.4), with the client authenticated by HTTP Basic or form fields. It signs with the keys of {@link Tokens}.
 */
public final class LocalIssuer implements AutoCloseable {
    public static final String REALM_PATH = "/realms/schoolsafe";
    public static final String TOKEN_PATH = "/protocol/openid-connect/token";
    public static final String CERTS_PATH = "/protocol/openid-connect/certs";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** A confidential client: its secret and whom its tokens speak for. */
    public record Client(String secret, Tokens.Holder holder) {}

    private final HttpServer server;
    private final Tokens tokens;
    private final String jwks;
    private final Map<String, Client> clients;

    private LocalIssuer(HttpServer server, Tokens tokens, String jwks, Map<String, Client> clients) {
        this.server = server;
        this.tokens = tokens;
        this.jwks = jwks;
        this.clients = Map.copyOf(clients);
    }

    /** Starts on loopback at {@code port} (0 for any free one). */
    public static LocalIssuer start(SigningKeys keys, Map<String, Client> clients, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            LocalIssuer issuer =
                    new LocalIssuer(server, new Tokens(keys), java.nio.file.Files.readString(keys.jwksFile()), clients);
            server.createContext(REALM_PATH, issuer::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "local-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new IllegalStateException("the local issuer cannot listen on port " + port, e);
        }
    }

    /** An issuer with a confidential client per suite service (its principal), role SERVICE, a fresh secret each. */
    public static LocalIssuer forServices(SigningKeys keys, int port) {
        Map<String, Client> clients = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (SuiteService service : SuiteService.values()) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            clients.put(
                    service.principal(),
                    new Client(HexFormat.of().formatHex(secret), Tokens.Holder.of(service.principal(), "SERVICE")));
        }
        return start(keys, clients, port);
    }

    /** The secret of a client, for the service that authenticates as it. */
    public String secretOf(String clientId) {
        return clients.get(clientId).secret();
    }

    /** Where a service's OIDC client finds this issuer (quarkus.oidc-client.auth-server-url). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(REALM_PATH.length());
            String method = exchange.getRequestMethod();
            if (path.equals("/.well-known/openid-configuration") && method.equals("GET")) {
                send(exchange, 200, discovery());
            } else if (path.equals(CERTS_PATH) && method.equals("GET")) {
                send(exchange, 200, jwks);
            } else if (path.equals(TOKEN_PATH) && method.equals("POST")) {
                token(exchange);
            } else {
                send(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private String discovery() {
        return """
                {"issuer":"%s","token_endpoint":"%s","jwks_uri":"%s","grant_types_supported":["client_credentials"],\
                "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],\
                "id_token_signing_alg_values_supported":["RS256"]}""".formatted(Tokens.ISSUER, url() + TOKEN_PATH, url() + CERTS_PATH);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        Optional<String[]> basic = basic(exchange.getRequestHeaders().getFirst("Authorization"));
        String id = basic.map(b -> b[0]).orElse(form.get("client_id"));
        String secret = basic.map(b -> b[1]).orElse(form.get("client_secret"));
        Client client = id == null ? null : clients.get(id);
        if (client == null || secret == null || !same(client.secret(), secret)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schoolsafe\"");
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = tokens.mint(client.holder(), LIFETIME);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(
                exchange,
                200,
                "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d}"
                        .formatted(token, LIFETIME.toSeconds()));
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new String[] {
                        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                    });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
