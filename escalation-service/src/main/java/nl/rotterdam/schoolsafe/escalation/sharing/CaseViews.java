package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentProjection;
import nl.rotterdam.schoolsafe.escalation.incident.KnownIncidents;
import nl.rotterdam.schoolsafe.escalation.incident.SeenIncident;
import nl.rotterdam.schoolsafe.escalation.sharing.SharingMatrix.Access;
import nl.rotterdam.schoolsafe.escalation.sharing.SharingMatrix.Field;
import nl.rotterdam.schoolsafe.platform.event.CaseView;

/** Builds every outward view of a case through the sharing matrix: REST responses and partner events alike. */
@ApplicationScoped
public class CaseViews {
    private final SharingMatrix matrix;
    private final IncidentProjection incidents;
    private final Summaries summaries;

    CaseViews(SharingMatrix matrix, IncidentProjection incidents, Summaries summaries) {
        this.matrix = matrix;
        this.incidents = incidents;
        this.summaries = summaries;
    }

    /** A shareable summary as fetched for one reader: the text, or a note that it could not be fetched. */
    private record Summary(String text, Boolean unavailable) {}

    /** Who reads: a fixed matrix column, or a school whose column depends on its part in each incident. */
    public record Reader(
            Recipient recipient, Set<String> schoolLocationIds, boolean referralAccepted, String partnerId) {
        public static Reader expert() {
            return new Reader(Recipient.SAFETY_EXPERT, Set.of(), false, null);
        }

        public static Reader partner(Recipient recipient, String partnerId, boolean referralAccepted) {
            return new Reader(recipient, Set.of(), referralAccepted, partnerId);
        }

        public static Reader school(Set<String> schoolLocationIds) {
            return new Reader(Recipient.OWN_SCHOOL, schoolLocationIds, false, null);
        }

        boolean isSchool() {
            return !schoolLocationIds.isEmpty();
        }

        /** For a school: own school if it reported the incident, other involved school otherwise. */
        Recipient columnFor(SeenIncident incident) {
            if (!isSchool()) {
                return recipient;
            }
            return schoolLocationIds.contains(incident.schoolLocationId())
                    ? Recipient.OWN_SCHOOL
                    : Recipient.OTHER_SCHOOL;
        }
    }

    /** The case as a REST response: with the shareable summaries the reader may see, fetched from their owner. */
    public CaseView view(EscalationCase escalation, List<Engagement> engagements, Reader reader) {
        return view(escalation, engagements, reader, incidents.known(escalation.incidentIds()));
    }

    /** The same, with what the projection knows of the case's incidents loaded already. */
    public CaseView view(EscalationCase escalation, List<Engagement> engagements, Reader reader, KnownIncidents known) {
        return view(escalation, engagements, reader, known, true);
    }

    /** The case without shareable summaries: for event payloads (free text never travels on a topic). */
    public CaseView outline(EscalationCase escalation, List<Engagement> engagements, Reader reader) {
        return outline(escalation, engagements, reader, incidents.known(escalation.incidentIds()));
    }

    /** The same for a listing, with what the projection knows of all listed cases' incidents loaded beforehand. */
    public CaseView outline(
            EscalationCase escalation, List<Engagement> engagements, Reader reader, KnownIncidents known) {
        return view(escalation, engagements, reader, known, false);
    }

    private CaseView view(
            EscalationCase escalation,
            List<Engagement> engagements,
            Reader reader,
            KnownIncidents known,
            boolean withSummaries) {
        boolean expert = reader.recipient() == Recipient.SAFETY_EXPERT;
        List<SeenIncident> seen = escalation.incidentIds().stream()
                .map(known::find)
                .flatMap(Optional::stream)
                .toList();
        List<UUID> summarised = withSummaries
                ? seen.stream()
                        .filter(i -> granted(Field.SUMMARY, reader.columnFor(i), reader) == Access.FULL)
                        .map(SeenIncident::incidentId)
                        .toList()
                : List.of();
        Optional<Map<UUID, String>> summaryTexts = summarised.isEmpty()
                ? Optional.of(Map.of())
                : summaries.fetch(summarised, reader.recipient(), escalation.id());
        List<CaseView.IncidentView> shared = new ArrayList<>();
        for (SeenIncident incident : seen) {
            Summary summary = !summarised.contains(incident.incidentId())
                    ? null
                    : summaryTexts
                            .map(texts -> new Summary(texts.get(incident.incidentId()), null))
                            .orElseGet(() -> new Summary(null, true));
            incidentView(incident, reader, known, summary).ifPresent(shared::add);
        }
        List<CaseView.EngagementView> visibleEngagements = expert
                ? engagements.stream().map(CaseViews::engagement).toList()
                : reader.partnerId() != null
                        ? engagements.stream()
                                .filter(e -> e.partnerId().equals(reader.partnerId()))
                                .map(CaseViews::engagement)
                                .toList()
                        : null;
        return new CaseView(
                escalation.id(),
                escalation.districtId(),
                escalation.status().name(),
                escalation.priority().name(),
                escalation.openedAt(),
                escalation.responseDueAt(),
                escalation.overdue(),
                escalation.rules(),
                shared,
                visibleEngagements,
                expert
                        ? escalation.chronology().stream()
                                .map(e -> new CaseView.EntryView(e.recordedAt(), e.actor(), e.kind(), e.text()))
                                .toList()
                        : null,
                expert ? escalation.outcome() : null);
    }

    private Optional<CaseView.IncidentView> incidentView(
            SeenIncident seen, Reader reader, KnownIncidents known, Summary summary) {
        Recipient column = reader.columnFor(seen);
        if (granted(Field.BASICS, column, reader) == Access.NONE) {
            return Optional.empty();
        }
        List<String> schools = switch (granted(Field.INVOLVED_SCHOOLS, column, reader)) {
            case FULL -> involvedSchools(seen);
            default -> null;
        };
        List<CaseView.PersonView> persons = switch (granted(Field.INVOLVED_PERSONS, column, reader)) {
            case FULL -> persons(seen, p -> true);
            case OWN_STUDENTS_ONLY ->
                persons(
                        seen,
                        p -> p.schoolLocationId() != null
                                && reader.schoolLocationIds().contains(p.schoolLocationId()));
            default -> null;
        };
        String policeReport = granted(Field.POLICE_REPORT_STATUS, column, reader) == Access.FULL
                ? seen.policeReportStatus().name()
                : null;
        List<CaseView.MeasureView> measures = granted(Field.FOLLOW_UP_MEASURES, column, reader) == Access.FULL
                ? known.expulsionsOf(seen.incidentId()).stream()
                        .map(x -> new CaseView.MeasureView("EXPULSION", x.pseudonym(), x.startDate()))
                        .toList()
                : null;
        return Optional.of(new CaseView.IncidentView(
                seen.incidentId(),
                seen.category().name(),
                seen.severity().name(),
                seen.occurredAt(),
                seen.locationType().name(),
                seen.districtId(),
                summary == null ? null : summary.text(),
                summary == null ? null : summary.unavailable(),
                schools,
                persons,
                policeReport,
                measures));
    }

    /** The matrix cell, with the conditional cells resolved for this reader. */
    private Access granted(Field field, Recipient column, Reader reader) {
        Access access = matrix.access(field, column);
        if (access == Access.IF_REFERRAL_ACCEPTED) {
            return reader.referralAccepted() ? Access.FULL : Access.NONE;
        }
        return access;
    }

    private static List<String> involvedSchools(SeenIncident seen) {
        List<String> schools = new ArrayList<>();
        schools.add(seen.schoolLocationId());
        seen.persons().stream()
                .map(SeenIncident.Person::schoolLocationId)
                .filter(Objects::nonNull)
                .filter(s -> !schools.contains(s))
                .forEach(schools::add);
        return schools;
    }

    private static List<CaseView.PersonView> persons(SeenIncident seen, Predicate<SeenIncident.Person> visible) {
        return seen.persons().stream()
                .filter(visible)
                .map(p -> new CaseView.PersonView(
                        p.pseudonym(), p.role().name(), p.kind().name(), p.schoolLocationId()))
                .toList();
    }

    public static CaseView.EngagementView engagement(Engagement e) {
        return new CaseView.EngagementView(
                e.id(),
                e.partnerId(),
                e.partnerKind(),
                e.purpose().name(),
                e.status().name(),
                e.requestedAt(),
                e.acknowledgeDueAt(),
                e.escalationLevel(),
                e.outcome());
    }

    /** Pseudonyms a view shows, for the processing log. */
    public static List<String> pseudonymsIn(CaseView view) {
        return view.incidents().stream()
                .filter(i -> i.persons() != null)
                .flatMap(i -> i.persons().stream())
                .map(CaseView.PersonView::pseudonym)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
