package nl.rotterdam.schoolsafe.incident;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import nl.rotterdam.schoolsafe.runtime.Tokens;

/** Puts two boards and three locations in the register through the admin API (idempotent). */
public final class RegisterFixture {
    public static final String DELFSHAVEN_LYCEUM = "30BR01";
    public static final String CHARLOIS_PRAKTIJK = "30BR02";
    public static final String NOORD_COLLEGE = "31CV01";
    public static final Tokens TOKENS = Tokens.forTests();

    private RegisterFixture() {}

    public static void load() {
        String admin = TOKENS.mint(Tokens.Holder.of("admin-1", "ADMIN"));
        board(admin, "boor", "BOOR");
        board(admin, "cvo", "CVO");
        location(admin, DELFSHAVEN_LYCEUM, "boor", "delfshaven", "VO", 850);
        location(admin, CHARLOIS_PRAKTIJK, "boor", "charlois", "VSO", 240);
        location(admin, NOORD_COLLEGE, "cvo", "noord", "VO", 1100);
    }

    public static String staffOf(String schoolLocationId) {
        return TOKENS.mint(Tokens.Holder.school("staff-" + schoolLocationId, "SCHOOL_STAFF", schoolLocationId));
    }

    public static String coordinatorOf(String schoolLocationId) {
        return TOKENS.mint(
                Tokens.Holder.school("coordinator-" + schoolLocationId, "SAFETY_COORDINATOR", schoolLocationId));
    }

    private static void board(String token, String id, String name) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .put("/api/v1/register/boards/" + id)
                .then()
                .statusCode(200);
    }

    private static void location(String token, String id, String board, String district, String sector, int pupils) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "brin",
                        id.substring(0, 4),
                        "locationNumber",
                        id.substring(4),
                        "name",
                        "School " + id,
                        "boardId",
                        board,
                        "sector",
                        sector,
                        "district",
                        district,
                        "pupilCount",
                        pupils))
                .put("/api/v1/register/school-locations/" + id)
                .then()
                .statusCode(200);
    }
}
