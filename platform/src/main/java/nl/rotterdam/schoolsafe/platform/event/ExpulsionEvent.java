package nl.rotterdam.schoolsafe.platform.event;

import java.time.LocalDate;
import java.util.UUID;

/** Informs the municipality of an expulsion: the pseudonym and the school, no other personal data. */
public record ExpulsionEvent(
        UUID incidentId,
        UUID measureId,
        String schoolLocationId,
        String district,
        String pseudonym,
        LocalDate startDate) {}
