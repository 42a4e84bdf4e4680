package nl.rotterdam.schoolsafe.platform.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reference data published on the compacted register topic, keyed by location id. */
public record SchoolLocationEvent(
        String schoolLocationId,
        String brin,
        String locationNumber,
        String name,
        String boardId,

        @Schema(enumeration = {"VO", "VSO", "MBO", "PO", "SO"})
        String sector,

        String district,
        int pupilCount) {}
