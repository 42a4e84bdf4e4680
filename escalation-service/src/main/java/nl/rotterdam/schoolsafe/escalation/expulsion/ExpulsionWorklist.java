package nl.rotterdam.schoolsafe.escalation.expulsion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.EscalationConfig;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/**
 * The municipality's expulsion worklist, built from the schools' expulsion events, and the signal of a location
 * that expels often. Only pseudonyms, dates and yes/no reach it: the school's words stay in the incident-service.
 */
@ApplicationScoped
public class ExpulsionWorklist {
    static final String PURPOSE = "expulsion follow-up by the municipality (duty of care, right to object)";
    private static final String ACTOR = "incident-events";
    private static final Keyset NEWEST = Keyset.newestFirst("decidedAt", "measureId");

    private final Changes changes;
    private final ProcessingLog processingLog;
    private final EntityManager entityManager;
    private final Clock clock;
    private final EscalationConfig.Expulsions config;

    ExpulsionWorklist(
            Changes changes,
            ProcessingLog processingLog,
            EntityManager entityManager,
            Clock clock,
            EscalationConfig config) {
        this.changes = changes;
        this.processingLog = processingLog;
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.expulsions();
    }

    /** An expulsion decided or followed up at a school; a new one may make its location a worrying signal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(ExpulsionEvent event) {
        ExpulsionFollowUp.Facts expulsion = facts(event);
        Optional<ExpulsionFollowUp> known = ExpulsionFollowUp.findByIdOptional(expulsion.measureId());
        if (known.isPresent()) {
            changes.of(known.get()).by(ACTOR).apply("learn", item -> item.learn(expulsion));
            return;
        }
        changes.create(ExpulsionFollowUp.of(expulsion, now()), ACTOR, "learn");
        signalIfWorrying(expulsion.schoolLocationId(), expulsion.district());
    }

    /**
     * Raises a signal when the location's expulsions within the window reach the threshold and none was raised within
     * it; under a lock per location, so two expulsions arriving at once on different partitions raise one.
     */
    private void signalIfWorrying(String schoolLocationId, String district) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "expulsions:" + schoolLocationId)
                .getSingleResult();
        RepeatedExpulsions rule = new RepeatedExpulsions(config.signalThreshold(), config.signalWindow());
        OffsetDateTime now = now();
        OffsetDateTime since = rule.windowStart(now);
        long expulsions = ExpulsionFollowUp.count(
                "schoolLocationId = ?1 and decidedAt >= ?2 and decidedAt <= ?3", schoolLocationId, since, now);
        boolean signalled =
                ExpulsionSignal.count("schoolLocationId = ?1 and raisedAt >= ?2", schoolLocationId, since) > 0;
        if (!rule.worrying(expulsions, signalled)) {
            return;
        }
        new ExpulsionSignal(
                        schoolLocationId, district, (int) expulsions, (int) ChronoUnit.DAYS.between(since, now), now)
                .persist();
    }

    @Transactional
    public Page<ExpulsionView> list(ExpulsionFilter page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder query = new StringBuilder("1 = 1");
        page.status().ifPresent(status -> {
            query.append(" and status = :status");
            parameters.put("status", status);
        });
        if (page.schoolLocationId != null) {
            query.append(" and schoolLocationId = :location");
            parameters.put("location", page.schoolLocationId);
        }
        List<ExpulsionFollowUp> fetched = ExpulsionFollowUp.<ExpulsionFollowUp>find(
                        query + NEWEST.after(page.cursor, parameters) + NEWEST.orderBy(), parameters)
                .page(0, page.limit + 1)
                .list();
        Page<ExpulsionFollowUp> shown = NEWEST.page(
                fetched, page.limit, ExpulsionFollowUp::decidedAt, ExpulsionFollowUp::measureId, item -> item);
        processingLog.record(shown.items().stream().map(ExpulsionWorklist::read).toList());
        return new Page<>(shown.items().stream().map(ExpulsionFollowUp::view).toList(), shown.nextCursor());
    }

    @Transactional
    public Optional<Versioned<ExpulsionView>> read(UUID measureId) {
        return ExpulsionFollowUp.<ExpulsionFollowUp>findByIdOptional(measureId).map(item -> {
            processingLog.record(read(item));
            return new Versioned<>(item.view(), item.version());
        });
    }

    @Transactional
    public Versioned<ExpulsionView> checkOff(
            UUID measureId, String ifMatch, ExpulsionFollowUp.Check check, Caller caller) {
        ExpulsionFollowUp item = changes.of(
                        ExpulsionFollowUp.<ExpulsionFollowUp>findByIdOptional(measureId), "expulsion " + measureId)
                .ifMatch(ifMatch)
                .by(caller.subject())
                .apply("check-off", followUp -> followUp.checkOff(check, caller.subject(), now()));
        processingLog.record(read(item));
        return new Versioned<>(item.view(), item.version());
    }

    @Transactional
    public Page<ExpulsionSignal.View> signals(PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        Keyset newest = Keyset.newestFirst("raisedAt", "id");
        List<ExpulsionSignal> fetched = ExpulsionSignal.<ExpulsionSignal>find(
                        "1 = 1" + newest.after(page.cursor, parameters) + newest.orderBy(), parameters)
                .page(0, page.limit + 1)
                .list();
        return newest.page(fetched, page.limit, s -> s.raisedAt, s -> s.id, ExpulsionSignal::view);
    }

    private static ExpulsionFollowUp.Facts facts(ExpulsionEvent event) {
        return new ExpulsionFollowUp.Facts(
                event.measureId(),
                event.incidentId(),
                event.schoolLocationId(),
                event.district(),
                event.pseudonym(),
                event.startDate(),
                event.decidedAt(),
                event.parentsHeardAt(),
                event.rightToObjectInformedAt(),
                event.objectionLodgedOn(),
                event.interimEducationArranged(),
                event.newSchoolFoundOn());
    }

    private static ProcessingLog.Read read(ExpulsionFollowUp item) {
        return new ProcessingLog.Read(
                item.aggregateType(), item.aggregateId(), item.schoolLocationId(), List.of(item.pseudonym()), PURPOSE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
