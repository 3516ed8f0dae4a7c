package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConfigEntry.ConfigSource;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic and broker configs (DescribeConfigs, IncrementalAlterConfigs) and DeleteRecords with Apache
 * Kafka's Admin client. The server runs with {@code log.retention.ms} set statically, so topic configs
 * show all three sources: topic override, static broker config and default.
 */
@Tag("integration")
class AdminConfigsIT {
    private static final String STATIC_RETENTION_MS = "86400000";

    @TempDir
    static Path dir;
    static ServerFixture fixture;
    static Admin admin;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(dir, Map.of("log.retention.ms", STATIC_RETENTION_MS));
        admin = Clients.admin(fixture.bootstrap());
    }

    @AfterAll
    static void stop() {
        admin.close();
        fixture.close();
    }

    @Test
    void shouldDescribeTopicConfigsWithSourcesAndSynonyms() throws Exception {
        admin.createTopics(List.of(new NewTopic("described", 1, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")))).all().get();
        Config config = describe(topic("described"), true);

        ConfigEntry policy = config.get("cleanup.policy");
        assertThat(policy.value()).isEqualTo("compact");
        assertThat(policy.source()).isEqualTo(ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(policy.isDefault()).isFalse();
        assertThat(policy.synonyms()).extracting(ConfigEntry.ConfigSynonym::source)
                .containsExactly(ConfigSource.DYNAMIC_TOPIC_CONFIG, ConfigSource.DEFAULT_CONFIG);
        assertThat(policy.synonyms().get(1).name()).isEqualTo("log.cleanup.policy");
        assertThat(policy.synonyms().get(1).value()).isEqualTo("delete");

        ConfigEntry retention = config.get("retention.ms");
        assertThat(retention.value()).isEqualTo(STATIC_RETENTION_MS);
        assertThat(retention.source()).isEqualTo(ConfigSource.STATIC_BROKER_CONFIG);
        assertThat(retention.synonyms()).first().satisfies(s -> {
            assertThat(s.name()).isEqualTo("log.retention.ms");
            assertThat(s.source()).isEqualTo(ConfigSource.STATIC_BROKER_CONFIG);
        });

        ConfigEntry maxBytes = config.get("max.message.bytes");
        assertThat(maxBytes.value()).isEqualTo("1048588");
        assertThat(maxBytes.source()).isEqualTo(ConfigSource.DEFAULT_CONFIG);
        assertThat(maxBytes.isDefault()).isTrue();
        assertThat(maxBytes.isReadOnly()).isFalse();
        assertThat(maxBytes.type()).isEqualTo(ConfigEntry.ConfigType.INT);
        assertThat(config.get("segment.bytes").value()).isEqualTo("1073741824");
        assertThat(config.get("message.timestamp.type").value()).isEqualTo("CreateTime");
    }

    @Test
    void shouldDescribeBrokerConfigsWithStaticAndDefaultSources() throws Exception {
        String nodeId = Integer.toString(fixture.server().config().nodeId());
        Config config = describe(new ConfigResource(ConfigResource.Type.BROKER, nodeId), true);
        assertThat(config.get("num.io.threads").value()).isEqualTo("2");
        assertThat(config.get("num.io.threads").source()).isEqualTo(ConfigSource.STATIC_BROKER_CONFIG);
        assertThat(config.get("log.retention.ms").value()).isEqualTo(STATIC_RETENTION_MS);
        assertThat(config.get("log.retention.ms").source()).isEqualTo(ConfigSource.STATIC_BROKER_CONFIG);
        assertThat(config.get("num.partitions").value()).isEqualTo("1");
        assertThat(config.get("num.partitions").source()).isEqualTo(ConfigSource.DEFAULT_CONFIG);
        assertThat(config.get("message.max.bytes").value()).isEqualTo("1048588");
        assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("true");
        assertThat(config.get("listeners").isReadOnly()).isTrue();
    }

    @Test
    void shouldApplyDynamicBrokerDefaultToTopicsWithoutOverride() throws Exception {
        admin.createTopics(List.of(new NewTopic("inherits", 1, (short) 1))).all().get();
        ConfigResource clusterDefault = new ConfigResource(ConfigResource.Type.BROKER, "");
        alter(clusterDefault, List.of(new AlterConfigOp(new ConfigEntry("log.cleaner.delete.retention.ms", "5000"),
                AlterConfigOp.OpType.SET)));
        try {
            ConfigEntry broker = describe(clusterDefault, false).get("log.cleaner.delete.retention.ms");
            assertThat(broker.value()).isEqualTo("5000");
            assertThat(broker.source()).isEqualTo(ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
            ConfigEntry topic = describe(topic("inherits"), false).get("delete.retention.ms");
            assertThat(topic.value()).isEqualTo("5000");
            assertThat(topic.source()).isEqualTo(ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
        } finally {
            alter(clusterDefault, List.of(new AlterConfigOp(new ConfigEntry("log.cleaner.delete.retention.ms", ""),
                    AlterConfigOp.OpType.DELETE)));
        }
        assertThat(describe(topic("inherits"), false).get("delete.retention.ms").value()).isEqualTo("86400000");
    }

    @Test
    void shouldSetAndDeleteTopicConfig() throws Exception {
        admin.createTopics(List.of(new NewTopic("altered", 1, (short) 1))).all().get();
        ConfigResource resource = topic("altered");
        alter(resource, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "3600000"),
                AlterConfigOp.OpType.SET)));
        Config config = describe(resource, false);
        assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
        assertThat(config.get("retention.ms").source()).isEqualTo(ConfigSource.DYNAMIC_TOPIC_CONFIG);

        alter(resource, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE)));
        config = describe(resource, false);
        assertThat(config.get("retention.ms").value()).isEqualTo(STATIC_RETENTION_MS);
        assertThat(config.get("retention.ms").source()).isEqualTo(ConfigSource.STATIC_BROKER_CONFIG);
    }

    @Test
    void shouldAppendAndSubtractListConfigValues() throws Exception {
        admin.createTopics(List.of(new NewTopic("listed", 1, (short) 1)
                .configs(Map.of("cleanup.policy", "delete")))).all().get();
        ConfigResource resource = topic("listed");
        alter(resource, List.of(new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"),
                AlterConfigOp.OpType.APPEND)));
        assertThat(describe(resource, false).get("cleanup.policy").value()).isEqualTo("delete,compact");
        alter(resource, List.of(new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"),
                AlterConfigOp.OpType.SUBTRACT)));
        assertThat(describe(resource, false).get("cleanup.policy").value()).isEqualTo("compact");
        assertThatThrownBy(() -> alter(resource, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "1"),
                AlterConfigOp.OpType.APPEND)))).hasCauseInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void shouldAppendToTheDefaultWhenListConfigIsUnset() throws Exception {
        admin.createTopics(List.of(new NewTopic("appended", 1, (short) 1))).all().get();
        ConfigResource resource = topic("appended");
        alter(resource, List.of(new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"),
                AlterConfigOp.OpType.APPEND)));
        assertThat(describe(resource, false).get("cleanup.policy").value()).isEqualTo("delete,compact");
    }

    @Test
    void shouldRejectInvalidConfigValuesAndKeys() throws Exception {
        admin.createTopics(List.of(new NewTopic("guarded", 1, (short) 1))).all().get();
        ConfigResource resource = topic("guarded");
        for (ConfigEntry bad : List.of(new ConfigEntry("retention.ms", "soon"),
                new ConfigEntry("cleanup.policy", "shred"), new ConfigEntry("min.insync.replicas", "0"),
                new ConfigEntry("no.such.config", "1"))) {
            assertThatThrownBy(() -> alter(resource, List.of(new AlterConfigOp(bad, AlterConfigOp.OpType.SET))))
                    .as("config=%s", bad).hasCauseInstanceOf(InvalidConfigurationException.class);
        }
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("born-invalid", 1, (short) 1)
                .configs(Map.of("segment.bytes", "ten")))).all().get())
                .hasCauseInstanceOf(InvalidConfigurationException.class);
        assertThat(describe(resource, false).get("retention.ms").value()).isEqualTo(STATIC_RETENTION_MS);
    }

    @Test
    void shouldEnforceLoweredMaxMessageBytesOnTheNextProduce() throws Exception {
        admin.createTopics(List.of(new NewTopic("capped", 1, (short) 1))).all().get();
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            producer.send(new ProducerRecord<>("capped", new byte[4000])).get();
            alter(topic("capped"), List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "2000"),
                    AlterConfigOp.OpType.SET)));
            assertThat(describe(topic("capped"), false).get("max.message.bytes").value()).isEqualTo("2000");
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("capped", new byte[4000])).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecordTooLargeException.class);
            assertThat(producer.send(new ProducerRecord<>("capped", new byte[1000])).get().offset()).isEqualTo(1);
        }
    }

    @Test
    void shouldMoveLowWatermarkOnDeleteRecordsAndLetEarliestFollow() throws Exception {
        admin.createTopics(List.of(new NewTopic("trimmed", 1, (short) 1))).all().get();
        TopicPartition tp = new TopicPartition("trimmed", 0);
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("trimmed", Clients.utf8("v" + i)));
            }
            producer.flush();
        }
        long low = admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(6))).lowWatermarks().get(tp).get()
                .lowWatermark();
        assertThat(low).isEqualTo(6);
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap())) {
            assertThat(consumer.beginningOffsets(List.of(tp))).containsEntry(tp, 6L);
            assertThat(consumer.endOffsets(List.of(tp))).containsEntry(tp, 10L);
            Clients.assignFromBeginning(consumer, List.of(tp));
            List<ConsumerRecord<byte[], byte[]>> got = Clients.pollAtLeast(consumer, 4);
            assertThat(got).extracting(ConsumerRecord::offset).containsExactly(6L, 7L, 8L, 9L);
            assertThat(Clients.text(got.get(0).value())).isEqualTo("v6");

            consumer.seek(tp, 2);
            got = Clients.pollAtLeast(consumer, 4);
            assertThat(got).extracting(ConsumerRecord::offset).containsExactly(6L, 7L, 8L, 9L);
        }
        long all = admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(-1))).lowWatermarks().get(tp).get()
                .lowWatermark();
        assertThat(all).isEqualTo(10);
        assertThatThrownBy(() -> admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(11))).all().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(OffsetOutOfRangeException.class);
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private static Config describe(ConfigResource resource, boolean synonyms) throws Exception {
        return admin.describeConfigs(List.of(resource), new DescribeConfigsOptions().includeSynonyms(synonyms))
                .all().get().get(resource);
    }

    private static void alter(ConfigResource resource, Collection<AlterConfigOp> ops) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get();
    }
}
