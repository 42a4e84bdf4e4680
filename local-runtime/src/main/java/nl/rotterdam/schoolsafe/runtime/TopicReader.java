package nl.rotterdam.schoolsafe.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is really on a topic, from the beginning, without joining a consumer group. For tests. */
public final class TopicReader {
    private TopicReader() {}

    /** Every record matching the filter, once at least {@code expected} match or the timeout passes; read as the admin. */
    public static List<ConsumerRecord<String, byte[]>> read(
            String bootstrapServers,
            String topic,
            Predicate<ConsumerRecord<String, byte[]>> filter,
            int expected,
            Duration timeout) {
        return read(bootstrapServers, BrokerAccess.ADMIN, topic, filter, expected, timeout);
    }

    /** The same, read as {@code principal}: the broker's authorisation error surfaces as it would for that principal. */
    public static List<ConsumerRecord<String, byte[]>> read(
            String bootstrapServers,
            String principal,
            String topic,
            Predicate<ConsumerRecord<String, byte[]>> filter,
            int expected,
            Duration timeout) {
        Properties props = new Properties();
        props.putAll(BrokerAccess.client(bootstrapServers, principal));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (info != null) {
                    info.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (matched.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        EventContract.check(record);
                        matched.add(record);
                    }
                }
            }
        }
        return matched;
    }
}
