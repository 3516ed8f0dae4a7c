package dev.millrace.metadata;

import static dev.millrace.metadata.Requests.assigned;
import static dev.millrace.metadata.Requests.create;
import static dev.millrace.metadata.Requests.topic;
import static dev.millrace.metadata.Requests.topicWithConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.CreateTopicsResponseData.CreatableTopicResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateTopicsTest {
    private static final short V7 = 7;

    @TempDir
    Path dir;
    private ControllerFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ControllerFixture(dir, 3, ControllerFixture.STRICT);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private CreatableTopicResult createOne(CreateTopicsRequestData.CreatableTopic topic) {
        CreateTopicsResponseData response = fx.controller.createTopics(create(topic), V7);
        assertThat(response.topics()).hasSize(1);
        return response.topics().get(0);
    }

    private void assertError(CreatableTopicResult result, ErrorCode code, String message) {
        assertThat(ErrorCode.forCode(result.errorCode())).as(result.toString()).isEqualTo(code);
        assertThat(result.errorMessage()).isEqualTo(message);
        assertThat(result.topicId()).isEqualTo(Uuid.ZERO_UUID);
    }

    @Test
    void shouldUseNumPartitionsAndDefaultReplicationFactorForMinusOne() {
        CreatableTopicResult result = createOne(topic("orders", -1, -1));
        assertThat(result.errorCode()).isZero();
        assertThat(result.errorMessage()).isNull();
        assertThat(result.numPartitions()).isEqualTo(3);
        assertThat(result.replicationFactor()).isEqualTo((short) 1);
        TopicImage topic = fx.controller.image().topic("orders");
        assertThat(topic.id()).isEqualTo(result.topicId()).isNotEqualTo(Uuid.ZERO_UUID);
        assertThat(topic.partitions().keySet()).containsExactly(0, 1, 2);
        assertThat(topic.partition(2)).isEqualTo(new PartitionImage(2, 1, 0, 0, List.of(1), List.of(1)));
        assertThat(fx.controller.image().topic(result.topicId())).isSameAs(topic);
    }

    @Test
    void shouldCreateExplicitPartitionCountAndStoreConfigs() {
        assertThat(createOne(topic("a", 5, 1)).numPartitions()).isEqualTo(5);
        CreatableTopicResult withConfigs = createOne(topicWithConfigs("b", Map.of("retention.ms", "1000")));
        assertThat(withConfigs.errorCode()).isZero();
        assertThat(withConfigs.configs()).isEmpty();
        assertThat(fx.controller.image().topicConfigs("b")).containsExactly(Map.entry("retention.ms", "1000"));
    }

    @Test
    void shouldRejectExistingTopicWithKafkasMessage() {
        createOne(topic("orders", 1, 1));
        assertError(createOne(topic("orders", 1, 1)), ErrorCode.TOPIC_ALREADY_EXISTS,
                "Topic 'orders' already exists.");
    }

    @Test
    void shouldRejectIllegalTopicNames() {
        assertError(createOne(topic("", 1, 1)), ErrorCode.INVALID_TOPIC_EXCEPTION,
                "Topic name is invalid: the empty string is not allowed");
        assertError(createOne(topic(".", 1, 1)), ErrorCode.INVALID_TOPIC_EXCEPTION,
                "Topic name is invalid: '.' is not allowed");
        assertError(createOne(topic("..", 1, 1)), ErrorCode.INVALID_TOPIC_EXCEPTION,
                "Topic name is invalid: '..' is not allowed");
        assertError(createOne(topic("a b", 1, 1)), ErrorCode.INVALID_TOPIC_EXCEPTION,
                "Topic name is invalid: 'a b' contains one or more characters other than ASCII alphanumerics, "
                        + "'.', '_' and '-'");
        String tooLong = "x".repeat(250);
        assertError(createOne(topic(tooLong, 1, 1)), ErrorCode.INVALID_TOPIC_EXCEPTION,
                "Topic name is invalid: the length of '" + tooLong + "' is longer than the max allowed length 249");
        assertThat(createOne(topic("x".repeat(249), 1, 1)).errorCode()).isZero();
    }

    @Test
    void shouldRejectNameThatCollidesWithExistingTopicOnDotAndUnderscore() {
        createOne(topic("a.b", 1, 1));
        assertError(createOne(topic("a_b", 1, 1)), ErrorCode.INVALID_TOPIC_EXCEPTION,
                "Topic 'a_b' collides with existing topic: a.b");
    }

    @Test
    void shouldRejectDuplicateNamesInOneRequestAndTheMetadataTopic() {
        CreateTopicsResponseData response = fx.controller.createTopics(create(topic("d", 1, 1), topic("ok", 1, 1),
                topic("d", 2, 1), topic("__cluster_metadata", 1, 1)), V7);
        assertThat(response.topics()).extracting(CreatableTopicResult::name)
                .containsExactly("ok", "d", "__cluster_metadata");
        assertThat(response.topics().get(0).errorCode()).isZero();
        assertError(response.topics().get(1), ErrorCode.INVALID_REQUEST, "Duplicate topic name.");
        assertError(response.topics().get(2), ErrorCode.INVALID_REQUEST,
                "Creation of internal topic __cluster_metadata is prohibited.");
        assertThat(fx.controller.image().topicsByName().keySet()).containsExactly("ok");
    }

    @Test
    void shouldRejectNonPositivePartitionsAndReplicationFactors() {
        String partitions = "Number of partitions was set to an invalid non-positive value.";
        assertError(createOne(topic("t", 0, 1)), ErrorCode.INVALID_PARTITIONS, partitions);
        assertError(createOne(topic("t", -2, 1)), ErrorCode.INVALID_PARTITIONS, partitions);
        String factor = "Replication factor must be larger than 0, or -1 to use the default value.";
        assertError(createOne(topic("t", 1, 0)), ErrorCode.INVALID_REPLICATION_FACTOR, factor);
        assertError(createOne(topic("t", 1, -2)), ErrorCode.INVALID_REPLICATION_FACTOR, factor);
    }

    @Test
    void shouldRejectReplicationFactorAboveLiveBrokersWithKafkasMessage() {
        assertError(createOne(topic("t", 1, 3)), ErrorCode.INVALID_REPLICATION_FACTOR,
                "Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be reached "
                        + "because only 1 broker(s) are registered.");
    }

    @Test
    void shouldRefuseMoreThanTenThousandPartitionsPerRequest() {
        CreateTopicsResponseData response = fx.controller.createTopics(create(topic("a", 6000, 1),
                topic("b", 4001, 1)), V7);
        for (CreatableTopicResult result : response.topics()) {
            assertError(result, ErrorCode.POLICY_VIOLATION, "Excessively large number of partitions per request.");
        }
        assertThat(fx.controller.image().topicsByName()).isEmpty();
        assertThat(createOne(topic("c", 10_000, 1)).errorCode()).isZero();
    }

    @Test
    void shouldCreateFromManualAssignments() {
        CreatableTopicResult result = createOne(assigned("m", List.of(List.of(1), List.of(1))));
        assertThat(result.errorCode()).isZero();
        assertThat(result.numPartitions()).isEqualTo(2);
        assertThat(fx.controller.image().topic("m").partition(1).replicas()).containsExactly(1);
    }

    @Test
    void shouldRejectInvalidManualAssignments() {
        assertError(createOne(assigned("m", List.of(List.of(2)))), ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                "The manual partition assignment includes broker 2, but no such broker is registered.");
        assertError(createOne(assigned("m", List.of(List.of(1, 1)))), ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                "The manual partition assignment includes the broker 1 more than once.");
        assertError(createOne(assigned("m", List.of(List.of()))), ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                "The manual partition assignment includes an empty replica list.");
        CreateTopicsRequestData.CreatableTopic gap = assigned("m", List.of(List.of(1), List.of(1)));
        gap.assignments().get(1).setPartitionIndex(2);
        assertError(createOne(gap), ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                "partitions should be a consecutive 0-based integer sequence");
        CreateTopicsRequestData.CreatableTopic twice = assigned("m", List.of(List.of(1), List.of(1)));
        twice.assignments().get(1).setPartitionIndex(0);
        assertError(createOne(twice), ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                "Found multiple manual partition assignments for partition 0");
        assertError(createOne(assigned("m", List.of(List.of(1))).setReplicationFactor((short) 1)),
                ErrorCode.INVALID_REQUEST,
                "A manual partition assignment was specified, but replication factor was not set to -1.");
        assertError(createOne(assigned("m", List.of(List.of(1))).setNumPartitions(1)), ErrorCode.INVALID_REQUEST,
                "A manual partition assignment was specified, but numPartitions was not set to -1.");
        assertThat(fx.controller.image().topicsByName()).isEmpty();
    }

    @Test
    void shouldRejectInvalidAndNullConfigs() {
        assertError(createOne(topicWithConfigs("t", Map.of("retention.ms", "bad"))), ErrorCode.INVALID_CONFIG,
                "config=retention.ms value=bad reason=bad");
        CreateTopicsRequestData.CreatableTopic nullValue = topicWithConfigs("t", Map.of("retention.ms", "1"));
        nullValue.configs().get(0).setValue(null);
        assertError(createOne(nullValue), ErrorCode.INVALID_CONFIG,
                "Null value not supported for topic configs: retention.ms");
        assertThat(fx.controller.image().topicsByName()).isEmpty();
    }

    @Test
    void shouldValidateOnlyWithoutCreating() {
        long before = fx.controller.image().lastAppliedOffset();
        CreateTopicsResponseData response = fx.controller.createTopics(create(topic("v", 2, 1), topic("v.", 1, 3))
                .setValidateOnly(true), V7);
        assertThat(response.topics().get(0).errorCode()).isZero();
        assertThat(response.topics().get(0).numPartitions()).isEqualTo(2);
        assertThat(response.topics().get(0).topicId()).isEqualTo(Uuid.ZERO_UUID);
        assertThat(response.topics().get(1).errorCode()).isEqualTo(ErrorCode.INVALID_REPLICATION_FACTOR.code());
        assertThat(fx.controller.image().topicsByName()).isEmpty();
        assertThat(fx.controller.image().lastAppliedOffset()).isEqualTo(before);
    }

    @Test
    void shouldCommitWholeRequestAsOneBatchAndNotifyListenersOnce() {
        List<MetadataImage[]> calls = new java.util.ArrayList<>();
        fx.controller.addListener((previous, next) -> calls.add(new MetadataImage[] {previous, next}));
        MetadataImage before = fx.controller.image();
        fx.controller.createTopics(create(topic("a", 2, 1), topic("b", 1, 1)), V7);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)[0]).isSameAs(before);
        assertThat(calls.get(0)[1]).isSameAs(fx.controller.image());
        // TopicRecord a, 2 PartitionRecords, TopicRecord b, 1 PartitionRecord.
        assertThat(fx.controller.image().lastAppliedOffset()).isEqualTo(before.lastAppliedOffset() + 5);
    }

    @Test
    void shouldReportStorageErrorAndPublishNothingWhenTheAppendFails() {
        fx.controller.createTopics(create(topic("kept", 1, 1)), V7);
        MetadataImage before = fx.controller.image();
        List<MetadataImage> seen = new java.util.ArrayList<>();
        fx.controller.addListener((previous, next) -> seen.add(next));
        fx.log.close();
        CreateTopicsResponseData response = fx.controller.createTopics(create(topic("lost", 1, 1),
                topic("kept", 1, 1)), V7);
        assertThat(ErrorCode.forCode(response.topics().get(0).errorCode())).isEqualTo(ErrorCode.KAFKA_STORAGE_ERROR);
        assertThat(response.topics().get(0).topicId()).isEqualTo(Uuid.ZERO_UUID);
        assertThat(ErrorCode.forCode(response.topics().get(1).errorCode()))
                .isEqualTo(ErrorCode.TOPIC_ALREADY_EXISTS);
        assertThat(fx.controller.image()).isSameAs(before);
        assertThat(seen).isEmpty();
        fx.open();
        assertThat(fx.controller.image().topicsByName().keySet()).containsExactly("kept");
    }
}
