package nl.rotterdam.schoolsafe.platform.event;

import java.util.List;

/** Kafka topics, one per event family (docs/architecture.md §3). Records are keyed by aggregate id. */
public final class Topics {
    public static final String INCIDENT = "incident.events";
    public static final String REGISTER = "register.events";
    public static final String ESCALATION = "escalation.events";
    public static final String SUBSIDY = "subsidy.events";
    public static final String KNOWLEDGE = "knowledge.events";
    /** The catalog of interventions (aanbod) as reference data: compacted like the register, keyed per offering. */
    public static final String CATALOG = "catalog.events";

    /**
     * The partner streams: {@code partner.<partnerId>.events}, one per partner organisation, written by the
     * escalation-service with only that partner's cells of the sharing matrix. The only topics meant for partner
     * systems; every other topic is internal to the suite.
     */
    public static final String PARTNER_PREFIX = "partner.";

    /** Compacted: the latest record per key is the current reference data. */
    public static final List<String> COMPACTED = List.of(REGISTER, CATALOG);

    private Topics() {}

    public static String partner(String partnerId) {
        return PARTNER_PREFIX + partnerId + ".events";
    }

    /** Where a consumer parks a record it cannot process, with the reason in a header. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
