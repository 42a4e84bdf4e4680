package nl.rotterdam.schoolsafe.platform.event;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Makes sure the event topics exist with the settings the design needs (the register topic
 * compacted, so its latest record per key is the current reference data). Existing topics are
 * left as they are; a broker that is down now only delays this to the relay's first send.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final String bootstrapServers;
    private final int partitions;
    private final short replication;

    TopicSetup(KafkaConfig config) {
        this.bootstrapServers = config.bootstrapServers();
        this.partitions = config.topicPartitions();
        this.replication = config.topicReplication();
    }

    void create(@Observes @Priority(1) StartupEvent event) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            NewTopic created = new NewTopic(topic, partitions, replication);
            if (Topics.COMPACTED.contains(topic)) {
                created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(created);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
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
