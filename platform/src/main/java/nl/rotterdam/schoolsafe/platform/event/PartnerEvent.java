package nl.rotterdam.schoolsafe.platform.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reference data published on the compacted register topic, keyed by partner id; {@code retired}
 * when the register's administrator took the partner out (it can no longer be engaged).
 */
public record PartnerEvent(
        String partnerId,
        String name,

        @Schema(enumeration = {"POLICE", "ZVHRR", "YOUTH_WORK", "YOUTH_ENFORCERS", "HALT", "PSHI"})
        String kind,

        boolean retired) {}
