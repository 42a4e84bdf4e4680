package nl.rotterdam.schoolsafe.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.KafkaClients;
import nl.rotterdam.schoolsafe.platform.http.ApiConfig;
import nl.rotterdam.schoolsafe.platform.liveness.FailureEpisode;
import nl.rotterdam.schoolsafe.platform.replica.Lease;
import nl.rotterdam.schoolsafe.platform.tracing.TraceContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox rows to Kafka as CloudEvents. Woken by each commit that wrote one;
 * the slow poll only catches rows a crash or a broker outage left behind. A row is marked
 * published only after the broker acknowledged it, so an outage delays events but loses none. With
 * replicas, one relay per service publishes at a time (a {@link Lease}), so an aggregate's events keep their order
 * on the topic; the others stand by and take over within a poll interval of the active one's session ending.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final URI source;
    private final Duration pollInterval;
    private final FailureEpisode episode;
    private final Semaphore wake = new Semaphore(0);
    private final Lease lease;
    private volatile boolean active;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private final TraceContext trace;

    OutboxRelay(
            AgroalDataSource dataSource, KafkaClients kafka, ApiConfig api, OutboxConfig config, TraceContext trace) {
        this.dataSource = dataSource;
        this.trace = trace;
        this.kafka = kafka;
        this.source = URI.create("/schoolsafe/" + api.service());
        this.pollInterval = config.pollInterval();
        this.episode = new FailureEpisode(LOG, "outbox relay", config.retryBackoff(), config.longestRetryBackoff());
        this.lease = new Lease(dataSource, "outbox-relay");
    }

    void start(@Observes StartupEvent event) {
        producer = kafka.producer();
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Whether this replica's relay is the one publishing. */
    public boolean active() {
        return active;
    }

    /** Since when publishing fails; empty while it works. */
    public Optional<Instant> failingSince() {
        return episode.failingSince();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake.release();
    }

    private void run() {
        try {
            while (running) {
                try {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    Optional<Connection> connection = lease.hold();
                    if (connection.isEmpty()) {
                        standBy();
                        continue;
                    }
                    becomeActive();
                    while (running && relayBatch(connection.get()) == BATCH) {
                        // a full batch means more may be waiting
                    }
                    episode.succeeded();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    lease.drop();
                    sleep(episode.failed(e));
                }
            }
        } finally {
            lease.close();
            active = false;
        }
    }

    private void becomeActive() {
        if (!active) {
            active = true;
            LOG.info("outbox relay active: this replica publishes");
        }
    }

    /** Another replica publishes: nothing is failing here. */
    private void standBy() {
        active = false;
        episode.succeeded();
    }

    /** Publishes one batch in seq order and marks what the broker acknowledged; returns its size. */
    int relayBatch(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            List<UUID> published = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, topic, message_key, type, subject, occurred_at, payload, trace_parent FROM outbox_message "
                            + "WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject("id", UUID.class);
                        ids.add(id);
                        ProducerRecord<String, byte[]> record = toRecord(id, rows);
                        Span span =
                                trace.startPublish(record.topic(), rows.getString("trace_parent"), record.headers());
                        acks.add(producer.send(record, (metadata, failure) -> {
                            if (failure != null) {
                                TraceContext.fail(span, failure);
                            }
                            span.end();
                        }));
                    }
                }
            }
            producer.flush();
            Exception failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get();
                    published.add(ids.get(i));
                } catch (Exception e) {
                    failure = e;
                    break;
                }
            }
            markPublished(connection, published);
            connection.commit();
            if (failure != null) {
                throw new IllegalStateException(
                        failure.getCause() == null
                                ? failure.getMessage()
                                : failure.getCause().getMessage(),
                        failure);
            }
            return ids.size();
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private ProducerRecord<String, byte[]> toRecord(UUID id, ResultSet row) throws SQLException {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(row.getString("type"))
                .withSubject(row.getString("subject"))
                .withTime(row.getObject("occurred_at", OffsetDateTime.class))
                .withDataContentType("application/json")
                .withDataSchema(EventType.of(row.getString("type"))
                        .map(EventType::dataSchema)
                        .orElse(null))
                .withData(row.getString("payload").getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(row.getString("topic"), null, null, row.getString("message_key"))
                .writeBinary(event);
    }

    private static void markPublished(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE outbox_message SET published_at = now() WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
