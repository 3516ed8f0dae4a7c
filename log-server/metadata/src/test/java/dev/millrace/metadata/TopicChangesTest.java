package dev.millrace.metadata;

import static dev.millrace.metadata.Requests.create;
import static dev.millrace.metadata.Requests.deleteById;
import static dev.millrace.metadata.Requests.deleteByName;
import static dev.millrace.metadata.Requests.grow;
import static dev.millrace.metadata.Requests.topic;
import static dev.millrace.metadata.Requests.topicWithConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.CreatePartitionsResponseData;
import dev.millrace.protocol.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.DeleteTopicsResponseData.DeletableTopicResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeleteTopics and CreatePartitions. */
class TopicChangesTest {
    @TempDir
    Path dir;
    private ControllerFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ControllerFixture(dir);
        fx.controller.createTopics(create(topic("a", 1, 1), topicWithConfigs("b", Map.of("retention.ms", "5")),
                topic("__consumer_offsets", 2, 1)), (short) 7);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Uuid id(String name) {
        return fx.controller.image().topic(name).id();
    }

    @Test
    void shouldDeleteByNameAndDropTheTopicsConfigs() {
        Uuid b = id("b");
        DeleteTopicsResponseData response = fx.controller.deleteTopics(deleteByName("b", "missing"), (short) 5);
        assertThat(response.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::errorCode)
                .containsExactlyInAnyOrder(tuple("b", (short) 0),
                        tuple("missing", ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code()));
        assertThat(response.responses()).filteredOn(r -> r.name().equals("b")).extracting(
                DeletableTopicResult::topicId).containsExactly(b);
        assertThat(fx.controller.image().topic("b")).isNull();
        assertThat(fx.controller.image().topic(b)).isNull();
        assertThat(fx.controller.image().allTopicConfigs()).isEmpty();
    }

    @Test
    void shouldDeleteByIdAndReportUnknownIds() {
        Uuid a = id("a");
        Uuid unknown = new Uuid(42, 42);
        DeleteTopicsResponseData response = fx.controller.deleteTopics(deleteById(a, unknown), (short) 6);
        assertThat(response.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::topicId,
                DeletableTopicResult::errorCode).containsExactlyInAnyOrder(tuple("a", a, (short) 0),
                tuple(null, unknown, ErrorCode.UNKNOWN_TOPIC_ID.code()));
        assertThat(fx.controller.image().topic("a")).isNull();
    }

    @Test
    void shouldAllowDeletingAnInternalTopicAsKafkaDoes() {
        DeleteTopicsResponseData response = fx.controller.deleteTopics(deleteByName("__consumer_offsets"), (short) 6);
        assertThat(response.responses().get(0).errorCode()).isZero();
        assertThat(MetadataImage.isInternal("__consumer_offsets")).isTrue();
        assertThat(MetadataImage.isInternal("a")).isFalse();
    }

    @Test
    void shouldRejectDuplicatesAndNameThatRepeatsAnId() {
        Uuid a = id("a");
        DeleteTopicsRequestData request = deleteById(a, a);
        request.topics().add(new DeleteTopicsRequestData.DeleteTopicState().setName("b"));
        request.topics().add(new DeleteTopicsRequestData.DeleteTopicState().setName("b"));
        DeleteTopicsResponseData response = fx.controller.deleteTopics(request, (short) 6);
        assertThat(response.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::errorCode,
                DeletableTopicResult::errorMessage).containsExactly(
                tuple(null, ErrorCode.INVALID_REQUEST.code(), "Duplicate topic id."),
                tuple("b", ErrorCode.INVALID_REQUEST.code(), "Duplicate topic name."));
        assertThat(fx.controller.image().topicsByName()).containsKeys("a", "b");
        DeleteTopicsRequestData both = deleteById(a);
        both.topics().add(new DeleteTopicsRequestData.DeleteTopicState().setName("a"));
        assertThat(fx.controller.deleteTopics(both, (short) 6).responses()).extracting(
                DeletableTopicResult::errorCode, DeletableTopicResult::errorMessage).contains(
                tuple(ErrorCode.INVALID_REQUEST.code(),
                        "The provided topic name maps to an ID that was already supplied."),
                tuple((short) 0, null));
    }

    @Test
    void shouldFailWholeDeleteRequestWhenAnEntryHasBothOrNeitherNameAndId() {
        DeleteTopicsRequestData request = deleteById(id("a"));
        request.topics().get(0).setName("a");
        DeleteTopicsResponseData response = fx.controller.deleteTopics(request, (short) 6);
        assertThat(response.responses()).extracting(DeletableTopicResult::errorCode,
                DeletableTopicResult::errorMessage).containsExactly(tuple(ErrorCode.INVALID_REQUEST.code(),
                "You may not specify both topic name and topic id."));
        DeleteTopicsRequestData neither = deleteById(Uuid.ZERO_UUID);
        assertThat(fx.controller.deleteTopics(neither, (short) 6).responses().get(0).errorMessage())
                .isEqualTo("Neither topic name nor id were specified.");
        assertThat(fx.controller.image().topic("a")).isNotNull();
    }

    private CreatePartitionsTopicResult growOne(String name, int count, List<List<Integer>> assignments) {
        CreatePartitionsResponseData response = fx.controller.createPartitions(grow(name, count, assignments),
                (short) 3);
        assertThat(response.results()).hasSize(1);
        return response.results().get(0);
    }

    @Test
    void shouldAddPartitionsKeepingTheTopicId() {
        Uuid a = id("a");
        assertThat(growOne("a", 3, null).errorCode()).isZero();
        TopicImage topic = fx.controller.image().topic("a");
        assertThat(topic.id()).isEqualTo(a);
        assertThat(topic.partitions().keySet()).containsExactly(0, 1, 2);
        assertThat(topic.partition(2)).isEqualTo(new PartitionImage(2, 1, 0, 0, List.of(1), List.of(1)));
        assertThat(growOne("a", 4, List.of(List.of(1))).errorCode()).isZero();
        assertThat(fx.controller.image().topic("a").numPartitions()).isEqualTo(4);
    }

    @Test
    void shouldRejectCountsThatDoNotGrowTheTopic() {
        CreatePartitionsTopicResult same = growOne("__consumer_offsets", 2, null);
        assertThat(same.errorCode()).isEqualTo(ErrorCode.INVALID_PARTITIONS.code());
        assertThat(same.errorMessage()).isEqualTo("Topic already has 2 partition(s).");
        CreatePartitionsTopicResult less = growOne("__consumer_offsets", 1, null);
        assertThat(less.errorCode()).isEqualTo(ErrorCode.INVALID_PARTITIONS.code());
        assertThat(less.errorMessage())
                .isEqualTo("The topic __consumer_offsets currently has 2 partition(s); 1 would not be an increase.");
    }

    @Test
    void shouldRejectUnknownTopicsBadAssignmentsAndDuplicates() {
        CreatePartitionsTopicResult unknown = growOne("missing", 2, null);
        assertThat(unknown.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
        CreatePartitionsTopicResult count = growOne("a", 3, List.of(List.of(1)));
        assertThat(count.errorCode()).isEqualTo(ErrorCode.INVALID_REPLICA_ASSIGNMENT.code());
        assertThat(count.errorMessage())
                .isEqualTo("Attempted to add 2 additional partition(s), but only 1 assignment(s) were specified.");
        CreatePartitionsTopicResult broker = growOne("a", 2, List.of(List.of(7)));
        assertThat(broker.errorMessage())
                .isEqualTo("The manual partition assignment includes broker 7, but no such broker is registered.");
        var request = grow("a", 2, null);
        request.topics().add(grow("a", 3, null).topics().get(0));
        assertThat(fx.controller.createPartitions(request, (short) 3).results()).extracting(
                CreatePartitionsTopicResult::errorCode, CreatePartitionsTopicResult::errorMessage)
                .containsExactly(tuple(ErrorCode.INVALID_REQUEST.code(), "Duplicate topic name."));
        assertThat(growOne("a", 20_000, null).errorCode()).isEqualTo(ErrorCode.POLICY_VIOLATION.code());
        assertThat(fx.controller.image().topic("a").numPartitions()).isEqualTo(1);
    }

    @Test
    void shouldValidateOnlyWithoutAddingPartitions() {
        var request = grow("a", 5, null).setValidateOnly(true);
        assertThat(fx.controller.createPartitions(request, (short) 3).results().get(0).errorCode()).isZero();
        assertThat(fx.controller.image().topic("a").numPartitions()).isEqualTo(1);
    }
}
