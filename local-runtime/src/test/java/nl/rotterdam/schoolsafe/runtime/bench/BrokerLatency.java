package nl.rotterdam.schoolsafe.runtime.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.runtime.BrokerAccess;
import nl.rotterdam.schoolsafe.runtime.Infra;
import nl.rotterdam.schoolsafe.runtime.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What broker security costs a partner stream, side by side in one run: the same 1 KB records at 50 per second,
 * written as the escalation-service writes them (idempotent, acks=all) and read by a partner, on a broker with SASL
 * SCRAM-SHA-512 and ACLs and on one without, in interleaved rounds. Prints p50 and p99 of write → read per broker
 * (median of the rounds) and their ratio. Not a test: run it with benchmarks/partner-latency.sh.
 */
public final class BrokerLatency {
    private static final int RATE = 50;
    private static final int PER_ROUND = 500;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("broker-latency");
        try (Infra secured = start(work.resolve("secured"), true);
                Infra plain = start(work.resolve("plain"), false)) {
            BrokerAccess.grantPartner(secured.bootstrapServers(), "bench");
            Map<String, Object> writer = BrokerAccess.client(secured.bootstrapServers(), "escalation-service");
            Map<String, Object> reader =
                    BrokerAccess.client(secured.bootstrapServers(), BrokerAccess.partnerPrincipal("bench"));
            Map<String, Object> open = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, plain.bootstrapServers());
            // the secured broker's stream was provisioned with the partner; the plain one is made alike
            create(open);
            List<Double> securedP50 = new ArrayList<>(), securedP99 = new ArrayList<>();
            List<Double> plainP50 = new ArrayList<>(), plainP99 = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Percentiles s = measure(writer, reader);
                Percentiles p = measure(open, open);
                securedP50.add(s.at(0.5));
                securedP99.add(s.at(0.99));
                plainP50.add(p.at(0.5));
                plainP99.add(p.at(0.99));
                System.out.printf(
                        "round %d: SASL+ACL p50 %.2f ms p99 %.2f ms | plain p50 %.2f ms p99 %.2f ms%n",
                        round, s.at(0.5), s.at(0.99), p.at(0.5), p.at(0.99));
            }
            double s50 = Percentiles.median(securedP50), s99 = Percentiles.median(securedP99);
            double p50 = Percentiles.median(plainP50), p99 = Percentiles.median(plainP99);
            System.out.printf(
                    "partner stream write -> read, %d records/s, %d per round, median of %d rounds:%n"
                            + "  SASL SCRAM-SHA-512 + ACLs  p50 %.2f ms  p99 %.2f ms%n"
                            + "  no security               p50 %.2f ms  p99 %.2f ms%n"
                            + "  ratio secured / plain     p50 %.2f     p99 %.2f%n",
                    RATE, PER_ROUND, ROUNDS, s50, s99, p50, p99, s50 / p50, s99 / p99);
        }
    }

    private static Infra start(Path dir, boolean secured) {
        return Infra.start(
                dir.resolve("data"),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                true,
                false,
                secured,
                dir.resolve("infra.log"));
    }

    private static final String TOPIC = "partner.bench.events";

    private static void create(Map<String, Object> admin) throws Exception {
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Percentiles measure(Map<String, Object> writer, Map<String, Object> reader) throws Exception {
        Properties consumerProps = new Properties();
        consumerProps.putAll(reader);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Properties producerProps = new Properties();
        producerProps.putAll(writer);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", new byte[1024]))
                    .get();
            Thread reading = new Thread(() -> {
                while (latencies.size() < PER_ROUND) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        if (!record.key().equals("warm-up")) {
                            latencies.add(System.nanoTime()
                                    - ByteBuffer.wrap(record.value()).getLong());
                        }
                    }
                }
            });
            reading.start();
            long start = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                long due = start + i * (1_000_000_000L / RATE);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                byte[] value = new byte[1024];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(TOPIC, "case-" + (i % 10), value));
            }
            reading.join(Duration.ofSeconds(60).toMillis());
        }
        return Percentiles.of(new ArrayList<>(latencies));
    }
}
