package nl.rotterdam.schoolsafe.platform.event;

import java.util.List;
import java.util.UUID;

/**
 * An offering of the catalog as reference data on the compacted catalog topic, keyed per offering: what a subsidy
 * application may name as its intervention. Codes and enumerations only; titles and descriptions stay in the
 * catalog's API.
 */
public record OfferingEvent(
        UUID offeringId, String code, EvidenceLevel evidenceLevel, List<String> themes, List<String> sectors) {}
