package nl.rotterdam.schoolsafe.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The interactive API reference: Swagger UI on the merged document, with schemas, examples and "Try it out" against
 * this gateway with a pasted bearer token. Its assets come from the swagger-ui webjar and are served here, so the
 * page needs nothing from the internet.
 */
@ApplicationScoped
public class ApiReference {
    static final String PATH = "/api/v1/reference";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");

    void install(@Observes Router router) {
        Buffer page = Buffer.buffer(read("/reference/index.html"));
        Buffer initializer = Buffer.buffer(read("/reference/schoolsafe-reference.js"));
        router.get(PATH)
                .handler(context -> context.response()
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(page));
        router.get(PATH + "/schoolsafe-reference.js")
                .handler(context -> context.response()
                        .putHeader("Content-Type", "text/javascript; charset=utf-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(initializer));
        String webjar = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        ASSETS.forEach((name, type) -> {
            Buffer asset = Buffer.buffer(read(webjar + name));
            router.get(PATH + "/" + name)
                    .handler(context -> context.response()
                            .putHeader("Content-Type", type)
                            .putHeader("Cache-Control", "public, max-age=86400")
                            .end(asset));
        });
    }

    /** Whether a path is the reference or one of its assets, which anyone may read. */
    static boolean isReference(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    private static String swaggerUiVersion() {
        Properties webjar = new Properties();
        try (InputStream in =
                ApiReference.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the gateway");
            }
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return webjar.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
