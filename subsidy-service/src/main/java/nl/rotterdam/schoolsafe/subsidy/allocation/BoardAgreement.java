package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A board's answer to the joint list of an urgency round: it agrees, or objects with a reason. */
@Embeddable
public class BoardAgreement {
    @Column(name = "board_id")
    String boardId;

    boolean agreed;

    String reason;

    @Column(name = "answered_by")
    String answeredBy;

    @Column(name = "answered_at")
    OffsetDateTime answeredAt;

    protected BoardAgreement() {}

    BoardAgreement(String boardId, boolean agreed, String reason, String answeredBy, OffsetDateTime answeredAt) {
        this.boardId = boardId;
        this.agreed = agreed;
        this.reason = reason;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    @Schema(name = "AllocationAgreement", description = "A board's answer to the round's joint list")
    public record View(
            @Schema(required = true) String boardId,
            @Schema(required = true) boolean agreed,
            @Schema(description = "Why the board objects") String reason,
            String answeredBy,
            OffsetDateTime answeredAt) {}

    View view() {
        return new View(boardId, agreed, reason, answeredBy, answeredAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoardAgreement a
                && agreed == a.agreed
                && Objects.equals(boardId, a.boardId)
                && Objects.equals(reason, a.reason)
                && Objects.equals(answeredBy, a.answeredBy)
                && Objects.equals(answeredAt, a.answeredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boardId, agreed, reason, answeredBy, answeredAt);
    }
}
