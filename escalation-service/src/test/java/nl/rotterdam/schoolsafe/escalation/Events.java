package nl.rotterdam.schoolsafe.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/** Publishes the events other services would, as real CloudEvents on the real broker; reads what this one published. */
public final class Events implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());

    public static IncidentEvent incident(String school, String district, String category, String severity, OffsetDateTime occurredAt,
                                         IncidentEvent.InvolvedPerson... persons) {
        return new IncidentEvent(UUID.randomUUID(), school, district, "IN_SCHOOL", category, severity, "REGISTERED", "NONE",
                occurredAt, List.of(persons));
    }

    public static IncidentEvent.InvolvedPerson student(String pseudonym, String role, String school) {
        return new IncidentEvent.InvolvedPerson(pseudonym, role, "STUDENT", school, true);
    }

    public static String pseudonym() {
        return "ps-" + UUID.randomUUID().toString().replace("-", "");
    }

    public Future<?> send(String topic, String type, String key, Object payload) {
        return send(topic, UUID.randomUUID().toString(), type, key, payload);
    }

    public Future<?> send(String topic, String eventId, String type, String key, Object payload) {
        try {
            CloudEvent event = CloudEventBuilder.v1().withId(eventId).withSource(URI.create("/schoolsafe/test"))
                    .withType(type).withSubject(key).withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(payload)).build();
            ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event);
            return producer.send(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void reported(IncidentEvent incident) {
        await(send(Topics.INCIDENT, EventTypes.INCIDENT_REPORTED, incident.incidentId().toString(), incident));
    }

    public void partner(String id, String kind) {
        await(send(Topics.REGISTER, EventTypes.PARTNER_REGISTERED, "partner:" + id, new PartnerEvent(id, "Partner " + id, kind)));
    }

    public void raw(String topic, String key, byte[] value) {
        await(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    /** Records of the given type this service published about a case. */
    public static List<ConsumerRecord<String, byte[]>> published(String caseId, String type, int expected, Duration timeout) {
        return TopicReader.read(RealInfrastructure.bootstrapServers(), Topics.ESCALATION,
                r -> caseId.equals(r.key()) && type.equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                expected, timeout);
    }

    public static Map<?, ?> payload(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readValue(KafkaMessageFactory.createReader(record).toEvent().getData().toBytes(), Map.class);
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
