package nl.rotterdam.schoolsafe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A browsable API reference rendered on the server from the merged document: no script, nothing
 * fetched from elsewhere, so it works behind the strict security headers and without internet.
 */
@ApplicationScoped
public class ApiReferencePage {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    String render(JsonNode document) {
        Map<String, StringBuilder> byTag = new TreeMap<>();
        String server = document.path("servers").path(0).path("url").asText();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String tag = operation.path("tags").path(0).asText("Other");
                StringBuilder section = byTag.computeIfAbsent(tag, t -> new StringBuilder());
                section.append("<article class=\"op\"><h3><span class=\"m ")
                        .append(method)
                        .append("\">")
                        .append(method.toUpperCase())
                        .append("</span> <code>")
                        .append(escape(path.getKey()))
                        .append("</code></h3>");
                section.append("<p class=\"summary\">")
                        .append(escape(operation.path("summary").asText()))
                        .append("</p>");
                if (operation.has("description")) {
                    section.append("<p>")
                            .append(escape(operation.path("description").asText()))
                            .append("</p>");
                }
                if (operation.path("parameters").size() > 0) {
                    section.append("<table><tr><th>Parameter</th><th>In</th><th>Description</th></tr>");
                    operation
                            .path("parameters")
                            .forEach(p -> section.append("<tr><td><code>")
                                    .append(escape(p.path("name").asText()))
                                    .append("</code></td><td>")
                                    .append(escape(p.path("in").asText()))
                                    .append("</td><td>")
                                    .append(escape(p.path("description").asText()))
                                    .append("</td></tr>"));
                    section.append("</table>");
                }
                section.append("<p class=\"responses\">Responses: ");
                operation
                        .path("responses")
                        .fieldNames()
                        .forEachRemaining(code ->
                                section.append("<code>").append(escape(code)).append("</code> "));
                section.append("</p></article>");
            }
        });
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>SchoolSafe Rotterdam API reference</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                + ".op{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}"
                + ".m{font-weight:bold;padding:.1rem .4rem;border-radius:4px;color:#fff}.get{background:#2b7a0b}.post{background:#0b5cad}"
                + ".put{background:#9a6700}.delete{background:#b42318}.patch{background:#6941c6}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}"
                + "</style></head><body><h1>SchoolSafe Rotterdam API reference</h1>");
        html.append("<p>")
                .append(escape(document.path("info").path("description").asText()))
                .append("</p>");
        html.append("<p>Server: <code>")
                .append(escape(server))
                .append("</code> · version ")
                .append(escape(document.path("info").path("version").asText()))
                .append(
                        " · machine-readable: <a href=\"/api/v1/openapi.json\">openapi.json</a>"
                                + " · events (Kafka streams and webhooks): <a href=\"/api/v1/asyncapi.json\">asyncapi.json</a></p><nav><ul>");
        byTag.keySet()
                .forEach(tag -> html.append("<li><a href=\"#")
                        .append(anchor(tag))
                        .append("\">")
                        .append(escape(tag))
                        .append("</a></li>"));
        html.append("</ul></nav>");
        byTag.forEach((tag, section) -> html.append("<section id=\"")
                .append(anchor(tag))
                .append("\"><h2>")
                .append(escape(tag))
                .append("</h2>")
                .append(section)
                .append("</section>"));
        return html.append("</body></html>").toString();
    }

    private static String anchor(String tag) {
        return tag.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
