package nl.rotterdam.schoolsafe.knowledge.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the work agenda shows and accepts. */
public final class AgendaViews {
    private AgendaViews() {}

    @Schema(
            name = "WorkAgendaMeasure",
            description =
                    "A measure (maatregel) of the action plan with the school years (schooljaren) in which it runs.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasureView(
            @Schema(description = "Measure number in the plan (maatregelnummer)", example = "12")
            int number,

            @Schema(description = "Title (titel)", example = "Expertsessies sociale veiligheid (VOS)")
            String title,

            @Schema(
                    description = "Plan category (categorie): 1 around schools, 2 at school level, 3 in the classroom",
                    example = "2")
            int category,

            @Schema(description = "Sectors (sectoren)") List<String> sectors,

            @Schema(description = "Goal (doel)") String goal,

            @Schema(
                    description = "The row of the plan's planning table (rij planningstabel)",
                    example = "14 Expertsessies")
            String planTableRow,

            @Schema(description = "Where the source is ambiguous and how it was read (toelichting bron)")
            String note,

            @Schema(description = "The school years it runs in, with status and progress (voortgang)")
            List<EntryView> schoolYears) {}

    @Schema(
            name = "WorkAgendaYear",
            description = "A measure in one school year (schooljaar): status and progress notes (voortgang).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(
            @Schema(description = "Measure number (maatregelnummer)", example = "12")
            int measureNumber,

            @Schema(description = "School year (schooljaar)", example = "2025-2026")
            String schoolYear,

            @Schema(description = "Status") AgendaEntry.Status status,

            @Schema(
                    description = "Progress notes (voortgang)",
                    example = "Twee sessies gehouden, derde gepland in maart.")
            String progressNotes,

            @Schema(description = "Note on the source (toelichting bron)")
            String note,

            @Schema(description = "Changed by (gewijzigd door): account id or action-plan for the seed")
            String updatedBy,

            @Schema(description = "Changed at (gewijzigd op)", example = "2026-11-20T10:15:00Z")
            OffsetDateTime updatedAt) {

        static EntryView of(AgendaEntry e) {
            return new EntryView(
                    e.measureNumber(),
                    e.schoolYear(),
                    e.status(),
                    e.progressNotes(),
                    e.note(),
                    e.updatedBy(),
                    e.updatedAt());
        }
    }

    @Schema(
            name = "WorkAgendaYearRequest",
            description = "Status and progress of a measure in a school year (voortgang werkagenda).")
    public record EntryRequest(
            @Schema(description = "Status") @NotNull AgendaEntry.Status status,

            @Schema(
                    description = "Progress notes (voortgang); no personal data",
                    example = "Twee sessies gehouden, derde gepland in maart.")
            @Size(max = 4000)
            String progressNotes) {}
}
