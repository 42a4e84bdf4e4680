package nl.rotterdam.schoolsafe.platform.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** How the suite's topics are laid out, for the services' own setup and for an operator's provisioning alike. */
public final class TopicLayout {
    private TopicLayout() {}

    /** The topics as the design lays them out: the register compacted, so its latest record per key is current. */
    public static List<NewTopic> definitions(List<String> names, int partitions, short replication) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : names) {
            NewTopic created = new NewTopic(topic, partitions, replication);
            if (Topics.COMPACTED.contains(topic)) {
                created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(created);
        }
        return topics;
    }

    /** Every internal topic of the suite: what an operator provisions before the services start. */
    public static List<String> internalTopics() {
        List<String> names = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            service.produces().stream().filter(t -> !t.endsWith(".")).forEach(names::add);
            service.consumes().stream()
                    .map(Topics::deadLetter)
                    .filter(t -> !names.contains(t))
                    .forEach(names::add);
        }
        return names;
    }
}
