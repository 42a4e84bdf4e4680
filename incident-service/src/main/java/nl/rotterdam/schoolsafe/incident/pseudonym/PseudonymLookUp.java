package nl.rotterdam.schoolsafe.incident.pseudonym;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.incident.IncidentConfig;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/**
 * A school learns a pupil's pseudonym only for a pupil already involved in one of its locations' incidents:
 * education numbers are a small space, so an open look-up would let anyone with a school token reverse
 * pseudonyms by trying them all. Each caller has a budget per minute, and every answer is a processing.
 */
@ApplicationScoped
public class PseudonymLookUp {
    static final String PURPOSE = "pseudonym look-up: a school finds its own pupil's incidents";

    private final Pseudonymizer pseudonymizer;
    private final EntityManager entityManager;
    private final ProcessingLog processingLog;
    private final long perMinute;
    private final Cache<String, Bucket> budgets = Caffeine.newBuilder()
            .expireAfterAccess(2, TimeUnit.MINUTES)
            .maximumSize(10_000)
            .build();

    PseudonymLookUp(
            Pseudonymizer pseudonymizer,
            EntityManager entityManager,
            ProcessingLog processingLog,
            IncidentConfig config) {
        this.pseudonymizer = pseudonymizer;
        this.entityManager = entityManager;
        this.processingLog = processingLog;
        this.perMinute = config.pseudonymLookUpsPerMinute();
    }

    /** What the look-up found: the pseudonym and the caller's most recent incident it appears in. */
    private record Involvement(String incidentId, String schoolLocationId) {}

    @Transactional
    public Pseudonymizer.Pseudonym lookUp(Pseudonymizer.StudentNumber student, Caller caller) {
        spend(caller.subject());
        Pseudonymizer.Pseudonym pseudonym = pseudonymizer.of(student);
        List<Object[]> found = entityManager
                .createQuery("""
                        SELECT i.id, i.schoolLocationId FROM Incident i JOIN i.involvedPersons p
                        WHERE p.pseudonym = :pseudonym AND i.schoolLocationId IN :locations
                        ORDER BY i.occurredAt DESC""", Object[].class)
                .setParameter("pseudonym", pseudonym.value())
                .setParameter("locations", caller.schoolLocationIds())
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("a pupil with this number in your locations' incidents");
        }
        Involvement involvement = new Involvement(found.get(0)[0].toString(), (String) found.get(0)[1]);
        processingLog.record(new ProcessingLog.Read(
                "PseudonymLookUp",
                involvement.incidentId(),
                involvement.schoolLocationId(),
                List.of(pseudonym.value()),
                PURPOSE));
        return pseudonym;
    }

    private void spend(String subject) {
        Bucket bucket = budgets.get(
                subject,
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests(
                    "at most " + perMinute + " pseudonym look-ups a minute",
                    TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        }
    }
}
