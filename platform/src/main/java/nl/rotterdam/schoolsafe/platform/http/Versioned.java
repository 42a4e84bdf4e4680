package nl.rotterdam.schoolsafe.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A representation built inside its transaction, with the aggregate version it shows (its ETag). */
public record Versioned<T>(T body, long version) {

    public Response.ResponseBuilder ok() {
        return Response.ok(body).header(HttpHeaders.ETAG, Etags.of(version));
    }
}
