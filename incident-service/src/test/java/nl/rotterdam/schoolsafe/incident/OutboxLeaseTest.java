package nl.rotterdam.schoolsafe.incident;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.NOORD_COLLEGE;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.staffOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import nl.rotterdam.schoolsafe.platform.outbox.OutboxRelay;
import nl.rotterdam.schoolsafe.platform.replica.Lease;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With replicas, one outbox relay publishes at a time, so an aggregate's events keep their order on the topic. The
 * test plays the second replica: its lease is refused while the service's relay holds it, taken when that relay's
 * session is killed (as a crashed replica's would end), and while the test holds it the service publishes nothing;
 * given back, the service's relay takes over and publishes what waited.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class OutboxLeaseTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    @Test
    void aSecondRelayStandsByWhileTheActiveOneHoldsTheLeaseAndTakesOverWhenItsSessionEnds() throws Exception {
        await(() -> relay.active(), "the service's relay becomes the active one");
        Lease secondReplica = new Lease(dataSource, "outbox-relay");
        String held;
        try {
            assertTrue(secondReplica.hold().isEmpty(), "refused while the active relay holds the lease");

            killOtherSessionsHoldingAdvisoryLocks();
            await(() -> holds(secondReplica), "taken once the active relay's session ended");
            await(() -> !relay.active(), "the service's relay now stands by");

            held = registerIncident();
            Thread.sleep(2000);
            assertFalse(published(held), "nothing is published by a replica that does not hold the lease");
        } finally {
            secondReplica.close();
        }
        await(() -> relay.active(), "given back, the lease is taken by the service's relay again");
        String next = registerIncident();
        await(() -> published(held) && published(next), "which publishes what waited and what comes");
    }

    private static String registerIncident() {
        return given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(IncidentResourceTest.incident(DELFSHAVEN_LYCEUM, NOORD_COLLEGE))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private boolean published(String incidentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT bool_and(published_at IS NOT NULL) FROM outbox_message WHERE message_key = ?")) {
            query.setString(1, incidentId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean holds(Lease lease) {
        try {
            Optional<Connection> connection = lease.hold();
            return connection.isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    private void killOtherSessionsHoldingAdvisoryLocks() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND pid <> pg_backend_pid()");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(100);
        }
    }
}
