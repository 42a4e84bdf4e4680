package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person involved in one incident; the role is per person per incident. Students only by pseudonym. */
@Embeddable
public class InvolvedPerson {
    @Schema(name = "PersonRole", description = "Role of a person in an incident")
    public enum Role {
        VICTIM,
        SUSPECT,
        WITNESS
    }

    @Schema(name = "PersonKind", description = "Kind of person involved")
    public enum Kind {
        STUDENT,
        STAFF,
        EXTERNAL
    }

    @Enumerated(EnumType.STRING)
    Role role;

    @Enumerated(EnumType.STRING)
    Kind kind;

    String pseudonym;

    @Column(name = "school_location_id")
    String schoolLocationId;
    /** Under 18: a police report about a minor needs a parent or guardian consulted first. */
    boolean minor;

    protected InvolvedPerson() {}

    public InvolvedPerson(Role role, Kind kind, String pseudonym, String schoolLocationId, boolean minor) {
        this.role = role;
        this.kind = kind;
        this.pseudonym = pseudonym;
        this.schoolLocationId = schoolLocationId;
        this.minor = minor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvolvedPerson p
                && role == p.role
                && kind == p.kind
                && minor == p.minor
                && java.util.Objects.equals(pseudonym, p.pseudonym)
                && java.util.Objects.equals(schoolLocationId, p.schoolLocationId);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(role, kind, pseudonym, schoolLocationId, minor);
    }
}
