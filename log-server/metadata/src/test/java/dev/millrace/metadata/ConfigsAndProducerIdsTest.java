package dev.millrace.metadata;

import static dev.millrace.metadata.Requests.alter;
import static dev.millrace.metadata.Requests.create;
import static dev.millrace.metadata.Requests.incremental;
import static dev.millrace.metadata.Requests.replace;
import static dev.millrace.metadata.Requests.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IncrementalAlterConfigs, AlterConfigs, producer id blocks and restarts. */
class ConfigsAndProducerIdsTest {
    private static final int TOPIC = 2;
    private static final int BROKER = 4;

    @TempDir
    Path dir;
    private ControllerFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ControllerFixture(dir);
        fx.controller.createTopics(create(topic("t", 1, 1)), (short) 7);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private AlterConfigsResourceResponse alterOne(IncrementalAlterConfigsResponseData response) {
        assertThat(response.responses()).hasSize(1);
        return response.responses().get(0);
    }

    @Test
    void shouldSetDeleteAppendAndSubtract() {
        var r = alterOne(fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t",
                0, "retention.ms", "100", 2, "cleanup.policy", "delete", 2, "cleanup.policy", "x")), (short) 1));
        assertThat(r.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST.code());
        assertThat(r.errorMessage()).isEqualTo("Error due to duplicate config keys");
        fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t", 0, "retention.ms", "100",
                2, "cleanup.policy", "delete,compact")), (short) 1);
        assertThat(fx.controller.image().topicConfigs("t"))
                .isEqualTo(Map.of("retention.ms", "100", "cleanup.policy", "delete,compact"));
        fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t", 1, "retention.ms", null,
                3, "cleanup.policy", "delete")), (short) 1);
        assertThat(fx.controller.image().topicConfigs("t")).isEqualTo(Map.of("cleanup.policy", "compact"));
        var response = alterOne(fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t",
                2, "retention.ms", "5")), (short) 1));
        assertThat(response.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG.code());
        assertThat(response.errorMessage()).isEqualTo("Can't APPEND to key retention.ms because its type is not LIST.");
    }

    @Test
    void shouldRejectUnknownTopicsForeignBrokersAndUnsupportedTypes() {
        var response = fx.controller.incrementalAlterConfigs(alter(
                incremental(TOPIC, "missing", 0, "retention.ms", "1"),
                incremental(BROKER, "2", 0, "log.retention.ms", "1"),
                incremental(BROKER, "x", 0, "log.retention.ms", "1"),
                incremental(8, "1", 0, "root", "DEBUG"),
                incremental(TOPIC, "t", 0, "retention.ms", "bad"),
                incremental(BROKER, "", 0, "log.retention.ms", "7"),
                incremental(BROKER, "1", 0, "log.retention.ms", "8")), (short) 1);
        assertThat(response.responses()).extracting(AlterConfigsResourceResponse::errorCode,
                AlterConfigsResourceResponse::errorMessage).containsExactly(
                tuple(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code(), "The topic 'missing' does not exist."),
                tuple(ErrorCode.INVALID_REQUEST.code(), "Unexpected broker id, expected 1, but received 2"),
                tuple(ErrorCode.INVALID_REQUEST.code(), "Node id must be an integer, but it is: x"),
                tuple(ErrorCode.INVALID_REQUEST.code(), "Unknown resource type 8"),
                tuple(ErrorCode.INVALID_CONFIG.code(), "config=retention.ms value=bad reason=bad"),
                tuple((short) 0, null),
                tuple((short) 0, null));
        assertThat(fx.controller.image().brokerConfigs("")).isEqualTo(Map.of("log.retention.ms", "7"));
        assertThat(fx.controller.image().brokerConfigs("1")).isEqualTo(Map.of("log.retention.ms", "8"));
        assertThat(fx.controller.image().allTopicConfigs()).isEmpty();
    }

    @Test
    void shouldValidateOnlyAndRejectDuplicateResources() {
        var request = alter(incremental(TOPIC, "t", 0, "retention.ms", "1")).setValidateOnly(true);
        assertThat(alterOne(fx.controller.incrementalAlterConfigs(request, (short) 1)).errorCode()).isZero();
        assertThat(fx.controller.image().topicConfigs("t")).isEmpty();
        var duplicate = fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t", 0, "a", "1"),
                incremental(TOPIC, "t", 0, "b", "1")), (short) 1);
        assertThat(duplicate.responses()).extracting(AlterConfigsResourceResponse::errorMessage)
                .containsExactly("Duplicate resource.", "Duplicate resource.");
    }

    @Test
    void shouldReplaceTheWholeSetWithLegacyAlterConfigs() {
        fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t", 0, "a", "1", 0, "b", "2")), (short) 1);
        var response = fx.controller.alterConfigs(replace(TOPIC, "t", Map.of("b", "3", "c", "4")), (short) 2);
        assertThat(response.responses().get(0).errorCode()).isZero();
        assertThat(fx.controller.image().topicConfigs("t")).isEqualTo(Map.of("b", "3", "c", "4"));
        var bad = fx.controller.alterConfigs(replace(TOPIC, "t", Map.of("bad", "1")), (short) 2);
        assertThat(bad.responses().get(0).errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG.code());
        assertThat(fx.controller.image().topicConfigs("t")).isEqualTo(Map.of("b", "3", "c", "4"));
    }

    @Test
    void shouldNeverRepeatProducerIdsAcrossRestarts() {
        Set<Long> seen = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                long first = fx.controller.allocateProducerIds(1000);
                for (long id = first; id < first + 1000; id++) {
                    assertThat(seen.add(id)).as("round=" + round + " id=" + id).isTrue();
                }
            }
            fx.restart();
        }
        assertThat(fx.controller.image().nextProducerId()).isEqualTo(12_000);
        assertThatThrownBy(() -> fx.controller.allocateProducerIds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count=0");
    }

    @Test
    void shouldKeepClusterIdTopicIdsAndConfigsAcrossRestarts() {
        fx.controller.incrementalAlterConfigs(alter(incremental(TOPIC, "t", 0, "a", "1")), (short) 1);
        MetadataImage before = fx.controller.image();
        assertThat(before.clusterId()).matches("[A-Za-z0-9_-]{22}");
        MetadataImage after = fx.restart();
        assertThat(after).isEqualTo(before);
        assertThat(after.topic("t").id()).isEqualTo(before.topic("t").id());
        assertThat(fx.restart().clusterId()).isEqualTo(before.clusterId());
    }
}
