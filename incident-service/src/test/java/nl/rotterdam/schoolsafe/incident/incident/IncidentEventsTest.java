package nl.rotterdam.schoolsafe.incident.incident;

import static nl.rotterdam.schoolsafe.incident.incident.IncidentTest.adultStudent;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentTest.incident;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentTest.minorStudent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.runtime.RegisteredEvents;
import org.junit.jupiter.api.Test;

/** Each intention registers the event that says what happened to the incident; a draft registers none. */
class IncidentEventsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);

    private static List<EventType> types(Incident incident) {
        return RegisteredEvents.take(incident).stream().map(DomainEvent::type).toList();
    }

    @Test
    void aRegisteredReportIsReportedKeyedByTheIncidentWithPseudonymsAndNoDescription() {
        Incident incident = incident(false, minorStudent());
        List<DomainEvent> events = RegisteredEvents.take(incident);
        assertEquals(1, events.size());
        assertEquals(EventType.INCIDENT_REPORTED, events.get(0).type());
        assertEquals(incident.id().toString(), events.get(0).key());
        IncidentEvent payload = (IncidentEvent) events.get(0).payload();
        assertEquals("REGISTERED", payload.status());
        assertEquals(minorStudent().pseudonym, payload.involvedPersons().get(0).pseudonym());
        assertFalse(payload.toString().contains(incident.description()), "the description stays at school");
    }

    @Test
    void aDraftPublishesNothingUntilItIsRegisteredAndThenIsReported() {
        Incident draft = incident(true, adultStudent());
        draft.revise(
                new Incident.Facts(
                        "30BR01",
                        "VO",
                        "delfshaven",
                        LocationType.IN_SCHOOL,
                        Category.THREAT,
                        Severity.LOW,
                        "corrected",
                        NOW.minusHours(2),
                        List.of(adultStudent())),
                NOW);
        assertEquals(List.of(), types(draft));
        draft.register();
        assertEquals(List.of(EventType.INCIDENT_REPORTED), types(draft));
    }

    @Test
    void closingIsClosedAndEveryOtherChangeAnUpdate() {
        Incident incident = incident(false, adultStudent());
        RegisteredEvents.take(incident);
        incident.startFollowUp();
        incident.close("handled");
        incident.reopen("flared up again");
        incident.writeShareableSummary(new ShareableSummary("Dispute continued on the metro."));
        assertEquals(
                List.of(
                        EventType.INCIDENT_UPDATED,
                        EventType.INCIDENT_CLOSED,
                        EventType.INCIDENT_UPDATED,
                        EventType.INCIDENT_UPDATED),
                types(incident));
    }

    @Test
    void anExpulsionIsAnUpdateFollowedByTheDecisionForTheMunicipality() {
        Incident incident = incident(false, minorStudent());
        RegisteredEvents.take(incident);
        LocalDate start = LocalDate.of(2026, 12, 1);
        FollowUpMeasure expulsion = incident.expel(0, start, NOW.minusDays(2), "c", NOW, Period.ofDays(5));
        List<DomainEvent> events = RegisteredEvents.take(incident);
        assertEquals(
                List.of(EventType.INCIDENT_UPDATED, EventType.INCIDENT_EXPULSION_DECIDED),
                events.stream().map(DomainEvent::type).toList());
        assertEquals(incident.id().toString(), events.get(1).key());
        assertEquals(
                new ExpulsionEvent(
                        incident.id(),
                        expulsion.id,
                        "30BR01",
                        "delfshaven",
                        minorStudent().pseudonym,
                        start,
                        NOW,
                        NOW.minusDays(2),
                        null,
                        null,
                        false,
                        null),
                events.get(1).payload());
    }

    @Test
    void theExpulsionsFollowUpTellsTheMunicipalityDatesAndYesOrNoButNotTheSchoolsWords() {
        Incident incident = incident(false, minorStudent());
        FollowUpMeasure expulsion =
                incident.expel(0, LocalDate.of(2026, 12, 1), NOW.minusDays(2), "c", NOW, Period.ofDays(5));
        RegisteredEvents.take(incident);
        incident.recordRightToObject(expulsion.id, NOW.minusDays(1), NOW.toLocalDate(), NOW);
        incident.recordDutyOfCare(expulsion.id, "Two mornings a week at the Op de Rails programme", null);
        List<DomainEvent> events = RegisteredEvents.take(incident);
        assertEquals(
                List.of(
                        EventType.INCIDENT_UPDATED,
                        EventType.INCIDENT_EXPULSION_UPDATED,
                        EventType.INCIDENT_UPDATED,
                        EventType.INCIDENT_EXPULSION_UPDATED),
                events.stream().map(DomainEvent::type).toList());
        ExpulsionEvent told = (ExpulsionEvent) events.get(3).payload();
        assertEquals(NOW.minusDays(1), told.rightToObjectInformedAt());
        assertEquals(NOW.toLocalDate(), told.objectionLodgedOn());
        assertEquals(true, told.interimEducationArranged());
        assertEquals(false, told.toString().contains("Op de Rails"), told::toString);
    }

    @Test
    void refusesAnObjectionBeforeTheParentsWereToldTheyMayObject() {
        Incident incident = incident(false, minorStudent());
        FollowUpMeasure expulsion =
                incident.expel(0, LocalDate.of(2026, 12, 1), NOW.minusDays(2), "c", NOW, Period.ofDays(5));
        RegisteredEvents.take(incident);
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> incident.recordRightToObject(
                        expulsion.id, NOW.plusHours(1), NOW.minusDays(3).toLocalDate(), NOW));
        assertEquals(
                List.of("informedAt", "objectionLodgedOn"),
                refused.toProblem("x").errors().stream().map(e -> e.field()).toList());
        assertEquals(List.of(), types(incident));
    }

    @Test
    void aRefusedIntentionRegistersNothing() {
        Incident incident = incident(false, minorStudent());
        RegisteredEvents.take(incident);
        LocalDate start = LocalDate.of(2026, 11, 23);
        assertThrows(
                ProblemException.class,
                () -> incident.suspend(0, start, start.plusDays(7), "c", NOW, Period.ofDays(5)));
        assertEquals(List.of(), types(incident));
    }
}
