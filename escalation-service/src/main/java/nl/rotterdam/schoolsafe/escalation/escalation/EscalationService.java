package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.rotterdam.schoolsafe.escalation.EscalationConfig;
import nl.rotterdam.schoolsafe.escalation.detection.DetectionRules;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentProjection;
import nl.rotterdam.schoolsafe.escalation.incident.KnownIncidents;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.SeenIncident;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.replica.OncePerTick;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** Cases opening and growing from detected incidents, and the safety expert's work on them. */
@ApplicationScoped
public class EscalationService {
    private final DetectionRules rules;
    private final IncidentProjection projection;
    private final Changes changes;
    private final Event<CaseClosed> closed;
    private final OncePerTick ticks;
    private final EntityManager entityManager;
    private final Clock clock;
    private final EscalationConfig.ResponseTimes responseTimes;

    EscalationService(
            DetectionRules rules,
            IncidentProjection projection,
            Changes changes,
            Event<CaseClosed> closed,
            EntityManager entityManager,
            Clock clock,
            EscalationConfig config,
            OncePerTick ticks) {
        this.ticks = ticks;
        this.rules = rules;
        this.projection = projection;
        this.changes = changes;
        this.closed = closed;
        this.entityManager = entityManager;
        this.clock = clock;
        this.responseTimes = config.response();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Projects the incident and, when a rule finds it cross-school, links it to the district's open
     * case it belongs with or opens one. Decisions per district are serialised by a transaction-scoped
     * advisory lock, so incidents arriving at once on different partitions never open two cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EscalationCase> consider(ReportedIncident incident) {
        // the projection row first, outside the lock: whoever decides after this commit sees it
        projection.apply(incident);
        lockDistrict(incident.district());
        if (caseOf(incident.incidentId()).isPresent()) {
            return Optional.empty();
        }
        List<RuleFired> fired = rules.evaluate(incident, projection);
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(linkOrOpen(new Detected(incident, fired), "system", c -> {}));
    }

    /** A school's coordinator asks to escalate its own incident by hand, with a reason for the expert. */
    @Transactional
    public EscalationCase requestEscalation(UUID incidentId, String reason, Caller caller) {
        SeenIncident seen = projection
                .find(incidentId)
                .filter(i -> caller.worksAt(i.schoolLocationId()))
                .orElseThrow(() -> ProblemException.notFound("incident " + incidentId));
        lockDistrict(seen.districtId());
        OffsetDateTime now = now();
        Consumer<EscalationCase> request = c -> c.recordSchoolRequest(caller.subject(), reason, now);
        return caseOf(incidentId)
                .map(escalation -> changes.of(escalation).by(caller.subject()).apply("school-request", request))
                .orElseGet(() -> linkOrOpen(
                        new Detected(
                                seen.reported(),
                                List.of(new RuleFired(DetectionRule.MANUAL_REQUEST, "the school asked to escalate"))),
                        caller.subject(),
                        request));
    }

    /** Links the incident to the open case it belongs with, or opens one; {@code also} is the rest of the same change. */
    private EscalationCase linkOrOpen(Detected detected, String actor, Consumer<EscalationCase> also) {
        OffsetDateTime now = now();
        List<Detected> earlier = earlierIncidents(detected);
        Optional<EscalationCase> open = openCaseFor(detected);
        if (open.isPresent()) {
            return changes.of(open.get()).by(actor).apply("link", c -> {
                c.link(detected, earlier, now);
                also.accept(c);
            });
        }
        Priority priority = Priority.of(detected);
        EscalationCase opened = EscalationCase.open(detected, earlier, priority, responseTime(priority), now);
        also.accept(opened);
        return changes.create(opened, actor, "open");
    }

    /** Earlier incidents a rule found this one belongs with join its case too, unless they are in a case already. */
    private List<Detected> earlierIncidents(Detected detected) {
        Map<UUID, DetectionRule> related = new LinkedHashMap<>();
        detected.fired().forEach(f -> f.related().forEach(id -> related.putIfAbsent(id, f.rule())));
        related.remove(detected.incident().incidentId());
        if (related.isEmpty()) {
            return List.of();
        }
        KnownIncidents known = projection.known(outsideAnyCase(related.keySet()));
        List<Detected> earlier = new ArrayList<>();
        related.forEach((id, rule) -> known.find(id)
                .ifPresent(seen -> earlier.add(new Detected(
                        seen.reported(),
                        List.of(new RuleFired(
                                rule, "an earlier incident with the same student, found by a later one"))))));
        return earlier;
    }

    /** Those of the incidents no case links yet: one statement however many. */
    private List<UUID> outsideAnyCase(Set<UUID> incidentIds) {
        return ids(entityManager
                .createNativeQuery(
                        "SELECT id FROM unnest(?1) AS i(id) WHERE NOT EXISTS (SELECT 1 FROM case_incident c WHERE c.incident_id = i.id)")
                .setParameter(1, incidentIds.toArray(UUID[]::new)));
    }

    /**
     * A native query's uuid column, read untyped: Hibernate 7.2 files a query typed with a basic result class
     * ({@code createNativeQuery(sql, UUID.class)}) in its plan cache under a key equal to no other (its
     * ImplicitResultClassBuilder has no equals), so every call added an entry of the same hash, and looking one up
     * searched them all: a fifth of the escalation-service's CPU at 100 incidents a second, and the other plans
     * pushed out of the cache (#22).
     */
    private static List<UUID> ids(Query query) {
        return ((List<?>) query.getResultList()).stream().map(UUID.class::cast).toList();
    }

    /**
     * The district's oldest open case sharing an involved student with the incident, or, for a cluster, its oldest open
     * district-cluster case. One statement of two indexed look-ups: its cost follows the student's incidents, not the
     * number of the district's open cases.
     */
    private Optional<EscalationCase> openCaseFor(Detected detected) {
        String[] pseudonyms = detected.incident().involvedPersons().stream()
                .map(ReportedIncident.Person::pseudonym)
                .filter(Objects::nonNull)
                .distinct()
                .toArray(String[]::new);
        boolean cluster = detected.fired().stream().anyMatch(f -> f.rule() == DetectionRule.DISTRICT_CLUSTER);
        List<UUID> found = ids(entityManager
                .createNativeQuery("""
                        SELECT id FROM (
                          (SELECT c.id, c.opened_at FROM incident_person_seen p
                           JOIN case_incident ci ON ci.incident_id = p.incident_id
                           JOIN escalation_case c ON c.id = ci.case_id
                           WHERE p.pseudonym = ANY (?2) AND c.district_id = ?1 AND c.status <> 'CLOSED'
                           ORDER BY c.opened_at LIMIT 1)
                          UNION ALL
                          (SELECT c.id, c.opened_at FROM escalation_case c
                           WHERE ?3 AND c.district_id = ?1 AND c.status <> 'CLOSED' AND c.clustered
                           ORDER BY c.opened_at LIMIT 1)
                        ) candidate ORDER BY opened_at LIMIT 1""")
                .setParameter(1, detected.incident().district())
                .setParameter(2, pseudonyms)
                .setParameter(3, cluster));
        return found.stream().findFirst().flatMap(id -> EscalationCase.<EscalationCase>findByIdOptional(id));
    }

    private void lockDistrict(String district) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "escalation-district:" + district)
                .getSingleResult();
    }

    /** A case of the expert's district; one elsewhere is as absent as a missing one. */
    private Optional<EscalationCase> inDistrictOf(Caller caller, UUID id) {
        return EscalationCase.<EscalationCase>findByIdOptional(id)
                .filter(c -> caller.area().map(c.districtId()::equals).orElse(false));
    }

    /** The safety expert's case work: one intention on a case of the expert's district, with an ETag check when sent. */
    @Transactional
    public EscalationCase work(
            UUID id, String ifMatch, Caller caller, String action, Consumer<EscalationCase> intention) {
        return changes.of(inDistrictOf(caller, id), "escalation " + id)
                .ifMatchWhenSent(ifMatch)
                .by(caller.subject())
                .apply(action, intention);
    }

    /**
     * Closes a case with its outcome; whatever hangs on it (open engagements) ends in the same transaction, first, so
     * the close each engaged partner is told of shows its engagement ended. A close that is refused (tenancy,
     * If-Match, state) rolls the cancellations back with it.
     */
    @Transactional
    public EscalationCase close(UUID id, String ifMatch, String outcome, Caller caller) {
        closed.fire(new CaseClosed(id, caller.subject()));
        return work(id, ifMatch, caller, "close", c -> c.close(outcome, caller.subject(), now()));
    }

    /**
     * Flags and announces, once each, up to {@code atMost} of the cases still unacknowledged after their response
     * deadline, the longest overdue first; with replicas, one at a time does it. Returns how many it announced.
     */
    @Transactional
    public int announceOverdue(int atMost) {
        if (!ticks.take("announce-overdue")) {
            return 0;
        }
        OffsetDateTime now = now();
        int announced = 0;
        for (EscalationCase escalation : EscalationCase.<EscalationCase>find(
                        "status = ?1 and overdue = false and responseDueAt < ?2 order by responseDueAt, id",
                        CaseStatus.OPEN,
                        now)
                .page(0, atMost)
                .list()) {
            if (changes.of(escalation).decide("overdue", c -> c.markOverdueIfLate(now))) {
                announced++;
            }
        }
        return announced;
    }

    /** The case an incident belongs to, if any: an incident joins at most one. */
    private Optional<EscalationCase> caseOf(UUID incidentId) {
        return EscalationCase.find(
                        "select c from EscalationCase c join c.incidents i where i.incidentId = ?1", incidentId)
                .firstResultOptional();
    }

    private Duration responseTime(Priority priority) {
        return switch (priority) {
            case CRITICAL -> responseTimes.critical();
            case HIGH -> responseTimes.high();
            case MEDIUM -> responseTimes.medium();
        };
    }
}
