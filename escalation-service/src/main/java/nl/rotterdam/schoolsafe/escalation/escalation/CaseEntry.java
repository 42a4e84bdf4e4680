package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** One line of a case's chronology: a step, a decision, an engagement's news or an escalation. */
@Embeddable
public class CaseEntry {
    /** What the line records; its value is what the chronology shows and the column holds. */
    public enum Kind {
        OPENED("opened"),
        LINKED("linked"),
        ACKNOWLEDGED("acknowledged"),
        TRIAGED("triaged"),
        PARTNER_ENGAGED("partner-engaged"),
        DECISION("decision"),
        MONITORING("monitoring"),
        CLOSED("closed"),
        OVERDUE("overdue"),
        ENGAGEMENT_ACCEPTED("engagement-accepted"),
        ENGAGEMENT_UPDATE("engagement-update"),
        ENGAGEMENT_COMPLETED("engagement-completed"),
        ENGAGEMENT_ESCALATED("engagement-escalated"),
        SCHOOL_REQUEST("school-request");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    private String actor;
    private String kind;
    private String text;

    protected CaseEntry() {}

    CaseEntry(OffsetDateTime recordedAt, String actor, Kind kind, String text) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.kind = kind.value();
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
