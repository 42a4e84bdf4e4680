package nl.rotterdam.schoolsafe.knowledge.agenda;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A measure in one school year of the work agenda (werkagenda): its status and progress notes. */
@Entity
@Table(name = "agenda_entry")
public class AgendaEntry extends PanacheEntityBase {
    /** Status in that school year (status). */
    public enum Status { PLANNED, RUNNING, COMPLETED, POSTPONED, STOPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "measure_number")
    public int measureNumber;
    @Column(name = "school_year")
    public String schoolYear;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "progress_notes")
    public String progressNotes;
    public String note;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    protected AgendaEntry() {
    }

    static AgendaEntry plan(int measureNumber, SchoolYear year) {
        AgendaEntry entry = new AgendaEntry();
        entry.measureNumber = measureNumber;
        entry.schoolYear = year.toString();
        return entry;
    }

    void report(Status status, String progressNotes, String by, OffsetDateTime now) {
        this.status = status;
        this.progressNotes = progressNotes;
        this.updatedBy = by;
        this.updatedAt = now;
    }
}
