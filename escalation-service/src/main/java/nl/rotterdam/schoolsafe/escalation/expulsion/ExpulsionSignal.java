package nl.rotterdam.schoolsafe.escalation.expulsion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A worrying signal the municipality looks into (council answer 26): one school location reached the configured
 * number of expulsions within the window. Raised once per window; a location that keeps expelling raises again once
 * the window since its last signal has passed.
 */
@Entity
@Table(name = "expulsion_signal")
public class ExpulsionSignal extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "school_location_id")
    String schoolLocationId;

    String district;

    int expulsions;

    @Column(name = "window_days")
    int windowDays;

    @Column(name = "raised_at")
    OffsetDateTime raisedAt;

    protected ExpulsionSignal() {}

    ExpulsionSignal(String schoolLocationId, String district, int expulsions, int windowDays, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.schoolLocationId = schoolLocationId;
        this.district = district;
        this.expulsions = expulsions;
        this.windowDays = windowDays;
        this.raisedAt = now;
    }

    @Schema(name = "ExpulsionSignal", description = "Several expulsions at one school location within a short time")
    public record View(
            @Schema(required = true) UUID id,
            @Schema(example = "30BR01") String schoolLocationId,
            String district,

            @Schema(description = "Expulsions decided within the window when the signal was raised")
            int expulsions,

            @Schema(description = "The window, in days, ending when the signal was raised")
            int windowDays,

            OffsetDateTime raisedAt) {}

    View view() {
        return new View(id, schoolLocationId, district, expulsions, windowDays, raisedAt);
    }
}
