package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RankingRequest", description = "A board's ranking (rangorde) of its own locations, most urgent first.")
public record RankingRequest(
        @Schema(example = "[\"30BR02\", \"30BR01\"]") @NotEmpty @Size(max = 200)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}",
                                message = "must be a school location id such as 30BR01")
                        String>
                schoolLocationIds) {}
