package nl.rotterdam.schoolsafe.escalation.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** A partner's webhook subscriptions: registered, rotated and read by the partner itself, never by another. */
@ApplicationScoped
public class SubscriptionService {
    static final int MOST_PER_PARTNER = 20;
    private static final int LISTED_DELIVERIES = 100;

    private final Changes changes;
    private final CallbackGuard guard;
    private final WebhookConfig config;
    private final Clock clock;
    private final Event<DeliveryQueue.Queued> queued;

    SubscriptionService(
            Changes changes, CallbackGuard guard, WebhookConfig config, Event<DeliveryQueue.Queued> queued) {
        this.changes = changes;
        this.guard = guard;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.queued = queued;
    }

    /** Registers a subscription after checking its callback may be called; the answer shows the secret, once. */
    @Transactional
    public SubscriptionView register(String callbackUrl, List<PartnerEventType> types, Caller caller) {
        String partner = partnerOf(caller);
        CallbackAddress callback = CallbackAddress.parse(callbackUrl);
        guard.check(callback);
        if (Subscription.count("partnerId", partner) >= MOST_PER_PARTNER) {
            throw ProblemException.conflict(
                    "too-many-subscriptions",
                    "Too many subscriptions",
                    "a partner has at most " + MOST_PER_PARTNER + " subscriptions");
        }
        String secret = WebhookSignature.newSecret();
        Subscription subscription = changes.create(
                Subscription.register(partner, callback, List.copyOf(types), secret, now()),
                caller.subject(),
                "register");
        return SubscriptionView.of(subscription, secret);
    }

    @Transactional
    public List<SubscriptionView> mine(Caller caller) {
        return Subscription.<Subscription>list("partnerId = ?1 order by createdAt", partnerOf(caller)).stream()
                .map(SubscriptionView::of)
                .toList();
    }

    @Transactional
    public Optional<SubscriptionView> read(UUID id, Caller caller) {
        return own(id, caller).map(SubscriptionView::of);
    }

    /** A new secret, shown once; the previous one keeps signing beside it for the configured overlap. */
    @Transactional
    public SubscriptionView rotateSecret(UUID id, Caller caller) {
        String secret = WebhookSignature.newSecret();
        Subscription subscription = changes.of(own(id, caller), "subscription " + id)
                .by(caller.subject())
                .apply("rotate-secret", s -> s.rotateSecret(secret, now(), config.secretOverlap()));
        return SubscriptionView.of(subscription, secret);
    }

    /** The newest deliveries of one of the partner's subscriptions. */
    @Transactional
    public Optional<List<DeliveryView>> deliveries(UUID id, Caller caller) {
        return own(id, caller)
                .map(s -> Delivery.<Delivery>find("subscriptionId = ?1 order by seq desc", s.id())
                        .page(0, LISTED_DELIVERIES)
                        .list()
                        .stream()
                        .map(DeliveryView::of)
                        .toList());
    }

    /** Queues a delivered or given-up delivery once more, with the same webhook-id. */
    @Transactional
    public DeliveryView redeliver(UUID id, UUID deliveryId, Caller caller) {
        Subscription subscription = own(id, caller).orElseThrow(() -> ProblemException.notFound("subscription " + id));
        Delivery delivery = Delivery.<Delivery>findByIdOptional(deliveryId)
                .filter(d -> d.subscriptionId().equals(subscription.id()))
                .orElseThrow(() -> ProblemException.notFound("delivery " + deliveryId));
        if (delivery.status() == Delivery.Status.PENDING) {
            throw ProblemException.illegalState(
                    "the delivery is queued already", delivery.status().name(), List.of());
        }
        delivery.redeliver(now());
        queued.fire(new DeliveryQueue.Queued());
        return DeliveryView.of(delivery);
    }

    private Optional<Subscription> own(UUID id, Caller caller) {
        String partner = partnerOf(caller);
        return Subscription.<Subscription>findByIdOptional(id)
                .filter(s -> s.partnerId().equals(partner));
    }

    private static String partnerOf(Caller caller) {
        return caller.partner().orElseThrow(() -> new IllegalStateException("a partner token without partner"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
