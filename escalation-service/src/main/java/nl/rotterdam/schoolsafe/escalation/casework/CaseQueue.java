package nl.rotterdam.schoolsafe.escalation.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.engagement.EngagementService;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseStatus;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentProjection;
import nl.rotterdam.schoolsafe.escalation.incident.KnownIncidents;
import nl.rotterdam.schoolsafe.escalation.register.Partners;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseViews;
import nl.rotterdam.schoolsafe.escalation.sharing.Recipient;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/**
 * The cases a caller may read, each through the sharing matrix, and every read of personal data
 * in the processing log. A listing loads engagements, projection rows and expulsions once for all
 * its cases.
 */
@ApplicationScoped
public class CaseQueue {
    private final EngagementService engagements;
    private final IncidentProjection projection;
    private final Partners partners;
    private final CaseViews views;
    private final ProcessingLog processingLog;

    CaseQueue(
            EngagementService engagements,
            IncidentProjection projection,
            Partners partners,
            CaseViews views,
            ProcessingLog processingLog) {
        this.engagements = engagements;
        this.projection = projection;
        this.partners = partners;
        this.views = views;
        this.processingLog = processingLog;
    }

    /** Cases the caller may see: the expert's district queue, a partner's engagements, a school's own incidents. */
    @Transactional
    public List<CaseView> queue(Caller caller) {
        List<EscalationCase> candidates = switch (caller.role()) {
            case SAFETY_EXPERT ->
                caller.area()
                        .map(area -> EscalationCase.<EscalationCase>list(
                                "districtId = ?1 and status <> ?2 order by overdue desc, responseDueAt, id",
                                area,
                                CaseStatus.CLOSED))
                        .orElse(List.of());
            case PARTNER ->
                caller.partner()
                        .map(partner -> EscalationCase.<EscalationCase>list(
                                "id in (select e.caseId from Engagement e where e.partnerId = ?1 and e.status <> ?2) order by openedAt desc",
                                partner,
                                Engagement.Status.CANCELLED))
                        .orElse(List.of());
            case SCHOOL_STAFF, SAFETY_COORDINATOR ->
                EscalationCase.<EscalationCase>list(
                        "select distinct c from EscalationCase c join c.incidents i where i.schoolLocationId in ?1 order by c.openedAt desc",
                        caller.schoolLocationIds());
            default -> List.of();
        };
        Map<UUID, List<Engagement>> engaged =
                engagements.ofCases(candidates.stream().map(EscalationCase::id).toList());
        KnownIncidents known = projection.known(
                candidates.stream().flatMap(c -> c.incidentIds().stream()).toList());
        Optional<Recipient> partnerColumn = partnerColumn(caller);
        List<CaseView> visible = new ArrayList<>();
        for (EscalationCase escalation : candidates) {
            List<Engagement> ofCase = engaged.getOrDefault(escalation.id(), List.of());
            readerFor(escalation, ofCase, caller, known, partnerColumn)
                    .ifPresent(reader -> visible.add(logged(views.outline(escalation, ofCase, reader, known), caller)));
        }
        return visible;
    }

    /** One case as the caller may see it; a case outside the caller's reach is as absent as a missing one. */
    @Transactional
    public Optional<Versioned<CaseView>> read(UUID id, Caller caller) {
        return EscalationCase.<EscalationCase>findByIdOptional(id).flatMap(escalation -> {
            List<Engagement> ofCase = engagements.ofCase(escalation.id());
            KnownIncidents known = projection.known(escalation.incidentIds());
            return readerFor(escalation, ofCase, caller, known, partnerColumn(caller))
                    .map(reader -> new Versioned<>(
                            logged(views.view(escalation, ofCase, reader, known), caller), escalation.version()));
        });
    }

    /** The partner's column of the matrix as the register describes it, when the caller is a partner. */
    private Optional<Recipient> partnerColumn(Caller caller) {
        return caller.partner().flatMap(partners::find).flatMap(p -> Recipient.ofPartnerKind(p.kind()));
    }

    private Optional<CaseViews.Reader> readerFor(
            EscalationCase escalation,
            List<Engagement> engagements,
            Caller caller,
            KnownIncidents known,
            Optional<Recipient> partnerColumn) {
        return switch (caller.role()) {
            case SAFETY_EXPERT ->
                caller.area().filter(escalation.districtId()::equals).map(area -> CaseViews.Reader.expert());
            case PARTNER ->
                caller.partner().flatMap(partner -> {
                    List<Engagement> own = engagements.stream()
                            .filter(e -> e.partnerId().equals(partner) && e.active())
                            .toList();
                    if (own.isEmpty()) {
                        return Optional.empty();
                    }
                    return partnerColumn
                            .or(() -> Recipient.ofPartnerKind(own.get(0).partnerKind()))
                            .map(recipient -> CaseViews.Reader.partner(
                                    recipient, partner, own.stream().anyMatch(Engagement::referralAccepted)));
                });
            case SCHOOL_STAFF, SAFETY_COORDINATOR ->
                involves(escalation, caller.schoolLocationIds(), known)
                        ? Optional.of(CaseViews.Reader.school(caller.schoolLocationIds()))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A school is involved when it reported one of the case's incidents or a person involved is its own. */
    private static boolean involves(EscalationCase escalation, Set<String> schools, KnownIncidents known) {
        return escalation.incidents().stream()
                .anyMatch(linked -> schools.contains(linked.schoolLocationId())
                        || known.find(linked.incidentId()).stream()
                                .flatMap(s -> s.persons().stream())
                                .anyMatch(p -> p.schoolLocationId() != null && schools.contains(p.schoolLocationId())));
    }

    private CaseView logged(CaseView view, Caller caller) {
        List<String> subjects = CaseViews.pseudonymsIn(view);
        if (!subjects.isEmpty()) {
            processingLog.record(new ProcessingLog.Read(
                    EscalationCase.AGGREGATE,
                    view.id().toString(),
                    view.district(),
                    subjects,
                    "escalation case read by " + caller.role()));
        }
        return view;
    }
}
