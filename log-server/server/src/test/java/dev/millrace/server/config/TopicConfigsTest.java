package dev.millrace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.millrace.common.errors.InvalidConfigurationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicConfigsTest {

    @Test
    void shouldRejectUnknownTopicConfigName() {
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("foo", "1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Unknown topic config name: foo");
    }

    @Test
    void shouldRejectUnparsableValueNamingTheKey() {
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("retention.ms", "abc")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid value abc for configuration retention.ms: Not a number of type LONG");
    }

    @Test
    void shouldRejectOutOfRangeValuesWithKafkaWording() {
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("retention.ms", "-2")))
                .hasMessage("Invalid value -2 for configuration retention.ms: Value must be at least -1");
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("segment.bytes", "1000")))
                .hasMessage("Invalid value 1000 for configuration segment.bytes: Value must be at least 1048576");
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("cleanup.policy", "foo")))
                .hasMessage("Invalid value foo for configuration cleanup.policy: String must be one of: compact, delete");
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("compression.type", "GZIP")))
                .hasMessageStartingWith("Invalid value GZIP for configuration compression.type: String must be one of:");
    }

    @Test
    void shouldAcceptValidOverridesAndDeletions() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("cleanup.policy", "compact, delete");
        overrides.put("retention.ms", "-1");
        overrides.put("preallocate", "TRUE");
        overrides.put("segment.ms", null);
        overrides.put(TopicConfigs.INTERNAL_SEGMENT_BYTES, "1024");
        assertThatCode(() -> TopicConfigs.validate(overrides)).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectMinCompactionLagAboveMax() {
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("min.compaction.lag.ms", "10",
                "max.compaction.lag.ms", "5")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("min.compaction.lag.ms (10) > max.compaction.lag.ms (5)");
    }

    @Test
    void shouldRejectRemoteStorageBecauseThereIsNone() {
        assertThatThrownBy(() -> TopicConfigs.validate(Map.of("remote.storage.enable", "true")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("remote.storage.enable");
    }

    @Test
    void shouldTellListKeys() {
        assertThat(TopicConfigs.isList("cleanup.policy")).isTrue();
        assertThat(TopicConfigs.isList("leader.replication.throttled.replicas")).isTrue();
        assertThat(TopicConfigs.isList("retention.ms")).isFalse();
        assertThat(TopicConfigs.isList("nope")).isFalse();
    }

    @Test
    void shouldListBrokerSynonymsInKafkaPrecedenceOrder() {
        assertThat(names("retention.ms")).containsExactly("log.retention.ms", "log.retention.minutes",
                "log.retention.hours");
        assertThat(names("segment.ms")).containsExactly("log.roll.ms", "log.roll.hours");
        assertThat(names("segment.jitter.ms")).containsExactly("log.roll.jitter.ms", "log.roll.jitter.hours");
        assertThat(names("flush.ms")).containsExactly("log.flush.interval.ms", "log.flush.scheduler.interval.ms");
        assertThat(names("max.message.bytes")).containsExactly("message.max.bytes");
        assertThat(names("file.delete.delay.ms")).containsExactly("log.segment.delete.delay.ms");
        assertThat(names("min.cleanable.dirty.ratio")).containsExactly("log.cleaner.min.cleanable.ratio");
        assertThat(names("preallocate")).containsExactly("log.preallocate");
        assertThat(names("remote.storage.enable")).isEmpty();
        assertThat(TopicConfigs.brokerSynonyms("retention.ms").get(2).toTopicValue("2")).isEqualTo("7200000");
    }

    @Test
    void shouldHaveEveryBrokerSynonymDefinedAsBrokerKey() {
        for (String topicKey : TopicConfigs.definitions().keySet()) {
            for (String synonym : names(topicKey)) {
                assertThat(BrokerConfigs.contains(synonym)).as(topicKey + " <- " + synonym).isTrue();
            }
        }
    }

    /** Oracle: kafka-clients' TopicConfig constants, when that jar is on the test class path. */
    @Test
    void shouldCoverEveryTopicConfigNameOfKafkaClients() throws Exception {
        Class<?> topicConfig;
        try {
            topicConfig = Class.forName("org.apache.kafka.common.config.TopicConfig");
        } catch (ClassNotFoundException e) {
            topicConfig = null;
        }
        assumeTrue(topicConfig != null, "kafka-clients is not on the test class path of this module");
        Set<String> goneIn4 = Set.of("message.downconversion.enable", "message.format.version",
                "message.timestamp.difference.max.ms");
        List<String> missing = new ArrayList<>();
        for (Field field : topicConfig.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")
                    && field.getType() == String.class) {
                String name = (String) field.get(null);
                if (!goneIn4.contains(name) && !TopicConfigs.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> names(String topicKey) {
        return TopicConfigs.brokerSynonyms(topicKey).stream().map(TopicConfigs.BrokerSynonym::name).toList();
    }
}
