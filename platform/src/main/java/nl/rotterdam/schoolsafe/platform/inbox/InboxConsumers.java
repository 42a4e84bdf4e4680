package nl.rotterdam.schoolsafe.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.platform.event.KafkaClients;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.http.ApiConfig;
import nl.rotterdam.schoolsafe.platform.liveness.FailureEpisode;
import nl.rotterdam.schoolsafe.platform.tracing.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs Kafka consumers per {@link EventHandler} ({@code schoolsafe.inbox.concurrency} in one group, sharing the
 * partitions). Each record is processed through the {@link Inbox}; its offset is committed only after that
 * transaction. A record that is not a valid CloudEvent, or that its handler declares unprocessable, is parked on the
 * topic's dead-letter topic with the reason, and consumption goes on. Any other failure — in poll, process, commit or
 * parking, such as a broker away for longer than the client's timeouts — closes the consumer and starts a new one
 * after a back-off, from the last committed offset (the inbox drops what was done already); a thread that ends anyway
 * is started again. Why this loop and not SmallRye Reactive Messaging: docs/decisions/0009-consumers-that-cannot-die.md.
 */
@ApplicationScoped
public class InboxConsumers {
    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);
    public static final String DEAD_LETTER_REASON = "schoolsafe-dead-letter-reason";

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final String application;
    private final InboxConfig config;
    private final MeterRegistry metrics;
    private final TraceContext trace;
    // written at startup, read by the supervisor and the readiness check
    private final List<Runner> runners = new CopyOnWriteArrayList<>();

    InboxConsumers(
            @Any Instance<EventHandler> handlers,
            KafkaClients kafka,
            Inbox inbox,
            ApiConfig api,
            InboxConfig config,
            MeterRegistry metrics,
            TraceContext trace) {
        this.handlers = handlers;
        this.trace = trace;
        this.kafka = kafka;
        this.inbox = inbox;
        this.application = api.service();
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        for (EventHandler handler : handlers) {
            for (int i = 0; i < config.concurrency(); i++) {
                Runner runner = new Runner(handler, application + "." + handler.name(), handler.name() + "-" + i);
                runners.add(runner);
                runner.start();
            }
        }
    }

    /** Before the database goes: each consumer finishes its record, commits and leaves its group. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        runners.forEach(Runner::stop);
        runners.forEach(Runner::awaitStopped);
    }

    @Scheduled(
            every = "${schoolsafe.inbox.supervision-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() {
        runners.forEach(Runner::restartIfDead);
    }

    /** Every consumer that is not consuming now, with why; empty when all are. */
    public Map<String, String> notConsuming() {
        Map<String, String> problems = new TreeMap<>();
        for (Runner runner : runners) {
            runner.problem().ifPresent(problem -> problems.put(runner.name, problem));
        }
        return problems;
    }

    private final class Runner implements Runnable {
        private final EventHandler handler;
        private final String consumerName;
        private final String name;
        private final FailureEpisode episode;
        private final CountDownLatch stopping = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, byte[]> consumer;
        private volatile Thread thread;
        private final Counter deadLettered;
        private final Timer processing;
        private volatile long lag;

        Runner(EventHandler handler, String consumerName, String name) {
            this.handler = handler;
            this.consumerName = consumerName;
            this.name = name;
            Gauge.builder("schoolsafe.consumer.lag", this, runner -> runner.lag)
                    .description("Records on the consumer's partitions it has not processed yet")
                    .tags("group", consumerName, "consumer", name)
                    .register(metrics);
            this.deadLettered = Counter.builder("schoolsafe.inbox.dead.lettered")
                    .description("Records parked on the dead-letter topic as never processable")
                    .tags("group", consumerName)
                    .register(metrics);
            this.processing = Timer.builder("schoolsafe.inbox.processing")
                    .description("One record's transaction: the inbox check, the handler's effects and the commit")
                    .tags("group", consumerName)
                    .register(metrics);
            this.episode =
                    new FailureEpisode(LOG, "consumer " + name, config.retryBackoff(), config.longestRetryBackoff());
        }

        synchronized void start() {
            thread = new Thread(this, "inbox-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        synchronized void restartIfDead() {
            if (running && !thread.isAlive()) {
                LOG.errorf("consumer %s had stopped; starting it again", name);
                start();
            }
        }

        void stop() {
            running = false;
            stopping.countDown();
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        void awaitStopped() {
            try {
                thread.join(config.shutdownTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Optional<String> problem() {
            if (!thread.isAlive()) {
                return Optional.of("not running");
            }
            Optional<String> failing = episode.current();
            if (failing.isPresent()) {
                return failing;
            }
            long behind = lag;
            return behind > config.maxLag()
                    ? Optional.of(behind + " records behind (more than " + config.maxLag() + ")")
                    : Optional.empty();
        }

        @Override
        public void run() {
            while (running) {
                try (KafkaProducer<String, byte[]> deadLetters = kafka.producer()) {
                    consume(deadLetters);
                } catch (WakeupException e) {
                    // stop() asked: the loop ends below
                } catch (Exception | LinkageError e) {
                    if (running) {
                        pause(episode.failed(e));
                    }
                }
            }
        }

        /** One consumer's life: from joining the group until it fails or is stopped, when it leaves the group. */
        private void consume(KafkaProducer<String, byte[]> deadLetters) {
            try (KafkaConsumer<String, byte[]> created = kafka.consumer(consumerName)) {
                consumer = created;
                if (!running) {
                    return;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                created.subscribe(handler.topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                        // still ours during the callback: what was done on them is committed before they move
                        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>(done);
                        leaving.keySet().retainAll(revoked);
                        if (!leaving.isEmpty()) {
                            created.commitSync(leaving);
                        }
                        done.keySet().removeAll(revoked);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {}

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> lost) {
                        // another member has them; it replays from the last commit and the inbox drops repeats
                        done.keySet().removeAll(lost);
                    }
                });
                while (running) {
                    ConsumerRecords<String, byte[]> records = created.poll(Duration.ofMillis(500));
                    commit(created, done);
                    if (records.isEmpty() && !created.assignment().isEmpty() && done.isEmpty()) {
                        // in the group and caught up: whatever failed works again
                        episode.succeeded();
                    }
                    List<TopicPartition> partitions = new ArrayList<>(records.partitions());
                    for (int i = 0; i < partitions.size(); i++) {
                        if (!processPartition(created, deadLetters, records.records(partitions.get(i)), done)) {
                            // the batch's other partitions were fetched too: they start again where they were
                            for (TopicPartition rest : partitions.subList(i + 1, partitions.size())) {
                                created.seek(rest, records.records(rest).get(0).offset());
                            }
                            break;
                        }
                    }
                    // one commit for the poll's records, not one broker round trip per record or partition: a crash
                    // before it replays them, and the inbox has marked them done and drops them (#22), though one
                    // parked among them is parked again; a commit refused while the group rebalances keeps its
                    // offsets for after the next poll
                    commit(created, done);
                    lag = lagOf(created);
                }
            } finally {
                consumer = null;
            }
        }

        /**
         * Processes a partition's records in order, noting each done one's offset for the poll's commit; when an
         * effect fails (the record is neither done nor parked) it rewinds to that record, waits and returns false.
         */
        private boolean processPartition(
                KafkaConsumer<String, byte[]> consumer,
                KafkaProducer<String, byte[]> deadLetters,
                List<ConsumerRecord<String, byte[]>> records,
                Map<TopicPartition, OffsetAndMetadata> done) {
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                try {
                    processRecord(deadLetters, record);
                } catch (RuntimeException e) {
                    consumer.seek(partition, record.offset());
                    pause(episode.failed(e));
                    return false;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                episode.succeeded();
            }
            return true;
        }

        /** Commits what is done; while the group rebalances the offsets stay, to be committed after the next poll. */
        private void commit(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
            if (done.isEmpty()) {
                return;
            }
            try {
                consumer.commitSync(done);
                done.clear();
            } catch (RebalanceInProgressException e) {
                // kept in done: the next poll completes the rebalance, or onPartitionsRevoked commits them
            }
        }

        private long lagOf(KafkaConsumer<String, byte[]> consumer) {
            long behind = 0;
            for (TopicPartition partition : consumer.assignment()) {
                behind += consumer.currentLag(partition).orElse(0);
            }
            return behind;
        }

        private void processRecord(KafkaProducer<String, byte[]> deadLetters, ConsumerRecord<String, byte[]> record) {
            Span span = trace.startProcess(consumerName, record);
            try (Scope scope = TraceContext.activate(span)) {
                CloudEvent event;
                try {
                    event = KafkaMessageFactory.createReader(record).toEvent();
                } catch (RuntimeException e) {
                    park(deadLetters, record, "not a valid CloudEvent: " + e.getMessage());
                    return;
                }
                try {
                    processing.record(() -> inbox.process(consumerName, event, handler));
                } catch (EventHandler.UnprocessableEvent e) {
                    park(deadLetters, record, e.getMessage());
                }
            } catch (RuntimeException e) {
                TraceContext.fail(span, e);
                throw e;
            } finally {
                span.end();
            }
        }

        private void park(
                KafkaProducer<String, byte[]> deadLetters, ConsumerRecord<String, byte[]> record, String reason) {
            LOG.warnf(
                    "%s parks %s-%d@%d: %s", consumerName, record.topic(), record.partition(), record.offset(), reason);
            ProducerRecord<String, byte[]> parked = new ProducerRecord<>(
                    Topics.deadLetter(record.topic()), null, record.key(), record.value(), record.headers());
            parked.headers().add(DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
            try {
                deadLetters.send(parked).get();
                deadLettered.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parking a record", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not park a record: " + e.getMessage(), e);
            }
        }

        private void pause(Duration wait) {
            try {
                stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
