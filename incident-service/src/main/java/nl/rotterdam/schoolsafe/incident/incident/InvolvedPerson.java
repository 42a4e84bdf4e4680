package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A person involved in one incident; the role is per person per incident. Students only by pseudonym. */
@Embeddable
public class InvolvedPerson {
    public enum Role { VICTIM, SUSPECT, WITNESS }

    public enum Kind { STUDENT, STAFF, EXTERNAL }

    @Enumerated(EnumType.STRING)
    public Role role;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String pseudonym;
    @Column(name = "school_location_id")
    public String schoolLocationId;

    protected InvolvedPerson() {
    }

    public InvolvedPerson(Role role, Kind kind, String pseudonym, String schoolLocationId) {
        this.role = role;
        this.kind = kind;
        this.pseudonym = pseudonym;
        this.schoolLocationId = schoolLocationId;
    }
}
