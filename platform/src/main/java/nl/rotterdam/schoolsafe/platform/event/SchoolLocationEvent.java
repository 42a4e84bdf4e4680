package nl.rotterdam.schoolsafe.platform.event;

/** Reference data published on the compacted register topic, keyed by location id. */
public record SchoolLocationEvent(
        String schoolLocationId,
        String brin,
        String locationNumber,
        String name,
        String boardId,
        String sector,
        String district,
        int pupilCount) {}
