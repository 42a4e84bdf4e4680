package nl.rotterdam.schoolsafe.incident.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class IncidentTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Period NOTIFY_WITHIN = Period.ofDays(5);

    static Incident incident(boolean draft, InvolvedPerson... persons) {
        return Incident.report(
                new Incident.Facts(
                        "30BR01",
                        "VO",
                        "delfshaven",
                        LocationType.IN_SCHOOL,
                        Category.THREAT,
                        Severity.HIGH,
                        "what happened",
                        NOW.minusHours(3),
                        List.of(persons)),
                draft,
                "coordinator-1",
                NOW);
    }

    static InvolvedPerson minorStudent() {
        return new InvolvedPerson(
                InvolvedPerson.Role.SUSPECT,
                InvolvedPerson.Kind.STUDENT,
                "ps-0123456789abcdef0123456789abcdef",
                "30BR01",
                true);
    }

    static InvolvedPerson adultStudent() {
        return new InvolvedPerson(
                InvolvedPerson.Role.VICTIM,
                InvolvedPerson.Kind.STUDENT,
                "ps-fedcba9876543210fedcba9876543210",
                "30BR01",
                false);
    }

    @Test
    void aDraftIsRegisteredThenFollowedUpThenClosedAndReopenedWithAReason() {
        Incident incident = incident(true, adultStudent());
        assertEquals(IncidentStatus.DRAFT, incident.status());
        incident.register();
        incident.startFollowUp();
        incident.close("handled with both families");
        assertEquals(IncidentStatus.CLOSED, incident.status());
        assertEquals("handled with both families", incident.closedReason());
        incident.reopen("the conflict flared up again");
        assertEquals(IncidentStatus.REGISTERED, incident.status());
        assertNull(incident.closedReason());
    }

    @Test
    void anIllegalTransitionNamesTheCurrentStateAndTheAllowedActions() {
        Incident incident = incident(false, adultStudent());
        incident.close("done");
        ProblemException refused = assertThrows(ProblemException.class, incident::startFollowUp);
        Problem problem = refused.toProblem("/x");
        assertEquals(409, problem.status());
        assertEquals("CLOSED", problem.context().get("currentState"));
        assertEquals(
                List.of("REOPEN", "WRITE_SHAREABLE_SUMMARY"), problem.context().get("allowedActions"));
    }

    @Test
    void closingAndReopeningNeedAReason() {
        Incident incident = incident(false);
        assertEquals(
                400,
                assertThrows(ProblemException.class, () -> incident.close(" ")).status());
        incident.close("done");
        assertEquals(
                400,
                assertThrows(ProblemException.class, () -> incident.reopen(null))
                        .status());
    }

    private static void weighAndConsult(Incident incident, PoliceConsultation.Party party) {
        incident.decidePoliceReport(PoliceReportStatus.CONSIDERING, null, null, "coordinator-1", NOW);
        incident.recordPoliceConsultation(party, "Community police officer", NOW.minusHours(2), "coordinator-1", NOW);
    }

    private static String slug(ProblemException refused) {
        return refused.toProblem("/x").type().toString().replaceAll(".*/", "");
    }

    @Test
    void refusesFilingForMinorWithoutParentConsultation() {
        Incident incident = incident(false, minorStudent(), adultStudent());
        weighAndConsult(incident, PoliceConsultation.Party.POLICE);
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> incident.decidePoliceReport(PoliceReportStatus.FILED, null, null, "coordinator-1", NOW));
        assertEquals("parents-not-consulted", slug(refused));
        assertEquals(
                List.of("involvedPersons[0]"), refused.toProblem("/x").context().get("minorsWithoutConsultation"));

        incident.recordParentConsultation(
                0, ParentConsultation.Guardian.PARENT, NOW.minusHours(1), "coordinator-1", NOW);
        incident.decidePoliceReport(PoliceReportStatus.FILED, null, null, "coordinator-1", NOW);
        assertEquals(PoliceReportStatus.FILED, incident.policeReportStatus());
        assertEquals(3, incident.policeReportSteps().size());
    }

    @Test
    void refusesNoActionForAMinorWithoutParentsConsulted() {
        Incident incident = incident(false, minorStudent());
        weighAndConsult(incident, PoliceConsultation.Party.ENFORCEMENT);
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> incident.decidePoliceReport(
                        PoliceReportStatus.NO_ACTION, null, "talked it through", "coordinator-1", NOW));
        assertEquals(409, refused.status());
        assertEquals("parents-not-consulted", slug(refused));
        assertEquals(PoliceReportStatus.CONSULTED, incident.policeReportStatus());
    }

    @Test
    void refusesEveryOutcomeWithoutConsultingPoliceOrEnforcement() {
        for (PoliceReportStatus outcome : PoliceReportStatus.OUTCOMES) {
            Incident incident = incident(false, adultStudent());
            incident.decidePoliceReport(PoliceReportStatus.CONSIDERING, null, null, "c", NOW);
            InvolvementRoute route =
                    outcome == PoliceReportStatus.OTHER_ROUTE ? new InvolvementRoute("HALT_REFERRAL") : null;
            ProblemException refused = assertThrows(
                    ProblemException.class,
                    () -> incident.decidePoliceReport(outcome, route, "a reason", "c", NOW),
                    outcome.name());
            assertEquals("police-or-enforcement-not-consulted", slug(refused), outcome.name());
            assertEquals(PoliceReportStatus.CONSIDERING, incident.policeReportStatus());
        }
    }

    @Test
    void aConsultationComesAfterTheInternalWeighingAndBeforeTheOutcome() {
        Incident incident = incident(false, adultStudent());
        ProblemException early = assertThrows(
                ProblemException.class,
                () -> incident.recordPoliceConsultation(
                        PoliceConsultation.Party.POLICE, "Community police officer", NOW, "c", NOW));
        assertEquals(409, early.status());
        weighAndConsult(incident, PoliceConsultation.Party.POLICE);
        incident.recordPoliceConsultation(PoliceConsultation.Party.ENFORCEMENT, "Boa team Noord", NOW, "c", NOW);
        assertEquals(2, incident.policeConsultations().size());
        assertEquals(2, incident.policeReportSteps().size(), "a second consultation is no new step");
        incident.decidePoliceReport(PoliceReportStatus.SCHOOL_REPORT_ONLY, null, null, "c", NOW);
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () -> incident.recordPoliceConsultation(
                                        PoliceConsultation.Party.POLICE, "Community police officer", NOW, "c", NOW))
                        .status());
    }

    @Test
    void anotherRouteNamesItsRouteAndNoActionItsReasonBothNamedAtOnce() {
        Incident incident = incident(false, adultStudent());
        weighAndConsult(incident, PoliceConsultation.Party.POLICE);
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> incident.decidePoliceReport(
                        PoliceReportStatus.NO_ACTION, new InvolvementRoute("MEDIATION"), " ", "c", NOW));
        assertEquals(400, refused.status());
        assertEquals(
                List.of("route", "reason"),
                refused.toProblem("/x").errors().stream()
                        .map(Problem.FieldError::field)
                        .toList());
        assertEquals(
                List.of("route"),
                assertThrows(
                                ProblemException.class,
                                () -> incident.decidePoliceReport(PoliceReportStatus.OTHER_ROUTE, null, null, "c", NOW))
                        .toProblem("/x")
                        .errors()
                        .stream()
                        .map(Problem.FieldError::field)
                        .toList());

        incident.decidePoliceReport(
                PoliceReportStatus.OTHER_ROUTE,
                new InvolvementRoute("HALT_REFERRAL"),
                "HALT agreed with the police",
                "c",
                NOW);
        assertEquals(PoliceReportStatus.OTHER_ROUTE, incident.policeReportStatus());
        assertEquals("HALT_REFERRAL", incident.policeReportRoute());
        assertEquals(List.of(), List.copyOf(incident.policeReportStatus().next()));
    }

    @Test
    void aConsultationIsRecordedNotDecided() {
        Incident incident = incident(false, adultStudent());
        incident.decidePoliceReport(PoliceReportStatus.CONSIDERING, null, null, "c", NOW);
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> incident.decidePoliceReport(PoliceReportStatus.CONSULTED, null, null, "c", NOW));
        assertEquals(400, refused.status());
        assertEquals("status", refused.toProblem("/x").errors().get(0).field());
    }

    @Test
    void aRouteCodeIsUpperCaseLettersAndUnderscores() {
        assertThrows(IllegalArgumentException.class, () -> new InvolvementRoute("halt referral"));
        assertEquals("HALT_REFERRAL", new InvolvementRoute("HALT_REFERRAL").code());
    }

    @Test
    void aParentConsultationIsOnlyForAMinorStudentAndNotInTheFuture() {
        Incident incident = incident(false, minorStudent(), adultStudent());
        assertEquals(
                400,
                assertThrows(
                                ProblemException.class,
                                () -> incident.recordParentConsultation(
                                        1, ParentConsultation.Guardian.PARENT, NOW, "c", NOW))
                        .status());
        assertEquals(
                400,
                assertThrows(
                                ProblemException.class,
                                () -> incident.recordParentConsultation(
                                        0, ParentConsultation.Guardian.GUARDIAN, NOW.plusDays(1), "c", NOW))
                        .status());
    }

    @Test
    void refusesASuspensionOfEightDays() {
        Incident incident = incident(false, minorStudent());
        LocalDate start = LocalDate.of(2026, 11, 23);
        ProblemException refused = assertThrows(
                ProblemException.class, () -> incident.suspend(0, start, start.plusDays(7), "c", NOW, NOTIFY_WITHIN));
        assertEquals("endDate", refused.toProblem("/x").errors().get(0).field());
        assertTrue(incident.measures().isEmpty());
    }

    @Test
    void aTwoDaySuspensionCreatesAnInspectorateDutyThatBecomesOverdue() {
        Incident incident = incident(false, minorStudent());
        LocalDate start = LocalDate.of(2026, 11, 23);
        FollowUpMeasure suspension = incident.suspend(0, start, start.plusDays(1), "c", NOW, NOTIFY_WITHIN);
        assertTrue(suspension.notificationRequired);
        assertEquals(LocalDate.of(2026, 11, 28), suspension.notificationDue);
        assertEquals(FollowUpMeasure.NotificationState.OPEN, suspension.notificationState(LocalDate.of(2026, 11, 28)));
        assertEquals(
                FollowUpMeasure.NotificationState.OVERDUE, suspension.notificationState(LocalDate.of(2026, 11, 29)));
        incident.recordInspectorateNotification(suspension.id, NOW, NOW);
        assertEquals(FollowUpMeasure.NotificationState.DONE, suspension.notificationState(LocalDate.of(2026, 12, 29)));
        assertEquals(IncidentStatus.IN_FOLLOW_UP, incident.status());
    }

    @Test
    void aOneDaySuspensionNeedsNoNotification() {
        Incident incident = incident(false, minorStudent());
        LocalDate day = LocalDate.of(2026, 11, 23);
        FollowUpMeasure suspension = incident.suspend(0, day, day, "c", NOW, NOTIFY_WITHIN);
        assertFalse(suspension.notificationRequired);
        assertEquals(FollowUpMeasure.NotificationState.NOT_REQUIRED, suspension.notificationState(day.plusYears(1)));
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () -> incident.recordInspectorateNotification(suspension.id, NOW, NOW))
                        .status());
    }

    @Test
    void anExpulsionRequiresTheParentsHeardFirstAndAlwaysANotification() {
        Incident incident = incident(false, minorStudent());
        LocalDate start = LocalDate.of(2026, 12, 1);
        ProblemException refused =
                assertThrows(ProblemException.class, () -> incident.expel(0, start, null, "c", NOW, NOTIFY_WITHIN));
        assertEquals("parentsHeardAt", refused.toProblem("/x").errors().get(0).field());
        FollowUpMeasure expulsion = incident.expel(0, start, NOW.minusDays(2), "c", NOW, NOTIFY_WITHIN);
        assertTrue(expulsion.notificationRequired);
        incident.recordDutyOfCare(expulsion.id, "interim place", LocalDate.of(2026, 12, 15));
        assertEquals(LocalDate.of(2026, 12, 15), expulsion.newSchoolFoundOn);
    }

    @Test
    void aMeasureIsOnlyForAStudentOfTheIncident() {
        Incident incident = incident(
                false, new InvolvedPerson(InvolvedPerson.Role.WITNESS, InvolvedPerson.Kind.STAFF, null, null, false));
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertEquals(
                400,
                assertThrows(ProblemException.class, () -> incident.suspend(0, day, day, "c", NOW, NOTIFY_WITHIN))
                        .status());
        assertEquals(
                400,
                assertThrows(ProblemException.class, () -> incident.suspend(3, day, day, "c", NOW, NOTIFY_WITHIN))
                        .status());
    }

    @Test
    void aClosedIncidentTakesNoMeasuresAndNoCorrections() {
        Incident incident = incident(false, minorStudent());
        incident.close("done");
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> incident.suspend(0, day, day, "c", NOW, NOTIFY_WITHIN))
                        .status());
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () -> incident.revise(
                                        new Incident.Facts(
                                                "30BR01",
                                                "VO",
                                                "delfshaven",
                                                LocationType.IN_SCHOOL,
                                                Category.THREAT,
                                                Severity.LOW,
                                                "x",
                                                NOW.minusDays(1),
                                                List.of()),
                                        NOW))
                        .status());
    }
}
