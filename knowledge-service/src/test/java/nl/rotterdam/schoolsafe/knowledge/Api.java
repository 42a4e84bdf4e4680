package nl.rotterdam.schoolsafe.knowledge;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import nl.rotterdam.schoolsafe.runtime.Tokens;

/** Tokens and a few requests the knowledge tests share. */
public final class Api {
    public static final Tokens TOKENS = Tokens.forTests();

    private Api() {}

    public static String municipality() {
        return TOKENS.mint(Tokens.Holder.of("municipality-officer", "MUNICIPALITY"));
    }

    public static String staff(String subject, String location) {
        return TOKENS.mint(Tokens.Holder.school(subject, "SCHOOL_STAFF", location));
    }

    public static String coordinator(String subject, String location) {
        return TOKENS.mint(Tokens.Holder.school(subject, "SAFETY_COORDINATOR", location));
    }

    public static String board(String boardId) {
        return TOKENS.mint(Tokens.Holder.board("board-" + boardId, boardId));
    }

    public static String sessionBody(int capacity, OffsetDateTime startsAt, OffsetDateTime deadline) {
        return """
                {"kind":"SEXUAL_RESILIENCE","title":"Expertsessie seksuele weerbaarheid","organiser":"Gemeente Rotterdam, VOS",
                 "startsAt":"%s","endsAt":"%s","place":"Stadhuis Rotterdam","capacity":%d,"audiences":["TEACHERS","TEAMS"],
                 "registrationDeadline":"%s"}""".formatted(startsAt, startsAt.plusHours(2), capacity, deadline);
    }

    /** Schedules a session starting in a week with its deadline a day before; returns its id. */
    public static String schedule(int capacity) {
        OffsetDateTime start =
                OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        return given().auth()
                .oauth2(municipality())
                .contentType(ContentType.JSON)
                .body(sessionBody(capacity, start, start.minusDays(1)))
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .extract()
                .path("id");
    }

    public static String register(String sessionId, String subject, String location) {
        return given().auth()
                .oauth2(staff(subject, location))
                .contentType(ContentType.JSON)
                .body("{\"schoolLocationId\":\"" + location + "\"}")
                .post("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
