package nl.rotterdam.schoolsafe.platform.event;

/**
 * Reference data published on the compacted register topic, keyed by partner id; {@code retired}
 * when the register's administrator took the partner out (it can no longer be engaged).
 */
public record PartnerEvent(String partnerId, String name, String kind, boolean retired) {}
