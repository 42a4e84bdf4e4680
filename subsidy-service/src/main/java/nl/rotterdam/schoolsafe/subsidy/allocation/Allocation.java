package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A proposed division of a pot over locations (verdeling): an urgency round collects the boards'
 * rankings first; either method is then proposed with every input stored, and once confirmed its
 * amounts become reservations on the pot. Rankings and lines are child rows the service writes
 * with SQL; the change pipeline moves the version when only they changed.
 */
@Entity
public class Allocation extends AggregateRoot {
    @Schema(name = "AllocationStatus", description = "Where an allocation round stands")
    public enum Status {
        COLLECTING_RANKINGS,
        PROPOSED,
        CONFIRMED
    }

    @Id
    private UUID id;

    @Column(name = "programme_id")
    private UUID programmeId;

    @Column(name = "pot_id")
    private UUID potId;

    @Enumerated(EnumType.STRING)
    private AllocationMethod method;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String formula;
    // replaced, never changed in place: compared by instance, as the values read back from JSON are not of the types
    // written
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Map<String, Object> parameters;

    @Column(name = "computed_at")
    private OffsetDateTime computedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    /** The boards' answers to the current proposal of an urgency round; a new proposal asks them again. */
    @ElementCollection
    @CollectionTable(name = "allocation_agreement", joinColumns = @JoinColumn(name = "allocation_id"))
    @OrderColumn(name = "position")
    private List<BoardAgreement> agreements = new ArrayList<>();

    protected Allocation() {}

    public static Allocation begin(
            UUID programmeId, UUID potId, AllocationMethod method, Map<String, Object> parameters) {
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.programmeId = programmeId;
        allocation.potId = potId;
        allocation.method = method;
        allocation.status = method == AllocationMethod.URGENCY_ROUND ? Status.COLLECTING_RANKINGS : Status.PROPOSED;
        allocation.formula = method == AllocationMethod.URGENCY_ROUND ? UrgencyFormula.TEXT : PupilFormula.TEXT;
        allocation.parameters = new LinkedHashMap<>(parameters);
        return allocation;
    }

    public void requireRankingsOpen() {
        if (method != AllocationMethod.URGENCY_ROUND || status == Status.CONFIRMED) {
            throw ProblemException.illegalState(
                    "rankings are taken only by an urgency round not yet confirmed", status.name(), actionNames());
        }
    }

    /** (Re)computed as of now; {@code facts} are what it was computed from beyond the weights (available cents, periods). */
    public void propose(Map<String, Object> facts, OffsetDateTime now) {
        if (status == Status.CONFIRMED) {
            throw ProblemException.illegalState(
                    "a confirmed allocation is not proposed again", status.name(), actionNames());
        }
        Map<String, Object> recomputed = new LinkedHashMap<>(parameters);
        recomputed.putAll(facts);
        parameters = recomputed;
        status = Status.PROPOSED;
        computedAt = now;
        agreements.clear();
    }

    /**
     * A board of the joint list agrees to it or objects with a reason (the budget text: the boards choose the most
     * urgent locations jointly); its later answer replaces its earlier one.
     */
    public void answer(
            String boardId, boolean agreed, String reason, Set<String> boardsOnList, String by, OffsetDateTime now) {
        if (method != AllocationMethod.URGENCY_ROUND || status != Status.PROPOSED) {
            throw ProblemException.illegalState(
                    "only the proposal of an urgency round is agreed to", status.name(), actionNames());
        }
        if (!boardsOnList.contains(boardId)) {
            throw ProblemException.conflict(
                    "not-on-the-list", "Not on the joint list", "none of your locations is on this round's joint list");
        }
        if (!agreed && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required to object");
        }
        agreements.removeIf(a -> a.boardId.equals(boardId));
        agreements.add(new BoardAgreement(boardId, agreed, agreed ? null : reason.strip(), by, now));
    }

    /** Confirms the proposal; an urgency round's only once every board on the joint list agreed to it. */
    public void confirm(String officer, Set<String> boardsOnList, OffsetDateTime now) {
        if (status != Status.PROPOSED) {
            throw ProblemException.illegalState("only a proposal can be confirmed", status.name(), actionNames());
        }
        if (method == AllocationMethod.URGENCY_ROUND) {
            Set<String> agreedBy = new TreeSet<>();
            Set<String> objectedBy = new TreeSet<>();
            agreements.forEach(a -> (a.agreed ? agreedBy : objectedBy).add(a.boardId));
            Set<String> waitingFor = new TreeSet<>(boardsOnList);
            waitingFor.removeAll(agreedBy);
            waitingFor.removeAll(objectedBy);
            if (!objectedBy.isEmpty() || !waitingFor.isEmpty()) {
                throw new ProblemException(
                        409,
                        "list-not-agreed",
                        "The joint list is not agreed",
                        "every board on the joint list must agree before the municipality confirms it",
                        List.of(),
                        Map.of("objectedBy", List.copyOf(objectedBy), "waitingFor", List.copyOf(waitingFor)));
            }
        }
        status = Status.CONFIRMED;
        confirmedBy = officer;
        confirmedAt = now;
    }

    /** What can happen in an allocation round. */
    @Schema(name = "AllocationAction")
    public enum Action {
        RANK,
        PROPOSE,
        AGREE,
        CONFIRM
    }

    private List<String> actionNames() {
        return actions().stream().map(Enum::name).toList();
    }

    public List<Action> actions() {
        return switch (status) {
            case COLLECTING_RANKINGS -> List.of(Action.RANK, Action.PROPOSE);
            case PROPOSED ->
                method == AllocationMethod.URGENCY_ROUND
                        ? List.of(Action.RANK, Action.PROPOSE, Action.AGREE, Action.CONFIRM)
                        : List.of(Action.PROPOSE, Action.CONFIRM);
            case CONFIRMED -> List.of();
        };
    }

    @Override
    public String aggregateType() {
        return "allocation";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    @Override
    public String owner() {
        return "municipality";
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("computedAt", computedAt);
        fields.put("confirmedBy", confirmedBy);
        fields.put("agreements", agreements.stream().map(BoardAgreement::view).toList());
        return fields;
    }

    public UUID id() {
        return id;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public UUID potId() {
        return potId;
    }

    public AllocationMethod method() {
        return method;
    }

    public Status status() {
        return status;
    }

    public String formula() {
        return formula;
    }

    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public OffsetDateTime computedAt() {
        return computedAt;
    }

    public OffsetDateTime confirmedAt() {
        return confirmedAt;
    }

    public List<BoardAgreement.View> agreements() {
        return agreements.stream().map(BoardAgreement::view).toList();
    }
}
