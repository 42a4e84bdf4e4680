package nl.rotterdam.schoolsafe.incident.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A service asking for shareable summaries on behalf of a reader the sharing matrix allows to see them. */
public record SummaryRequest(
        @NotEmpty @Size(max = 100) List<@NotNull UUID> incidentIds,
        @NotBlank @Size(max = 40) String recipient,
        @NotBlank @Size(max = 200) String reader,
        @NotBlank @Size(max = 200) String purpose) {}
