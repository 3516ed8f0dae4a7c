package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic administration with Apache Kafka's Admin client: one server for the class, one topic name per test. */
@Tag("integration")
class AdminTopicsIT {
    @TempDir
    static Path dir;
    static ServerFixture fixture;
    static Admin admin;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(dir);
        admin = Clients.admin(fixture.bootstrap());
    }

    @AfterAll
    static void stop() {
        admin.close();
        fixture.close();
    }

    @Test
    void shouldCreateListDescribeAndDeleteTopic() throws Exception {
        CreateTopicsResult created = admin.createTopics(List.of(new NewTopic("lifecycle", 3, (short) 1)));
        created.all().get();
        assertThat(created.numPartitions("lifecycle").get()).isEqualTo(3);
        assertThat(created.replicationFactor("lifecycle").get()).isEqualTo(1);
        Uuid id = created.topicId("lifecycle").get();
        assertThat(id).isNotEqualTo(Uuid.ZERO_UUID);
        assertThat(admin.listTopics().names().get()).contains("lifecycle");

        TopicDescription description = admin.describeTopics(List.of("lifecycle")).allTopicNames().get()
                .get("lifecycle");
        assertThat(description.topicId()).isEqualTo(id);
        assertThat(description.isInternal()).isFalse();
        assertThat(description.partitions()).extracting(TopicPartitionInfo::partition).containsExactly(0, 1, 2);
        int nodeId = fixture.server().config().nodeId();
        assertThat(description.partitions()).allSatisfy(p -> {
            assertThat(p.leader().id()).isEqualTo(nodeId);
            assertThat(p.replicas()).extracting(Node::id).containsExactly(nodeId);
            assertThat(p.isr()).extracting(Node::id).containsExactly(nodeId);
        });

        admin.deleteTopics(List.of("lifecycle")).all().get();
        Clients.awaitCondition("topic lifecycle gone from listTopics", () -> !names().contains("lifecycle"));
        assertThatThrownBy(() -> admin.describeTopics(List.of("lifecycle")).allTopicNames().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void shouldValidateWithoutCreatingWhenValidateOnly() throws Exception {
        admin.createTopics(List.of(new NewTopic("validate-only", 2, (short) 1)),
                new CreateTopicsOptions().validateOnly(true)).all().get();
        assertThat(admin.listTopics().names().get()).doesNotContain("validate-only");
        assertThat(fixture.server().metadataImage().topic("validate-only")).isNull();
    }

    @Test
    void shouldRejectTopicThatAlreadyExists() throws Exception {
        admin.createTopics(List.of(new NewTopic("exists-twice", 1, (short) 1))).all().get();
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("exists-twice", 1, (short) 1))).all().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicExistsException.class);
    }

    @Test
    void shouldRejectInvalidTopicNames() {
        for (String name : List.of("bad name", "slash/name", "..", "x".repeat(250))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get())
                    .as("name=%s", name)
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidTopicException.class);
        }
    }

    @Test
    void shouldRejectReplicationFactorAboveBrokerCount() {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("three-replicas", 1, (short) 3))).all()
                .get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InvalidReplicationFactorException.class);
    }

    @Test
    void shouldCreateWithBrokerDefaultsWhenCountsAreUnset() throws Exception {
        CreateTopicsResult created = admin.createTopics(List.of(new NewTopic("defaults", Optional.empty(),
                Optional.empty())));
        created.all().get();
        assertThat(created.numPartitions("defaults").get()).isEqualTo(1);
        assertThat(created.replicationFactor("defaults").get()).isEqualTo(1);
    }

    @Test
    void shouldAddPartitionsAndRefuseToShrink() throws Exception {
        admin.createTopics(List.of(new NewTopic("growing", 2, (short) 1))).all().get();
        admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(5))).all().get();
        Clients.awaitCondition("growing has 5 partitions", () -> partitionCount("growing") == 5);
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            long offset = producer.send(new ProducerRecord<>("growing", 4, null, Clients.utf8("v"))).get().offset();
            assertThat(offset).isZero();
        }
        assertThatThrownBy(() -> admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(3))).all().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidPartitionsException.class);
        assertThatThrownBy(() -> admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(5))).all().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidPartitionsException.class);
        assertThatThrownBy(() -> admin.createPartitions(Map.of("no-such-topic", NewPartitions.increaseTo(5))).all()
                .get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThat(partitionCount("growing")).isEqualTo(5);
    }

    @Test
    void shouldDescribeClusterWithThisNodeAsController() throws Exception {
        DescribeClusterResult cluster = admin.describeCluster();
        int nodeId = fixture.server().config().nodeId();
        assertThat(cluster.clusterId().get()).isEqualTo(fixture.server().clusterId());
        assertThat(cluster.controller().get().id()).isEqualTo(nodeId);
        assertThat(cluster.nodes().get()).singleElement().satisfies(node -> {
            assertThat(node.id()).isEqualTo(nodeId);
            assertThat(node.host()).isEqualTo("127.0.0.1");
            assertThat(node.port()).isEqualTo(fixture.server().port());
        });
    }

    @Test
    void shouldDescribeLogDirsWithPartitionSizes() throws Exception {
        admin.createTopics(List.of(new NewTopic("sized", 2, (short) 1))).all().get();
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            producer.send(new ProducerRecord<>("sized", 1, null, new byte[1000])).get();
        }
        int nodeId = fixture.server().config().nodeId();
        Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(nodeId)).allDescriptions().get()
                .get(nodeId);
        assertThat(dirs).hasSize(1);
        Map.Entry<String, LogDirDescription> only = dirs.entrySet().iterator().next();
        assertThat(Path.of(only.getKey())).isEqualTo(dir.resolve("data").toAbsolutePath());
        LogDirDescription description = only.getValue();
        assertThat(description.error()).isNull();
        assertThat(description.totalBytes()).isPresent();
        assertThat(description.usableBytes()).isPresent();
        Map<TopicPartition, ReplicaInfo> replicas = description.replicaInfos();
        assertThat(replicas).containsKeys(new TopicPartition("sized", 0), new TopicPartition("sized", 1));
        assertThat(replicas.get(new TopicPartition("sized", 0)).size()).isZero();
        assertThat(replicas.get(new TopicPartition("sized", 1)).size()).isGreaterThan(1000);
        assertThat(replicas.get(new TopicPartition("sized", 1)).isFuture()).isFalse();
    }

    private static Set<String> names() {
        try {
            return admin.listTopics().names().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("listTopics failed", e);
        }
    }

    private static int partitionCount(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("describeTopics failed topic=" + topic, e);
        }
    }
}
