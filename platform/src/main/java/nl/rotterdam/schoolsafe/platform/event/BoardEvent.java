package nl.rotterdam.schoolsafe.platform.event;

/** Reference data published on the compacted register topic, keyed by board id. */
public record BoardEvent(String boardId, String name) {}
