package nl.rotterdam.schoolsafe.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.event.KafkaClients;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.http.ApiConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs Kafka consumers per {@link EventHandler} ({@code schoolsafe.inbox.concurrency} in one group, sharing the partitions). Each record is processed through the
 * {@link Inbox}; its offset is committed only after that transaction. A record that is not a
 * valid CloudEvent, or that its handler declares unprocessable, is parked on the topic's
 * dead-letter topic with the reason, and consumption goes on.
 */
@ApplicationScoped
public class InboxConsumers {
    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);
    public static final String DEAD_LETTER_REASON = "schoolsafe-dead-letter-reason";

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final String application;
    private final Duration retryBackoff;
    private final int concurrency;
    private final List<Runner> runners = new ArrayList<>();

    InboxConsumers(
            @Any Instance<EventHandler> handlers, KafkaClients kafka, Inbox inbox, ApiConfig api, InboxConfig config) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.inbox = inbox;
        this.application = api.service();
        this.retryBackoff = config.retryBackoff();
        this.concurrency = config.concurrency();
    }

    void start(@Observes StartupEvent event) {
        for (EventHandler handler : handlers) {
            for (int i = 0; i < concurrency; i++) {
                Runner runner = new Runner(handler, application + "." + handler.name());
                runners.add(runner);
                Thread thread = new Thread(runner, "inbox-" + handler.name() + "-" + i);
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        runners.forEach(Runner::stop);
    }

    private final class Runner implements Runnable {
        private final EventHandler handler;
        private final String consumerName;
        private final KafkaConsumer<String, byte[]> consumer;
        private final KafkaProducer<String, byte[]> deadLetters;
        private volatile boolean running = true;

        Runner(EventHandler handler, String consumerName) {
            this.handler = handler;
            this.consumerName = consumerName;
            this.consumer = kafka.consumer(consumerName);
            this.deadLetters = kafka.producer();
        }

        void stop() {
            running = false;
            consumer.wakeup();
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(handler.topics());
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    for (TopicPartition partition : records.partitions()) {
                        if (!processPartition(records.records(partition), partition)) {
                            break;
                        }
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } finally {
                consumer.close(Duration.ofSeconds(5));
                deadLetters.close(Duration.ofSeconds(5));
            }
        }

        /** Processes records in order; on a transient failure rewinds to the failed record and returns false. */
        private boolean processPartition(List<ConsumerRecord<String, byte[]>> records, TopicPartition partition) {
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    processRecord(record);
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "%s could not process %s@%d (%s); retrying",
                            consumerName, partition, record.offset(), e.getMessage());
                    consumer.seek(partition, record.offset());
                    sleep();
                    return false;
                }
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            }
            return true;
        }

        private void processRecord(ConsumerRecord<String, byte[]> record) {
            CloudEvent event;
            try {
                event = KafkaMessageFactory.createReader(record).toEvent();
            } catch (RuntimeException e) {
                park(record, "not a valid CloudEvent: " + e.getMessage());
                return;
            }
            try {
                inbox.process(consumerName, event, handler);
            } catch (EventHandler.UnprocessableEvent e) {
                park(record, e.getMessage());
            }
        }

        private void park(ConsumerRecord<String, byte[]> record, String reason) {
            LOG.warnf(
                    "%s parks %s-%d@%d: %s", consumerName, record.topic(), record.partition(), record.offset(), reason);
            ProducerRecord<String, byte[]> parked = new ProducerRecord<>(
                    Topics.deadLetter(record.topic()), null, record.key(), record.value(), record.headers());
            parked.headers().add(DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
            try {
                deadLetters.send(parked).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parking a record", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not park a record: " + e.getMessage(), e);
            }
        }

        private void sleep() {
            try {
                Thread.sleep(retryBackoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
