package nl.rotterdam.schoolsafe.platform.event;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.platform.http.ApiConfig;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Makes sure the topics this service writes exist with the settings the design needs (the register topic
 * compacted, so its latest record per key is the current reference data). Existing topics are
 * left as they are; a broker that is down now only delays this to the relay's first send.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final KafkaClients kafka;
    private final String application;
    private final int partitions;
    private final short replication;

    TopicSetup(KafkaClients kafka, KafkaConfig config, ApiConfig api) {
        this.kafka = kafka;
        this.application = api.service();
        this.partitions = config.topicPartitions();
        this.replication = config.topicReplication();
    }

    /** The topics this service writes: its own event topics and the dead-letter topics of what it reads. */
    private List<String> ownTopics() {
        return SuiteService.ofModule(application)
                .map(s -> java.util.stream.Stream.concat(
                                s.produces().stream().filter(t -> !t.endsWith(".")),
                                s.consumes().stream().map(Topics::deadLetter))
                        .toList())
                .orElse(List.of());
    }

    void create(@Observes @Priority(1) StartupEvent event) {
        List<NewTopic> topics = TopicLayout.definitions(ownTopics(), partitions, replication);
        Properties props = kafka.connection();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(topics).values().forEach((topic, future) -> {
                try {
                    future.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf(
                                "could not create topic %s: %s",
                                topic, e.getCause().getMessage());
                    }
                } catch (Exception e) {
                    LOG.warnf("could not create topic %s: %s", topic, e.getMessage());
                }
            });
        }
    }
}
