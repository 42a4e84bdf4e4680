package nl.rotterdam.schoolsafe.platform.event;

/** Reference data published on the compacted register topic, keyed by board id; {@code retired} once taken out. */
public record BoardEvent(String boardId, String name, boolean retired) {}
