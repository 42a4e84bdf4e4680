package nl.rotterdam.schoolsafe.subsidy;

import static nl.rotterdam.schoolsafe.runtime.EnumerationContract.assertNamesExactly;

import nl.rotterdam.schoolsafe.platform.event.PotExhaustedEvent;
import nl.rotterdam.schoolsafe.platform.event.SubsidyApplicationEvent;
import nl.rotterdam.schoolsafe.subsidy.application.ApplicationStatus;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.PotSector;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;
import org.junit.jupiter.api.Test;

/** The events this service publishes name their enum values in the AsyncAPI contract; they are exactly ours. */
class PublishedEnumerationsTest {
    @Test
    void anApplicationEventNamesExactlyThePotsThemesCategoriesAndStatusesOfAnApplication() {
        assertNamesExactly(SubsidyApplicationEvent.class, "potSector", PotSector.class);
        assertNamesExactly(SubsidyApplicationEvent.class, "theme", Theme.class);
        assertNamesExactly(SubsidyApplicationEvent.class, "category", Category.class);
        assertNamesExactly(SubsidyApplicationEvent.class, "status", ApplicationStatus.class);
    }

    @Test
    void anExhaustedPotNamesExactlyThePotSectors() {
        assertNamesExactly(PotExhaustedEvent.class, "sector", PotSector.class);
    }
}
