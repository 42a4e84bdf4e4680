package nl.rotterdam.schoolsafe.escalation.subscription;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import nl.rotterdam.schoolsafe.platform.metrics.SampledGauge;

/** What an operator sees of the webhooks: deliveries being retried, and subscriptions given up on. */
@Dependent
public class WebhookGauges {
    @Produces
    SampledGauge retrying() {
        return new SampledGauge(
                "schoolsafe.webhook.deliveries.retrying",
                "Deliveries that failed at least once and are still being retried",
                "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING' AND attempts > 0");
    }

    @Produces
    SampledGauge failing() {
        return new SampledGauge(
                "schoolsafe.webhook.subscriptions.failing",
                "Subscriptions marked failing after a delivery was given up",
                "SELECT count(*) FROM webhook_subscription WHERE status = 'FAILING'");
    }
}
