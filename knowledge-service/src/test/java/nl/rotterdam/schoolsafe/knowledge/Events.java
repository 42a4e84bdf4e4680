package nl.rotterdam.schoolsafe.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
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

/** Publishes the events other services would, as real CloudEvents on the real broker; reads what this one published. */
public final class Events implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());

    public static IncidentEvent incident(String school, String category, OffsetDateTime occurredAt) {
        return new IncidentEvent(UUID.randomUUID(), school, "delfshaven", "IN_SCHOOL", category, "MEDIUM", "REGISTERED", "NONE",
                occurredAt, List.of());
    }

    public void send(String topic, String type, String key, Object payload) {
        try {
            CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/schoolsafe/test"))
                    .withType(type).withSubject(key).withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(payload)).build();
            producer.send(KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void reported(IncidentEvent incident) {
        send(Topics.INCIDENT, EventTypes.INCIDENT_REPORTED, incident.incidentId().toString(), incident);
    }

    public void updated(IncidentEvent incident) {
        send(Topics.INCIDENT, EventTypes.INCIDENT_UPDATED, incident.incidentId().toString(), incident);
    }

    public void schoolLocation(String id, String boardId) {
        send(Topics.REGISTER, EventTypes.SCHOOL_LOCATION_REGISTERED, "school-location:" + id,
                new SchoolLocationEvent(id, id.substring(0, 4), id.substring(4), "School " + id, boardId, "VO", "delfshaven", 500));
    }

    /** Records of the given type this service published about a session. */
    public static List<ConsumerRecord<String, byte[]>> published(String sessionId, String type, int expected, Duration timeout) {
        return TopicReader.read(RealInfrastructure.bootstrapServers(), Topics.KNOWLEDGE,
                r -> sessionId.equals(r.key()) && type.equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                expected, timeout);
    }

    public static Map<?, ?> payload(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readValue(KafkaMessageFactory.createReader(record).toEvent().getData().toBytes(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
