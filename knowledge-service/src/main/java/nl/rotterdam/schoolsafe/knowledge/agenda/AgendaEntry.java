package nl.rotterdam.schoolsafe.knowledge.agenda;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measure in one school year of the work agenda (werkagenda): its status and progress notes. */
@Entity
@Table(name = "agenda_entry")
public class AgendaEntry extends AggregateRoot {
    /** Status in that school year (status). */
    @Schema(name = "AgendaProgressStatus", description = "Progress of a work-agenda measure in a school year")
    public enum Status {
        PLANNED,
        RUNNING,
        COMPLETED,
        POSTPONED,
        STOPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "measure_number")
    private int measureNumber;

    @Column(name = "school_year")
    private String schoolYear;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "progress_notes")
    private String progressNotes;

    private String note;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected AgendaEntry() {}

    /** A school year added to a measure with its first report. */
    static AgendaEntry plan(
            int measureNumber, SchoolYear year, Status status, String progressNotes, String by, OffsetDateTime now) {
        AgendaEntry entry = new AgendaEntry();
        entry.measureNumber = measureNumber;
        entry.schoolYear = year.toString();
        entry.report(status, progressNotes, by, now);
        return entry;
    }

    void report(Status status, String progressNotes, String by, OffsetDateTime now) {
        this.status = status;
        this.progressNotes = progressNotes;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    @Override
    public String aggregateType() {
        return "agenda-entry";
    }

    @Override
    public String aggregateId() {
        return String.valueOf(id);
    }

    /** The work agenda is the municipality's. */
    @Override
    public String owner() {
        return "municipality";
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("measureNumber", measureNumber);
        fields.put("schoolYear", schoolYear);
        fields.put("status", status);
        fields.put("progressNotes", progressNotes);
        return fields;
    }

    public int measureNumber() {
        return measureNumber;
    }

    public String schoolYear() {
        return schoolYear;
    }

    public Status status() {
        return status;
    }

    public String progressNotes() {
        return progressNotes;
    }

    public String note() {
        return note;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
