package nl.rotterdam.schoolsafe.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

/** A representation built inside its transaction, with the aggregate version it shows (its ETag). */
public record Versioned<T>(T body, long version) {

    /** 200 with the body and its {@code ETag}; typed, so the OpenAPI document names the body's schema. */
    public RestResponse<T> ok() {
        return builder().build();
    }

    RestResponse.ResponseBuilder<T> builder() {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, Etags.of(version));
    }
}
