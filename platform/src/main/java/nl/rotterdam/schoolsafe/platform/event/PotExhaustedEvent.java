package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subsidy pot reached zero; announced once per pot (a pot belongs to one programme year). */
public record PotExhaustedEvent(
        UUID potId, UUID programmeId, String schoolYear, String sector, long amountCents, OffsetDateTime exhaustedAt) {}
