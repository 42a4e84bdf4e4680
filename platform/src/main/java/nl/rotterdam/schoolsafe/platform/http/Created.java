package nl.rotterdam.schoolsafe.platform.http;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** What a create answers: the new resource with its ETag, its id for {@code Location}, and whether a retry replayed it. */
public record Created<T>(Versioned<T> body, String id, boolean replayed) {
    public static final String REPLAYED = "Idempotent-Replayed";

    /** 201 with the new resource and where it is read, for a create that takes no Idempotency-Key. */
    public static <T> RestResponse<T> at(java.net.URI location, T body) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(body).build();
    }

    /** 201 with the new resource, read at the request path plus its id. */
    public static <T> RestResponse<T> below(UriInfo uri, Object id, T body) {
        return at(uri.getAbsolutePathBuilder().path(id.toString()).build(), body);
    }

    /** 201 with {@code ETag}, {@code Location} (the request path plus the id) and {@code Idempotent-Replayed}. */
    public RestResponse<T> response(UriInfo uri) {
        return body.builder()
                .status(RestResponse.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(id).build())
                .header(REPLAYED, replayed)
                .build();
    }
}
