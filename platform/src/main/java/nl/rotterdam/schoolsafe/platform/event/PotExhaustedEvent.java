package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subsidy pot reached zero; announced once per pot (a pot belongs to one programme year). */
public record PotExhaustedEvent(
        UUID potId,
        UUID programmeId,
        String schoolYear,
        @Schema(enumeration = {"VO", "MBO", "PO_VO_SO_VSO"}) String sector,
        long amountCents,
        OffsetDateTime exhaustedAt) {}
