package nl.rotterdam.schoolsafe.escalation.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.escalation.EscalationConfig;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseClosed;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseEntry;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationService;
import nl.rotterdam.schoolsafe.escalation.register.Partners;
import nl.rotterdam.schoolsafe.escalation.register.SeenPartner;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.replica.OncePerTick;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** Partners engaged on cases: the expert engages, the partner answers, the deadlines escalate. */
@ApplicationScoped
public class EngagementService {
    private final EscalationService escalations;
    private final Partners partners;
    private final SharedCases sharing;
    private final Changes changes;
    private final Duration acknowledgeWithin;

    private final OncePerTick ticks;

    EngagementService(
            EscalationService escalations,
            Partners partners,
            SharedCases sharing,
            Changes changes,
            EscalationConfig config,
            OncePerTick ticks) {
        this.ticks = ticks;
        this.escalations = escalations;
        this.partners = partners;
        this.sharing = sharing;
        this.changes = changes;
        this.acknowledgeWithin = config.engagement().acknowledgeWithin();
    }

    /** The expert engages a registered partner on a case of the district; the partner is told what it may see. */
    @Transactional
    public Engagement engage(UUID caseId, String partnerId, Engagement.Purpose purpose, Caller caller) {
        SeenPartner partner = partners.find(partnerId)
                .orElseThrow(() -> ProblemException.invalid("partnerId", "is not a registered partner organisation"));
        if (partner.retired()) {
            throw ProblemException.invalid("partnerId", "was retired from the register and cannot be engaged");
        }
        if (!sharing.shareableWith(partner.kind())) {
            throw ProblemException.invalid("partnerId", "partners of kind " + partner.kind() + " cannot be engaged");
        }
        OffsetDateTime now = escalations.now();
        escalations.work(
                caseId,
                null,
                caller,
                "engage-partner",
                c -> c.recordEngagement(partner.partnerId(), purpose.name(), caller.subject(), now));
        return changes.create(
                Engagement.request(
                        caseId, partner.partnerId(), partner.kind(), purpose, acknowledgeWithin, now, sharing),
                caller.subject(),
                "request");
    }

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("requestedAt", "id");

    /** An engagement as its partner, or the expert of its case's district, may read it. */
    @Transactional
    public Optional<Engagement> read(UUID id, Caller caller) {
        return Engagement.<Engagement>findByIdOptional(id).filter(e -> switch (caller.role()) {
            case PARTNER -> caller.partner().map(e.partnerId()::equals).orElse(false);
            case SAFETY_EXPERT ->
                caller.area().map(caseOf(e).districtId()::equals).orElse(false);
            default -> false;
        });
    }

    /** One page of the partner's own engagements, newest first. */
    @Transactional
    public <T> Page<T> mine(Caller caller, PageRequest request, java.util.function.Function<Engagement, T> view) {
        if (caller.partner().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("partner", caller.partner().get());
        List<Engagement> rows = Engagement.<Engagement>find(
                        "partnerId = :partner" + NEWEST_FIRST.after(request.cursor, parameters)
                                + NEWEST_FIRST.orderBy(),
                        parameters)
                .page(0, request.limit + 1)
                .list();
        return NEWEST_FIRST.page(rows, request.limit, Engagement::requestedAt, Engagement::id, view);
    }

    @Transactional
    public Engagement accept(UUID id, Caller caller) {
        return answer(id, caller, "accept", (e, now) -> {
            e.accept(now);
            caseOf(e).recordEngagementNews(caller.subject(), CaseEntry.Kind.ENGAGEMENT_ACCEPTED, null, now);
        });
    }

    @Transactional
    public Engagement update(UUID id, String note, Caller caller) {
        return answer(id, caller, "update", (e, now) -> {
            e.update();
            caseOf(e).recordEngagementNews(caller.subject(), CaseEntry.Kind.ENGAGEMENT_UPDATE, note, now);
        });
    }

    @Transactional
    public Engagement complete(UUID id, String outcome, Caller caller) {
        return answer(id, caller, "complete", (e, now) -> {
            e.complete(outcome, now);
            caseOf(e).recordEngagementNews(caller.subject(), CaseEntry.Kind.ENGAGEMENT_COMPLETED, outcome, now);
        });
    }

    /** The partner's answer on one of its own engagements; an engagement of another partner is as absent as a missing one. */
    private Engagement answer(UUID id, Caller caller, String action, BiConsumer<Engagement, OffsetDateTime> intention) {
        Optional<Engagement> own = Engagement.<Engagement>findByIdOptional(id)
                .filter(e -> caller.partner().map(e.partnerId()::equals).orElse(false));
        OffsetDateTime now = escalations.now();
        return changes.of(own, "engagement " + id).by(caller.subject()).apply(action, e -> intention.accept(e, now));
    }

    /**
     * Escalates, one level and once per deadline, up to {@code atMost} of the engagements not accepted in time, the
     * longest due first; one replica at a time. Returns how many it escalated.
     */
    @Transactional
    public int escalateUnaccepted(int atMost) {
        if (!ticks.take("escalate-unaccepted")) {
            return 0;
        }
        OffsetDateTime now = escalations.now();
        int escalated = 0;
        for (Engagement engagement : Engagement.<Engagement>find(
                        "status = ?1 and acknowledgeDueAt < ?2 and escalationLevel < ?3 order by acknowledgeDueAt, id",
                        Engagement.Status.REQUESTED,
                        now,
                        Engagement.LEAD_EXPERT)
                .page(0, atMost)
                .list()) {
            boolean went = changes.of(engagement).decide("escalate", e -> {
                boolean up = e.escalateIfUnaccepted(now, sharing);
                if (up) {
                    caseOf(e).recordEngagementEscalated(e.partnerId(), e.escalatedTo(), now);
                }
                return up;
            });
            escalated += went ? 1 : 0;
        }
        return escalated;
    }

    /** A closed case's open engagements end with it. */
    void cancelWith(@Observes CaseClosed closed) {
        Engagement.<Engagement>list(
                        "caseId = ?1 and status in ?2",
                        closed.caseId(),
                        List.of(Engagement.Status.REQUESTED, Engagement.Status.ACCEPTED))
                .forEach(
                        engagement -> changes.of(engagement).by(closed.expert()).apply("cancel", Engagement::cancel));
    }

    public List<Engagement> ofCase(UUID caseId) {
        return Engagement.list("caseId = ?1 order by requestedAt", caseId);
    }

    /** The engagements of several cases in one query, per case in the order they were requested. */
    public Map<UUID, List<Engagement>> ofCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return Engagement.<Engagement>list("caseId in ?1 order by requestedAt", caseIds).stream()
                .collect(Collectors.groupingBy(Engagement::caseId));
    }

    private static EscalationCase caseOf(Engagement engagement) {
        return EscalationCase.<EscalationCase>findByIdOptional(engagement.caseId())
                .orElseThrow();
    }
}
