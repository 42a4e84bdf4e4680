package nl.rotterdam.schoolsafe.escalation.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
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
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
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

    /** The expert works the district's queue soonest-due first (the overdue cases lead); the others see newest first. */
    private static final Keyset SOONEST_DUE = Keyset.oldestFirst("responseDueAt", "id");

    private static final Keyset NEWEST = Keyset.newestFirst("openedAt", "id");
    private static final Keyset NEWEST_JOINED = Keyset.newestFirst("c.openedAt", "c.id");

    /**
     * One page of the cases the caller may see: the expert's district queue, a partner's engagements, a school's own
     * incidents. A page can hold fewer cases than the limit when some on it are not the caller's to see.
     */
    @Transactional
    public Page<CaseView> queue(Caller caller, PageRequest request) {
        Map<String, Object> parameters = new HashMap<>();
        Keyset keyset;
        String query;
        switch (caller.role()) {
            case SAFETY_EXPERT -> {
                if (caller.area().isEmpty()) {
                    return new Page<>(List.of(), null);
                }
                keyset = SOONEST_DUE;
                parameters.put("area", caller.area().get());
                // the literal, not a parameter, so the planner can use the partial index of open cases
                query = "districtId = :area and status <> " + CaseStatus.class.getName() + ".CLOSED";
            }
            case PARTNER -> {
                if (caller.partner().isEmpty()) {
                    return new Page<>(List.of(), null);
                }
                keyset = NEWEST;
                parameters.put("partner", caller.partner().get());
                parameters.put("cancelled", Engagement.Status.CANCELLED);
                query =
                        "id in (select e.caseId from Engagement e where e.partnerId = :partner and e.status <> :cancelled)";
            }
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> {
                keyset = NEWEST_JOINED;
                parameters.put("schools", caller.schoolLocationIds());
                query =
                        "select distinct c from EscalationCase c join c.incidents i where i.schoolLocationId in :schools";
            }
            default -> {
                return new Page<>(List.of(), null);
            }
        }
        List<EscalationCase> fetched = EscalationCase.<EscalationCase>find(
                        query + keyset.after(request.cursor, parameters) + keyset.orderBy(), parameters)
                .page(0, request.limit + 1)
                .list();
        List<EscalationCase> candidates = fetched.subList(0, Math.min(fetched.size(), request.limit));
        Map<UUID, List<Engagement>> engaged =
                engagements.ofCases(candidates.stream().map(EscalationCase::id).toList());
        KnownIncidents known = projection.known(
                candidates.stream().flatMap(c -> c.incidentIds().stream()).toList());
        Optional<Recipient> partnerColumn = partnerColumn(caller);
        boolean byDue = keyset == SOONEST_DUE;
        Page<Optional<CaseView>> page = keyset.page(
                fetched,
                request.limit,
                byDue ? EscalationCase::responseDueAt : EscalationCase::openedAt,
                EscalationCase::id,
                escalation -> {
                    List<Engagement> ofCase = engaged.getOrDefault(escalation.id(), List.of());
                    return readerFor(escalation, ofCase, caller, known, partnerColumn)
                            .map(reader -> views.outline(escalation, ofCase, reader, known));
                });
        List<CaseView> shown = page.items().stream().flatMap(Optional::stream).toList();
        processingLog.record(shown.stream().map(view -> read(view, caller)).toList());
        return new Page<>(shown, page.nextCursor());
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
        processingLog.record(read(view, caller));
        return view;
    }

    private static ProcessingLog.Read read(CaseView view, Caller caller) {
        return new ProcessingLog.Read(
                EscalationCase.AGGREGATE,
                view.id().toString(),
                view.district(),
                CaseViews.pseudonymsIn(view),
                "escalation case read by " + caller.role());
    }
}
