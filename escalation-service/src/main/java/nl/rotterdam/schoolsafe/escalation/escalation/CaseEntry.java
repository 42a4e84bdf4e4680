package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** One line of a case's chronology: a step, a decision, an engagement's news or an escalation. */
@Embeddable
public class CaseEntry {
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    private String actor;
    private String kind;
    private String text;

    protected CaseEntry() {}

    CaseEntry(OffsetDateTime recordedAt, String actor, String kind, String text) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.kind = kind;
        this.text = text;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String kind() {
        return kind;
    }

    public String text() {
        return text;
    }
}
