package nl.rotterdam.schoolsafe.escalation.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Makes the queued deliveries: for each subscription at most one at a time, and per case in the order of the events,
 * so a slow or dead receiver holds only its own turn. A failed attempt is retried with exponential back-off and
 * jitter until {@code retryFor} has passed; then the delivery is given up and its subscription marked failing.
 * The callback's address is checked again before every attempt, and the request goes to the address checked.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String ACTOR = "webhook-dispatcher";

    private final EntityManager entityManager;
    private final Changes changes;
    private final CallbackGuard guard;
    private final WebhookConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final Semaphore wake = new Semaphore(0);
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread worker;
    private ExecutorService attempts;
    private HttpClient http;

    WebhookDispatcher(
            EntityManager entityManager, Changes changes, CallbackGuard guard, WebhookConfig config, Vertx vertx) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.guard = guard;
        this.config = config;
        // wall-clock time: webhook-timestamp must be the receiver's now, whatever the domain's clock says
        this.clock = Clock.systemUTC();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        int timeout = (int) config.timeout().toMillis();
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setForceSni(true));
        attempts = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread thread = new Thread(r, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        worker = new Thread(this::run, "webhook-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        attempts.shutdown();
        try {
            worker.join(Duration.ofSeconds(5).toMillis());
            attempts.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueue.Queued queued) {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                dispatchDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("webhook dispatcher could not read its queue (%s); trying again", e.getMessage());
            }
        }
    }

    private static final String DUE = "SELECT d.id, d.subscription_id FROM webhook_delivery d "
            + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1 %s AND NOT EXISTS ("
            + "SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id "
            + "AND e.ordering_key = d.ordering_key AND e.status = 'PENDING' AND e.seq < d.seq) "
            + "ORDER BY d.seq LIMIT %d";

    /** Starts a worker for each subscription with a due delivery that is first in line for its case. */
    private void dispatchDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> due = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(DUE.formatted("", 100))
                        .setParameter(1, now)
                        .getResultList());
        for (Object[] row : due) {
            UUID delivery = (UUID) row[0];
            UUID subscription = (UUID) row[1];
            if (inFlight.add(subscription)) {
                attempts.submit(() -> {
                    try {
                        work(subscription, delivery);
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "webhook delivery %s could not be recorded (%s); it stays queued",
                                delivery, e.getMessage());
                    } finally {
                        inFlight.remove(subscription);
                        wake.release();
                    }
                });
            }
        }
    }

    /** One subscription's deliveries, one after the other, while any is due: a backlog drains without polling. */
    private void work(UUID subscription, UUID first) {
        UUID next = first;
        while (next != null && running) {
            attempt(next);
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Object[]> due = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager
                            .createNativeQuery(DUE.formatted("AND d.subscription_id = ?2", 1))
                            .setParameter(1, now)
                            .setParameter(2, subscription)
                            .getResultList());
            next = due.isEmpty() ? null : (UUID) due.get(0)[0];
        }
    }

    private record Attempt(
            UUID eventId, String body, CallbackAddress callback, List<String> secrets, UUID subscriptionId) {}

    private void attempt(UUID deliveryId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            Subscription subscription = Subscription.findById(delivery.subscriptionId());
            return new Attempt(
                    delivery.eventId(),
                    delivery.body(),
                    subscription.callback(),
                    subscription.signingSecrets(now),
                    subscription.id());
        });
        Integer status = null;
        String error;
        try {
            InetAddress address = guard.check(attempt.callback());
            status = send(attempt, address, now);
            error = status >= 200 && status < 300 ? null : "the receiver answered " + status;
        } catch (ProblemException e) {
            error = "the callback may not be called: "
                    + e.toProblem(null).errors().stream()
                            .map(f -> f.field() + " " + f.message())
                            .collect(java.util.stream.Collectors.joining("; "));
        } catch (TimeoutException e) {
            error = "no answer within " + config.timeout();
        } catch (Exception e) {
            error = "could not be delivered: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        record(deliveryId, attempt.subscriptionId(), status, error);
    }

    private int send(Attempt attempt, InetAddress address, OffsetDateTime now) throws Exception {
        long timestamp = now.toEpochSecond();
        CallbackAddress callback = attempt.callback();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(callback.port(), address.getHostAddress()))
                .setHost(callback.host())
                .setPort(callback.port())
                .setSsl(callback.https())
                .setURI(callback.target())
                .setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "SchoolSafe-Webhooks/1")
                .putHeader("webhook-id", attempt.eventId().toString())
                .putHeader("webhook-timestamp", String.valueOf(timestamp))
                .putHeader(
                        "webhook-signature",
                        WebhookSignature.header(
                                attempt.secrets(), attempt.eventId().toString(), timestamp, attempt.body()));
        return http.request(request)
                .compose(r -> r.send(attempt.body()))
                .compose(response -> response.end().map(ignored -> response.statusCode()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void record(UUID deliveryId, UUID subscriptionId, Integer status, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = Delivery.findById(deliveryId);
            Subscription subscription = Subscription.findById(subscriptionId);
            if (error == null) {
                delivery.delivered(status, now);
                if (subscription.status() == Subscription.Status.FAILING) {
                    changes.of(subscription).by(ACTOR).apply("mark-healthy", Subscription::markHealthy);
                }
                return;
            }
            delivery.failed(status, error, now, backoff(delivery.attempts() + 1), config.retryFor());
            if (delivery.givenUp()) {
                String reason = "gave up delivering " + delivery.eventId() + " after " + delivery.attempts()
                        + " attempts: " + error;
                changes.of(subscription).by(ACTOR).apply("mark-failing", s -> s.markFailing(reason, now));
            }
        });
    }

    /** Exponential from the first retry, at most the longest, with up to half of it taken off at random. */
    private Duration backoff(int attempt) {
        long first = config.firstRetryAfter().toMillis();
        long longest = config.longestRetryAfter().toMillis();
        long exponential = first << Math.min(attempt - 1, 30);
        long capped = Math.min(longest, exponential <= 0 ? longest : exponential);
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
