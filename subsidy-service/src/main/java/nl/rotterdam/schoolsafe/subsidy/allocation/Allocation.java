package nl.rotterdam.schoolsafe.subsidy.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A proposed division of a pot over locations (verdeling): an urgency round collects the boards'
 * rankings first; either method is then proposed with every input stored, and once confirmed its
 * amounts become reservations on the pot.
 */
@Entity
public class Allocation extends PanacheEntityBase {
    public enum Status { COLLECTING_RANKINGS, PROPOSED, CONFIRMED }

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "pot_id")
    public UUID potId;
    @Enumerated(EnumType.STRING)
    public AllocationMethod method;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String formula;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> parameters;
    @Column(name = "computed_at")
    public OffsetDateTime computedAt;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @Version
    public long version;

    protected Allocation() {
    }

    public static Allocation begin(UUID programmeId, UUID potId, AllocationMethod method, Map<String, Object> parameters) {
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.programmeId = programmeId;
        allocation.potId = potId;
        allocation.method = method;
        allocation.status = method == AllocationMethod.URGENCY_ROUND ? Status.COLLECTING_RANKINGS : Status.PROPOSED;
        allocation.formula = method == AllocationMethod.URGENCY_ROUND ? UrgencyFormula.TEXT : PupilFormula.TEXT;
        allocation.parameters = parameters;
        return allocation;
    }

    public void requireRankingsOpen() {
        if (method != AllocationMethod.URGENCY_ROUND || status == Status.CONFIRMED) {
            throw ProblemException.illegalState("rankings are taken only by an urgency round not yet confirmed", status.name(), actions());
        }
    }

    public void proposed(OffsetDateTime now) {
        if (status == Status.CONFIRMED) {
            throw ProblemException.illegalState("a confirmed allocation is not proposed again", status.name(), actions());
        }
        status = Status.PROPOSED;
        computedAt = now;
    }

    public void confirm(String officer, OffsetDateTime now) {
        if (status != Status.PROPOSED) {
            throw ProblemException.illegalState("only a proposal can be confirmed", status.name(), actions());
        }
        status = Status.CONFIRMED;
        confirmedBy = officer;
        confirmedAt = now;
    }

    public List<String> actions() {
        return switch (status) {
            case COLLECTING_RANKINGS -> List.of("RANK", "PROPOSE");
            case PROPOSED -> method == AllocationMethod.URGENCY_ROUND ? List.of("RANK", "PROPOSE", "CONFIRM") : List.of("PROPOSE", "CONFIRM");
            case CONFIRMED -> List.of();
        };
    }
}
