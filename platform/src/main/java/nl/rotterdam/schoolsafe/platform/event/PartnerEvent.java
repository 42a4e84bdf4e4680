package nl.rotterdam.schoolsafe.platform.event;

/** Reference data published on the compacted register topic, keyed by partner id. */
public record PartnerEvent(String partnerId, String name, String kind) {}
