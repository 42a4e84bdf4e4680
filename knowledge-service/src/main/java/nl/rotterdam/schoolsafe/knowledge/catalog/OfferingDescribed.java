package nl.rotterdam.schoolsafe.knowledge.catalog;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.OfferingEvent;

/** An offering was added or described anew; keyed per offering on the compacted catalog topic. */
record OfferingDescribed(Offering offering) implements DomainEvent {

    @Override
    public EventType type() {
        return EventType.CATALOG_OFFERING_DESCRIBED;
    }

    @Override
    public String key() {
        return "offering:" + offering.id();
    }

    @Override
    public OfferingEvent payload() {
        return new OfferingEvent(
                offering.id(),
                offering.code(),
                offering.evidenceLevel(),
                offering.themes().stream().map(Enum::name).toList(),
                offering.sectors().stream().map(Enum::name).toList());
    }
}
