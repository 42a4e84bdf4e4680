package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import nl.rotterdam.schoolsafe.platform.metrics.SampledGauge;

/** What an operator (and the policy officer) sees of the pots: how many are nearly spent. */
@Dependent
public class PotGauges {
    @Produces
    SampledGauge belowTenPercent() {
        return new SampledGauge(
                "schoolsafe.subsidy.pots.below.ten.percent",
                "Pots with less than 10 % of their amount left",
                "SELECT count(*) FROM pot WHERE balance_cents * 10 < amount_cents");
    }
}
