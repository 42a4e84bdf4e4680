package nl.rotterdam.schoolsafe.subsidy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import nl.rotterdam.schoolsafe.platform.event.SubsidyApplicationEvent;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.runtime.RegisteredEvents;
import nl.rotterdam.schoolsafe.subsidy.intervention.CatalogOffering;
import nl.rotterdam.schoolsafe.subsidy.intervention.Intervention;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Pot;
import nl.rotterdam.schoolsafe.subsidy.programme.PotSector;
import nl.rotterdam.schoolsafe.subsidy.programme.Programme;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;
import org.junit.jupiter.api.Test;

class ApplicationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+01:00");
    /** Grants above EUR 10,000 need a second officer. */
    private static final Pot POT = Programme.start(
                    "2026-2027",
                    "Agressie en seksuele weerbaarheid",
                    AllocationMethod.URGENCY_ROUND,
                    1_000_000,
                    Set.of(),
                    NOW)
            .fund(PotSector.VO, 8_000_000);

    /** On the agreed list, incidents rising: the grounds nothing in these rules objects to. */
    private static final Application.Grounds RISING =
            new Application.Grounds(true, null, new IncidentTrend(7, 3, 90, NOW));

    private static Application application(long cents) {
        return Application.submit(
                new Application.Request(
                        POT,
                        "boor",
                        "30BR01",
                        Theme.AGGRESSION,
                        Category.EXTRA_SECURITY,
                        cents,
                        "Extra security at the gate.",
                        "VO",
                        null),
                "board-officer",
                NOW);
    }

    /** The application's events so far, as types; taking them empties the list. */
    private static List<EventType> events(Application application) {
        return RegisteredEvents.take(application).stream()
                .map(DomainEvent::type)
                .toList();
    }

    @Test
    void refusesACategoryTheThemeDoesNotAllow() {
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> new Application.Request(
                        POT,
                        "boor",
                        "30BR01",
                        Theme.SEXUAL_RESILIENCE,
                        Category.EXTRA_SECURITY,
                        100,
                        "plan",
                        "VO",
                        null));
        assertEquals("category", refused.toProblem("/x").errors().get(0).field());
    }

    @Test
    void aPartialGrantNeedsAReasonAndASettlementReturnsTheDifference() {
        Application application = application(500_000);
        assertThrows(ProblemException.class, () -> application.approve(400_000, " ", RISING, "officer-1", NOW));
        application.approve(400_000, "security hours partly covered by the board", RISING, "officer-1", NOW);
        assertEquals(ApplicationStatus.GRANTED, application.status());
        assertEquals(Application.Outcome.PARTLY_APPROVED, application.outcome().orElseThrow());
        assertEquals(150_000, application.settle(250_000, NOW));
        assertEquals(150_000, application.returnedCents());
        assertEquals(ApplicationStatus.SETTLED, application.status());
    }

    @Test
    void aLargeGrantWaitsForASecondOfficerWhoCannotBeTheFirst() {
        Application application = application(2_000_000);
        application.approve(2_000_000, null, RISING, "officer-1", NOW);
        assertEquals(ApplicationStatus.AWAITING_SECOND_APPROVAL, application.status());
        assertNull(application.grantedCents());
        ProblemException refused =
                assertThrows(ProblemException.class, () -> application.confirmAsSecondApprover("officer-1", NOW));
        assertEquals(409, refused.toProblem("/x").status());
        application.confirmAsSecondApprover("officer-2", NOW);
        assertEquals(ApplicationStatus.GRANTED, application.status());
        assertEquals("officer-1", application.decidedBy());
        assertEquals("officer-2", application.secondApprover());
    }

    @Test
    void aDecidedApplicationCannotBeDecidedAgainNorSettledAboveItsGrant() {
        Application application = application(100_000);
        application.reject("not within the plan's categories", "officer-1", NOW);
        ProblemException again = assertThrows(
                ProblemException.class, () -> application.approve(100_000, null, RISING, "officer-2", NOW));
        assertEquals("REJECTED", again.toProblem("/x").context().get("currentState"));
        Application granted = application(100_000);
        granted.approve(100_000, null, RISING, "officer-1", NOW);
        assertThrows(ProblemException.class, () -> granted.settle(100_001, NOW));
    }

    @Test
    void submittingAnnouncesTheApplicationWithItsPotButWithoutItsPlan() {
        Application application = application(300_000);
        List<DomainEvent> registered = RegisteredEvents.take(application);
        assertEquals(
                List.of(EventType.SUBSIDY_APPLICATION_SUBMITTED),
                registered.stream().map(DomainEvent::type).toList());
        DomainEvent submitted = registered.get(0);
        assertEquals(application.id().toString(), submitted.key());
        SubsidyApplicationEvent payload = (SubsidyApplicationEvent) submitted.payload();
        assertEquals(
                new SubsidyApplicationEvent(
                        application.id(),
                        POT.programme().id(),
                        "2026-2027",
                        "VO",
                        "boor",
                        "30BR01",
                        "AGGRESSION",
                        "EXTRA_SECURITY",
                        "REQUESTED",
                        300_000,
                        null,
                        null),
                payload);
        assertTrue(EventType.SUBSIDY_APPLICATION_SUBMITTED.payload().isInstance(payload));
    }

    @Test
    void everyDecisionIsAnnouncedOnceButAProposalAwaitingASecondOfficerIsNot() {
        Application large = application(2_000_000);
        events(large);
        large.approve(2_000_000, null, RISING, "officer-1", NOW);
        assertEquals(List.of(), events(large), "a proposal is not yet a decision");
        large.confirmAsSecondApprover("officer-2", NOW);
        assertEquals(List.of(EventType.SUBSIDY_APPLICATION_DECIDED), events(large));
        large.settle(1_500_000, NOW);
        List<DomainEvent> settled = RegisteredEvents.take(large);
        assertEquals(
                List.of(EventType.SUBSIDY_APPLICATION_DECIDED),
                settled.stream().map(DomainEvent::type).toList());
        SubsidyApplicationEvent payload =
                (SubsidyApplicationEvent) settled.get(0).payload();
        assertEquals("SETTLED", payload.status());
        assertEquals(2_000_000L, payload.grantedCents());
        assertEquals(1_500_000L, payload.settledCents());

        Application rejected = application(100_000);
        events(rejected);
        assertThrows(ProblemException.class, () -> rejected.reject(" ", "officer-1", NOW));
        assertEquals(List.of(), events(rejected), "a refused intention registers nothing");
        rejected.reject("not within the plan's categories", "officer-1", NOW);
        assertEquals(List.of(EventType.SUBSIDY_APPLICATION_DECIDED), events(rejected));
    }

    @Test
    void grantsALocationOutsideTheAgreedListOnlyAsAnExplicitException() {
        Application outside = application(100_000);
        Application.Grounds noReason = new Application.Grounds(false, " ", RISING.trend());
        ProblemException refused =
                assertThrows(ProblemException.class, () -> outside.approve(200_000, null, noReason, "officer-1", NOW));
        assertEquals(
                List.of("amountCents", "exceptionReason"),
                refused.toProblem("/x").errors().stream()
                        .map(Problem.FieldError::field)
                        .toList(),
                "every bad field is named at once");
        assertEquals(ApplicationStatus.REQUESTED, outside.status());

        outside.approve(
                100_000,
                null,
                new Application.Grounds(false, " Acute rise after the summer. ", RISING.trend()),
                "officer-1",
                NOW);
        assertEquals(ApplicationStatus.GRANTED, outside.status());
        assertEquals("Acute rise after the summer.", outside.exceptionReason());

        Application onList = application(100_000);
        ProblemException needless = assertThrows(
                ProblemException.class,
                () -> onList.approve(
                        100_000,
                        null,
                        new Application.Grounds(true, "just in case", RISING.trend()),
                        "officer-1",
                        NOW));
        assertEquals("exceptionReason", needless.toProblem("/x").errors().get(0).field());
        onList.approve(100_000, null, RISING, "officer-1", NOW);
        assertNull(onList.exceptionReason());

        Application large = application(2_000_000);
        large.approve(2_000_000, null, new Application.Grounds(false, "urgent", RISING.trend()), "officer-1", NOW);
        assertEquals("urgent", large.exceptionReason(), "the proposal awaiting a second officer carries its exception");
        large.reject("the second officer finds no urgency", "officer-2", NOW);
        assertNull(large.exceptionReason(), "a rejection grants nothing, by exception or otherwise");
        assertTrue(large.incidentTrend().isEmpty());
    }

    @Test
    void extraSecurityRecordsTheRiseItAnswersAndWithoutARiseNeedsTheUnsafetyFelt() {
        Application rising = application(100_000);
        rising.approve(100_000, null, RISING, "officer-1", NOW);
        assertEquals(new IncidentTrend(7, 3, 90, NOW), rising.incidentTrend().orElseThrow());

        Application flat = application(100_000);
        Application.Grounds noRise = new Application.Grounds(true, null, new IncidentTrend(4, 4, 90, NOW));
        ProblemException refused =
                assertThrows(ProblemException.class, () -> flat.approve(100_000, null, noRise, "officer-1", NOW));
        assertEquals("reason", refused.toProblem("/x").errors().get(0).field());
        flat.approve(100_000, "staff report threats at the gate after school", noRise, "officer-1", NOW);
        assertEquals(4, flat.incidentTrend().orElseThrow().recentIncidents());

        Application training = Application.submit(
                new Application.Request(
                        POT,
                        "boor",
                        "30BR01",
                        Theme.AGGRESSION,
                        Category.TEAM_TRAINING_AGGRESSION,
                        100_000,
                        "Team training.",
                        "VO",
                        null),
                "board-officer",
                NOW);
        training.approve(100_000, null, new Application.Grounds(true, null, null), "officer-1", NOW);
        assertTrue(training.incidentTrend().isEmpty(), "only extra security answers a rise");
    }

    @Test
    void aQualityBudgetApplicationNamesAnInterventionOfAnAcceptedEvidenceLevel() {
        Pot quality = Programme.start(
                        "2026-2027",
                        "Kwaliteitsbudget",
                        AllocationMethod.FORMULA,
                        1_000_000,
                        Set.of(EvidenceLevel.EVIDENCE_BASED, EvidenceLevel.EVIDENCE_INFORMED),
                        NOW)
                .fund(PotSector.PO_VO_SO_VSO, 16_700_000_00L);
        Intervention informed = new Intervention(UUID.randomUUID(), "halt-training", EvidenceLevel.EVIDENCE_INFORMED);
        CatalogOffering forPrimary = new CatalogOffering(informed, Set.of("PO", "SO"));
        CatalogOffering promising = new CatalogOffering(
                new Intervention(UUID.randomUUID(), "relax-dit-is-rotterdam", EvidenceLevel.PROMISING), Set.of("PO"));
        CatalogOffering forMbo = new CatalogOffering(
                new Intervention(UUID.randomUUID(), "mbo-training", EvidenceLevel.EVIDENCE_BASED), Set.of("MBO"));

        ProblemException missing = assertThrows(ProblemException.class, () -> qualityRequest(quality, null));
        assertEquals("interventionId", missing.toProblem("/x").errors().get(0).field());
        ProblemException unproven = assertThrows(ProblemException.class, () -> qualityRequest(quality, promising));
        assertTrue(unproven.toProblem("/x").errors().get(0).message().contains("PROMISING"));

        ProblemException otherSector = assertThrows(ProblemException.class, () -> qualityRequest(quality, forMbo));
        assertTrue(otherSector.toProblem("/x").errors().get(0).message().contains("not for the location's sector PO"));

        Application application = Application.submit(qualityRequest(quality, forPrimary), "board-officer", NOW);
        assertEquals(informed, application.intervention().orElseThrow());
        assertTrue(application(100).intervention().isEmpty(), "optional where the programme accepts any level");
    }

    private static Application.Request qualityRequest(Pot pot, CatalogOffering offering) {
        return new Application.Request(
                pot,
                "boor",
                "20PO01",
                Theme.AGGRESSION,
                Category.YOUTH_AGGRESSION_RESILIENCE,
                250_000,
                "Rots en Water for groups 7 and 8.",
                "PO",
                offering);
    }
}
