package nl.rotterdam.schoolsafe.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the events other services would, as real CloudEvents on the real broker, and reads
 * back what a service under test published.
 */
public class TestEvents implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(RealInfrastructure.kafkaAdmin(), new StringSerializer(), new ByteArraySerializer());

    public Future<?> send(String topic, String type, String key, Object payload) {
        return send(topic, UUID.randomUUID().toString(), type, key, payload);
    }

    public Future<?> send(String topic, String eventId, String type, String key, Object payload) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(eventId)
                    .withSource(URI.create("/schoolsafe/test"))
                    .withType(type)
                    .withSubject(key)
                    .withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(payload))
                    .build();
            return producer.send(
                    KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void publish(String topic, String type, String key, Object payload) {
        await(send(topic, type, key, payload));
    }

    public void raw(String topic, String key, byte[] value) {
        await(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    /** Records on the topic with this key and CloudEvents type. */
    public static List<ConsumerRecord<String, byte[]>> published(
            String topic, String key, String type, int expected, Duration timeout) {
        return TopicReader.read(
                RealInfrastructure.bootstrapServers(),
                topic,
                r -> key.equals(r.key())
                        && type.equals(
                                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                expected,
                timeout);
    }

    public static Map<?, ?> payload(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readValue(
                    KafkaMessageFactory.createReader(record).toEvent().getData().toBytes(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Future<?> sent) {
        try {
            sent.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
