package nl.rotterdam.schoolsafe.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json; nothing internal reaches the client. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        return e.retryAfterSeconds() == 0
                ? response
                : Response.fromResponse(response)
                        .header("Retry-After", e.retryAfterSeconds())
                        .build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(ProblemException.invalid(errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemException.invalid(List.of(describe(e))).toProblem(path(uri)));
    }

    /** More specific than the JSON reader's own mapper for this type, so ours answers. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** Two writers raced on one version: the later one is stale, as with a stale If-Match. */
    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return respond(new ProblemException(
                        412,
                        "stale-version",
                        "Changed by someone else",
                        "the resource changed while you were changing it; read it again and reapply your change",
                        List.of(),
                        Map.of())
                .toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(
                Problem.type("forbidden"),
                "Forbidden",
                403,
                "your role may not perform this operation",
                path(uri),
                List.of(),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request not accepted" : known.getReasonPhrase();
        return respond(new Problem(Problem.type(slug), title, status, title, path(uri), List.of(), Map.of()));
    }

    private static final AtomicLong lastOutageLine = new AtomicLong();
    private static final AtomicLong outageAnswers = new AtomicLong();

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        Optional<ProblemException> known = DatabaseProblems.of(e);
        if (known.isPresent()) {
            if (known.get().status() == 503) {
                warnDatabaseUnavailable(e);
                return Response.fromResponse(respond(known.get().toProblem(path(uri))))
                        .header("Retry-After", DatabaseProblems.RETRY_AFTER_SECONDS)
                        .build();
            }
            return respond(known.get().toProblem(path(uri)));
        }
        LOG.error("unexpected failure on " + path(uri), e);
        return respond(new Problem(
                Problem.type("internal-error"),
                "Internal error",
                500,
                "the request could not be completed; it has been logged",
                path(uri),
                List.of(),
                Map.of()));
    }

    /** An outage fails every request: one line when it starts and then at most one a minute, with the count. */
    private static void warnDatabaseUnavailable(Throwable e) {
        long now = System.nanoTime();
        long last = lastOutageLine.get();
        if (last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) {
            if (lastOutageLine.compareAndSet(last, now)) {
                LOG.warnf(
                        "database unavailable (%s); answering 503 with Retry-After (%d more such answers since the"
                                + " last line)",
                        e.getMessage(), outageAnswers.getAndSet(0));
                return;
            }
        }
        outageAnswers.incrementAndGet();
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        Problem.type("unauthenticated"),
                        "Unauthenticated",
                        401,
                        "a valid bearer token is required",
                        path(uri),
                        List.of(),
                        Map.of()))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The occurrence: the request id the gateway gave the request, else the path. */
    private static String path(UriInfo uri) {
        String requestId = requestId();
        if (requestId != null) {
            return "urn:request:" + requestId;
        }
        return uri == null ? null : uri.getPath();
    }

    private static String requestId() {
        if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return null;
        }
        var current = io.quarkus.arc.Arc.container()
                .instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class)
                .get()
                .getCurrent();
        String id = current == null
                ? null
                : current.request().getHeader(nl.rotterdam.schoolsafe.platform.http.SecurityHeaders.REQUEST_ID);
        return id != null && id.matches("[A-Za-z0-9-]{1,64}") ? id : null;
    }

    /** The JSON path of the offending property, skipping the method and parameter nodes. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    static Problem.FieldError describe(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String at = BodyProblems.path(
                        parse.getProcessor() == null
                                ? null
                                : parse.getProcessor().getParsingContext());
                String field = at.equals("body") ? duplicate.group(1) : at;
                return new Problem.FieldError(field, "appears more than once");
            }
            return new Problem.FieldError("body", "is not well-formed JSON");
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            field = field.isEmpty() ? "body" : field;
            if (e instanceof UnrecognizedPropertyException) {
                return new Problem.FieldError(field, "is not a known field and may not be set");
            }
            if (String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
                return new Problem.FieldError("body", "has content after the JSON value");
            }
            if (e instanceof InvalidFormatException format
                    && List.of(StrictJson.BAD_CHARACTERS, StrictJson.TOO_LONG, StrictJson.TOO_MANY)
                            .contains(format.getOriginalMessage())) {
                return new Problem.FieldError(field, format.getOriginalMessage());
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new Problem.FieldError(field, BodyProblems.expectation(mismatch.getTargetType()));
            }
            return new Problem.FieldError(field, "has the wrong type or format");
        }
        return new Problem.FieldError("body", "could not be read");
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
}
