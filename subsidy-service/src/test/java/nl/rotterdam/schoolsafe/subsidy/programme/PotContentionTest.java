package nl.rotterdam.schoolsafe.subsidy.programme;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.runtime.ManagementInterface;
import nl.rotterdam.schoolsafe.runtime.PrometheusText;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No sequence or concurrency of decisions takes a pot below zero: the database refuses it. */
@QuarkusTest
class PotContentionTest {
    private static final String LOCATION = "41PC01";

    @BeforeAll
    static void register() {
        SubsidyFixture.locations(SubsidyFixture.location(LOCATION, "contention", "VO", 900));
    }

    private static List<String> applications(String programme, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(SubsidyFixture.apply("contention", programme, LOCATION, "TEAM_TRAINING_AGGRESSION", 100_000));
        }
        return ids;
    }

    private static Response grant(String application) {
        return given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "GRANT"))
                .post("/api/v1/subsidies/applications/" + application + "/decision");
    }

    /** Fires every decision at once from its own thread; the answers in the order of the ids. */
    private static List<Response> grantAtOnce(List<String> ids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ids.size(), 50));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return grant(id);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long ledgerSum(String potId) {
        return count("SELECT COALESCE(sum(amount_cents), 0) FROM ledger_entry WHERE pot_id = CAST(? AS uuid)", potId);
    }

    private static long balance(String potId) {
        return count("SELECT balance_cents FROM pot WHERE id = CAST(? AS uuid)", potId);
    }

    @Test
    void twoHundredConcurrentApprovalsOfOneThousandEurosGrantExactlyEightyFromAnEightyThousandEuroPot()
            throws Exception {
        String programme = SubsidyFixture.programme("2030-2031", "FORMULA", 8_000_000, 10_000_000);
        String pot = SubsidyFixture.potId(programme, "VO");
        List<Response> answers = grantAtOnce(applications(programme, 200));

        long granted = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> refused =
                answers.stream().filter(r -> r.statusCode() != 200).toList();
        assertEquals(80, granted);
        assertEquals(120, refused.size());
        for (Response r : refused) {
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals(
                    "https://schoolsafe.rotterdam.nl/problems/pot-insufficient",
                    r.jsonPath().getString("type"));
        }
        assertEquals(0, balance(pot));
        assertEquals(balance(pot), ledgerSum(pot), "the ledger sums to the stored balance");
        assertTrue(
                PrometheusText.awaitAtLeast(
                                () -> ManagementInterface.given()
                                        .get("/q/metrics")
                                        .asString(),
                                "schoolsafe_subsidy_pots_below_ten_percent",
                                1,
                                Duration.ofSeconds(10))
                        >= 1,
                "the operator sees a spent pot");
        assertEquals(
                80, count("SELECT count(*) FROM ledger_entry WHERE pot_id = CAST(? AS uuid) AND kind = 'GRANT'", pot));
        assertEquals(
                80,
                count("SELECT count(*) FROM application WHERE pot_id = CAST(? AS uuid) AND status = 'GRANTED'", pot));
        assertEquals(
                1,
                SubsidyFixture.published(EventType.SUBSIDY_POT_EXHAUSTED, pot, 2, Duration.ofSeconds(5))
                        .size(),
                "exhaustion announced once");
        assertEquals(
                120,
                count("SELECT count(*) FROM application WHERE pot_id = CAST(? AS uuid) AND status = 'REQUESTED'", pot),
                "a refused grant leaves the application undecided");
    }

    /**
     * The proof the race is real: with every approval past the application's balance check and
     * waiting on the pot row at once, the database's check is all that stands between them and
     * overspending. With it, exactly the pot's worth is granted; without it, the pot goes negative.
     */
    @Test
    void withoutTheDatabaseGuardTheSameRaceOverspendsThePot() throws Exception {
        String guarded =
                SubsidyFixture.potId(SubsidyFixture.programme("2030-2031", "FORMULA", 1_000_000, 10_000_000), "VO");
        assertEquals(10, grantedWhileThePotIsHeld(guarded, 15));
        assertEquals(0, balance(guarded));

        try (Connection admin = connect();
                Statement ddl = admin.createStatement()) {
            ddl.execute("ALTER TABLE pot DROP CONSTRAINT pot_balance_not_negative");
            try {
                String unguarded = SubsidyFixture.potId(
                        SubsidyFixture.programme("2030-2031", "FORMULA", 1_000_000, 10_000_000), "VO");
                long granted = grantedWhileThePotIsHeld(unguarded, 15);
                assertTrue(granted > 10, "without the guard more than the pot holds is granted: " + granted);
                assertTrue(balance(unguarded) < 0, "and the balance goes below zero: " + balance(unguarded));
            } finally {
                ddl.execute(
                        "ALTER TABLE pot ADD CONSTRAINT pot_balance_not_negative CHECK (balance_cents >= 0) NOT VALID");
            }
        }
    }

    @Test
    void theLedgerCannotBeChangedAndThePotBalanceMovesOnlyThroughIt() throws Exception {
        String pot = SubsidyFixture.potId(SubsidyFixture.programme("2030-2031", "FORMULA", 500_000, 10_000_000), "VO");
        try (Connection connection = connect();
                Statement sql = connection.createStatement()) {
            for (String change : List.of(
                    "UPDATE ledger_entry SET amount_cents = 999999999 WHERE pot_id = '" + pot + "'",
                    "DELETE FROM ledger_entry WHERE pot_id = '" + pot + "'",
                    "UPDATE pot SET balance_cents = 999999999 WHERE id = '" + pot + "'")) {
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        java.sql.SQLException.class, () -> sql.execute(change));
                assertTrue(
                        refused.getMessage().contains("append-only")
                                || refused.getMessage().contains("only through ledger entries"),
                        refused.getMessage());
            }
        }
        assertEquals(500_000, balance(pot));
        assertEquals(500_000, ledgerSum(pot));
    }

    /** Holds the pot's row while all approvals pass their checks and queue on it, then lets them go. */
    private long grantedWhileThePotIsHeld(String potId, int approvals) throws Exception {
        String programme = given().auth()
                .oauth2(OFFICER)
                .queryParam("limit", 100)
                .get("/api/v1/subsidies/programmes")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { p -> p.pots.any { it.id == '" + potId + "' } }.id");
        List<String> ids = applications(programme, approvals);
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM pot WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(potId));
                lock.executeQuery();
            }
            ExecutorService pool = Executors.newFixedThreadPool(approvals);
            try {
                List<Future<Response>> answers =
                        ids.stream().map(id -> pool.submit(() -> grant(id))).toList();
                awaitWaitingOnLocks(approvals);
                holder.commit();
                long granted = 0;
                for (Future<Response> answer : answers) {
                    granted += answer.get().statusCode() == 200 ? 1 : 0;
                }
                return granted;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void awaitWaitingOnLocks(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'", "subsidy")
                < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the approvals did not all reach the pot row");
            }
            Thread.sleep(20);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl("subsidy"), "schoolsafe", "schoolsafe");
    }
}
