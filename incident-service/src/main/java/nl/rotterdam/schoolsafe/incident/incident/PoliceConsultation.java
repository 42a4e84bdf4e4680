package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/** A consultation with the police or with enforcement about the incident: with whom and when. */
@Embeddable
public class PoliceConsultation {
    /** Who was consulted: the police, or enforcement (toezicht en handhaving, boa's). */
    public enum Party {
        POLICE,
        ENFORCEMENT
    }

    @Enumerated(EnumType.STRING)
    Party party;

    /** The officer's function or team as the school knows it, never a pupil's name. */
    String contact;

    @Column(name = "consulted_at")
    OffsetDateTime consultedAt;

    @Column(name = "recorded_by")
    String recordedBy;

    protected PoliceConsultation() {}

    PoliceConsultation(Party party, String contact, OffsetDateTime consultedAt, String recordedBy) {
        this.party = party;
        this.contact = contact;
        this.consultedAt = consultedAt;
        this.recordedBy = recordedBy;
    }
}
