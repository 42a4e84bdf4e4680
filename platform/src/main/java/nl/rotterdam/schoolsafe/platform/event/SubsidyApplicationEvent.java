package nl.rotterdam.schoolsafe.platform.event;

import java.util.UUID;

/** An application (aanvraag) submitted or decided; amounts in whole cents; no plan or reason text. */
public record SubsidyApplicationEvent(
        UUID applicationId,
        UUID programmeId,
        String schoolYear,
        String potSector,
        String boardId,
        String schoolLocationId,
        String theme,
        String category,
        String status,
        long requestedCents,
        Long grantedCents,
        Long settledCents) {}
