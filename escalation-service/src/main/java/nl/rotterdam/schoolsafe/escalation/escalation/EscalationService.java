package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.escalation.detection.DetectionRules;
import nl.rotterdam.schoolsafe.escalation.detection.Rule;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentProjection;
import nl.rotterdam.schoolsafe.escalation.incident.SeenIncident;
import nl.rotterdam.schoolsafe.escalation.register.RegisterEventHandler;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseView;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseViews;
import nl.rotterdam.schoolsafe.escalation.sharing.Recipient;
import nl.rotterdam.schoolsafe.platform.event.EscalationEvent;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.http.Etags;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class EscalationService {
    public static final String AGGREGATE = "escalation";

    private final DetectionRules rules;
    private final IncidentProjection projection;
    private final CaseViews views;
    private final Outbox outbox;
    private final ProcessingLog processingLog;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration critical;
    private final Duration high;
    private final Duration medium;

    EscalationService(DetectionRules rules, IncidentProjection projection, CaseViews views, Outbox outbox, ProcessingLog processingLog,
                      EntityManager entityManager, Clock clock,
                      @ConfigProperty(name = "schoolsafe.escalation.response.critical") Duration critical,
                      @ConfigProperty(name = "schoolsafe.escalation.response.high") Duration high,
                      @ConfigProperty(name = "schoolsafe.escalation.response.medium") Duration medium) {
        this.rules = rules;
        this.projection = projection;
        this.views = views;
        this.outbox = outbox;
        this.processingLog = processingLog;
        this.entityManager = entityManager;
        this.clock = clock;
        this.critical = critical;
        this.high = high;
        this.medium = medium;
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
    public Optional<EscalationCase> consider(IncidentEvent incident) {
        lockDistrict(incident.district());
        projection.apply(incident);
        if (caseOf(incident.incidentId()).isPresent()) {
            return Optional.empty();
        }
        List<RuleFired> fired = rules.evaluate(incident, projection);
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(linkOrOpen(incident, fired));
    }

    /** A school's coordinator asks to escalate its own incident by hand, with a reason for the expert. */
    @Transactional
    public CaseView requestEscalation(UUID incidentId, String reason, Caller caller) {
        SeenIncident seen = projection.find(incidentId).filter(i -> caller.worksAt(i.schoolLocationId))
                .orElseThrow(() -> ProblemException.notFound("incident " + incidentId));
        lockDistrict(seen.districtId);
        EscalationCase escalation = caseOf(incidentId).orElseGet(() -> linkOrOpen(eventOf(seen),
                List.of(new RuleFired(Rule.MANUAL_REQUEST, "the school asked to escalate"))));
        escalation.note(caller.subject(), "school-request", reason, now());
        return views.view(escalation, engagementsOf(escalation.id), CaseViews.Reader.school(caller.schoolLocationIds()));
    }

    private EscalationCase linkOrOpen(IncidentEvent incident, List<RuleFired> fired) {
        OffsetDateTime now = now();
        Optional<EscalationCase> open = openCaseFor(incident, fired);
        if (open.isPresent()) {
            EscalationCase escalation = open.get();
            escalation.link(incident, fired, now);
            linkRelated(escalation, fired, now);
            outbox.record(Topics.ESCALATION, EventTypes.ESCALATION_UPDATED, escalation.id.toString(), event(escalation));
            return escalation;
        }
        Priority priority = Priority.of(incident, fired);
        EscalationCase opened = EscalationCase.open(incident, fired, responseTime(priority), priority, now);
        linkRelated(opened, fired, now);
        opened.persist();
        outbox.record(Topics.ESCALATION, EventTypes.ESCALATION_OPENED, opened.id.toString(), event(opened));
        return opened;
    }

    /** Earlier incidents a rule found this one belongs with join the case too, unless they are in a case already. */
    private void linkRelated(EscalationCase escalation, List<RuleFired> fired, OffsetDateTime now) {
        for (RuleFired firing : fired) {
            for (UUID related : firing.related()) {
                if (!escalation.links(related) && caseOf(related).isEmpty()) {
                    projection.find(related).ifPresent(seen -> escalation.link(eventOf(seen),
                            List.of(new RuleFired(firing.rule(), "an earlier incident with the same student, found by a later one")), now));
                }
            }
        }
    }

    /** The district's open case sharing an involved student with the incident, or its open district-cluster case. */
    private Optional<EscalationCase> openCaseFor(IncidentEvent incident, List<RuleFired> fired) {
        Set<String> pseudonyms = new HashSet<>();
        incident.involvedPersons().stream().map(IncidentEvent.InvolvedPerson::pseudonym).filter(Objects::nonNull).forEach(pseudonyms::add);
        boolean cluster = fired.stream().anyMatch(f -> f.rule() == Rule.DISTRICT_CLUSTER);
        List<EscalationCase> open = EscalationCase.list("districtId = ?1 and status <> ?2 order by openedAt", incident.district(), CaseStatus.CLOSED);
        for (EscalationCase candidate : open) {
            if (cluster && candidate.firings.stream().anyMatch(f -> f.rule == Rule.DISTRICT_CLUSTER)) {
                return Optional.of(candidate);
            }
            for (LinkedIncident linked : candidate.incidents) {
                boolean sharesStudent = projection.find(linked.incidentId).stream()
                        .flatMap(seen -> seen.persons.stream()).anyMatch(p -> p.pseudonym != null && pseudonyms.contains(p.pseudonym));
                if (sharesStudent) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private void lockDistrict(String district) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "escalation-district:" + district)
                .getSingleResult();
    }

    /** Cases the caller may see: the expert's district queue, a partner's engagements, a school's own incidents. */
    @Transactional
    public List<CaseView> queue(Caller caller) {
        List<EscalationCase> candidates = switch (caller.role()) {
            case SAFETY_EXPERT -> caller.area().map(area -> EscalationCase.<EscalationCase>list(
                    "districtId = ?1 and status <> ?2 order by overdue desc, responseDueAt, id", area, CaseStatus.CLOSED)).orElse(List.of());
            case PARTNER -> caller.partner().map(partner -> EscalationCase.<EscalationCase>list(
                    "id in (select e.caseId from Engagement e where e.partnerId = ?1 and e.status <> ?2) order by openedAt desc",
                    partner, Engagement.Status.CANCELLED)).orElse(List.of());
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> EscalationCase.<EscalationCase>list(
                    "select distinct c from EscalationCase c join c.incidents i where i.schoolLocationId in ?1 order by c.openedAt desc",
                    caller.schoolLocationIds());
            default -> List.of();
        };
        List<CaseView> visible = new ArrayList<>();
        for (EscalationCase escalation : candidates) {
            List<Engagement> engagements = engagementsOf(escalation.id);
            readerFor(escalation, engagements, caller).ifPresent(reader -> visible.add(logged(views.outline(escalation, engagements, reader), caller)));
        }
        return visible;
    }

    /** One case as the caller may see it; a case outside the caller's reach is as absent as a missing one. */
    @Transactional
    public Optional<Versioned<CaseView>> read(UUID id, Caller caller) {
        return EscalationCase.<EscalationCase>findByIdOptional(id).flatMap(escalation -> {
            List<Engagement> engagements = engagementsOf(escalation.id);
            return readerFor(escalation, engagements, caller)
                    .map(reader -> new Versioned<>(logged(views.view(escalation, engagements, reader), caller), escalation.version));
        });
    }

    /** The safety expert's case work: one intention on a case of the expert's district, with an ETag check when sent. */
    @Transactional
    public Versioned<CaseView> work(UUID id, String ifMatch, Caller caller, Consumer<EscalationCase> intention) {
        EscalationCase escalation = EscalationCase.<EscalationCase>findByIdOptional(id)
                .filter(c -> caller.area().map(c.districtId::equals).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("escalation " + id));
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, escalation.version);
        }
        CaseStatus before = escalation.status;
        intention.accept(escalation);
        escalation.flush();
        String type = escalation.status == CaseStatus.CLOSED && before != CaseStatus.CLOSED ? EventTypes.ESCALATION_CLOSED : EventTypes.ESCALATION_UPDATED;
        if (type.equals(EventTypes.ESCALATION_CLOSED)) {
            engagementsOf(escalation.id).forEach(Engagement::cancel);
        }
        outbox.record(Topics.ESCALATION, type, escalation.id.toString(), event(escalation));
        return new Versioned<>(views.view(escalation, engagementsOf(escalation.id), CaseViews.Reader.expert()), escalation.version);
    }

    /** Flags and announces, once each, the cases still unacknowledged after their response deadline. */
    @Transactional
    public int announceOverdue() {
        OffsetDateTime now = now();
        int announced = 0;
        for (EscalationCase escalation : EscalationCase.<EscalationCase>list(
                "status = ?1 and overdue = false and responseDueAt < ?2", CaseStatus.OPEN, now)) {
            if (escalation.markOverdueIfLate(now)) {
                outbox.record(Topics.ESCALATION, EventTypes.ESCALATION_OVERDUE, escalation.id.toString(), event(escalation));
                announced++;
            }
        }
        return announced;
    }

    Optional<CaseViews.Reader> readerFor(EscalationCase escalation, List<Engagement> engagements, Caller caller) {
        return switch (caller.role()) {
            case SAFETY_EXPERT -> caller.area().filter(escalation.districtId::equals).map(area -> CaseViews.Reader.expert());
            case PARTNER -> caller.partner().flatMap(partner -> {
                List<Engagement> own = engagements.stream().filter(e -> e.partnerId.equals(partner) && e.active()).toList();
                if (own.isEmpty()) {
                    return Optional.empty();
                }
                return RegisterEventHandler.partner(partner).flatMap(p -> Recipient.ofPartnerKind(p.kind))
                        .or(() -> Recipient.ofPartnerKind(own.get(0).partnerKind))
                        .map(recipient -> CaseViews.Reader.partner(recipient, partner, own.stream().anyMatch(Engagement::referralAccepted)));
            });
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> involves(escalation, caller.schoolLocationIds())
                    ? Optional.of(CaseViews.Reader.school(caller.schoolLocationIds())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private boolean involves(EscalationCase escalation, Set<String> schools) {
        return escalation.incidents.stream().anyMatch(linked -> schools.contains(linked.schoolLocationId)
                || projection.find(linked.incidentId).stream().flatMap(s -> s.persons.stream())
                .anyMatch(p -> p.schoolLocationId != null && schools.contains(p.schoolLocationId)));
    }

    private CaseView logged(CaseView view, Caller caller) {
        List<String> subjects = CaseViews.pseudonymsIn(view);
        if (!subjects.isEmpty()) {
            processingLog.record(new ProcessingLog.Read(AGGREGATE, view.id().toString(), view.district(), subjects,
                    "escalation case read by " + caller.role()));
        }
        return view;
    }

    public static List<Engagement> engagementsOf(UUID caseId) {
        return Engagement.list("caseId = ?1 order by requestedAt", caseId);
    }

    Optional<EscalationCase> caseOf(UUID incidentId) {
        return EscalationCase.find("select c from EscalationCase c join c.incidents i where i.incidentId = ?1", incidentId)
                .firstResultOptional();
    }

    private Duration responseTime(Priority priority) {
        return switch (priority) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
        };
    }

    private static IncidentEvent eventOf(SeenIncident seen) {
        return new IncidentEvent(seen.incidentId, seen.schoolLocationId, seen.districtId, seen.locationType, seen.category, seen.severity,
                seen.status, seen.policeReportStatus, seen.occurredAt,
                seen.persons.stream().map(p -> new IncidentEvent.InvolvedPerson(p.pseudonym, p.role, p.kind, p.schoolLocationId, p.minor)).toList());
    }

    public static EscalationEvent event(EscalationCase escalation) {
        return new EscalationEvent(escalation.id, escalation.districtId, escalation.status.name(), escalation.priority.name(),
                escalation.openedAt, escalation.responseDueAt, escalation.overdue,
                escalation.incidents.stream().map(i -> i.incidentId).toList(),
                escalation.firings.stream().map(f -> f.rule.name()).distinct().toList());
    }
}
