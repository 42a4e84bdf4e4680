package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;

/** One line of a case's chronology: a step, a decision, an engagement's news or an escalation. */
@Embeddable
public class CaseEntry {
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    public String actor;
    public String kind;
    public String text;

    protected CaseEntry() {
    }

    public CaseEntry(OffsetDateTime recordedAt, String actor, String kind, String text) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.kind = kind;
        this.text = text;
    }
}
