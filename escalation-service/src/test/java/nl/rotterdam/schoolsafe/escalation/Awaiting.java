package nl.rotterdam.schoolsafe.escalation;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Waiting, in the flow tests, for what the consumers do asynchronously: a case for an incident, a projected row. */
public final class Awaiting {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Awaiting() {}

    /** The case linking the incident, once the consumer has processed it. */
    public static String caseOf(EntityManager entityManager, UUID incidentId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<?> rows = entityManager
                    .createNativeQuery("SELECT CAST(case_id AS text) FROM case_incident WHERE incident_id = ?1")
                    .setParameter(1, incidentId)
                    .getResultList();
            if (!rows.isEmpty()) {
                return (String) rows.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no case for incident " + incidentId);
    }

    /** Returns once the query with its one parameter finds a row. */
    public static void rows(EntityManager entityManager, String sql, Object parameter) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!entityManager
                    .createNativeQuery(sql)
                    .setParameter(1, parameter)
                    .getResultList()
                    .isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing for " + sql + " " + parameter);
    }
}
