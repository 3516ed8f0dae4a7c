package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.clients.network.BlockingConnection;
import dev.millrace.clients.network.ConnectionConfig;
import dev.millrace.common.Uuid;
import dev.millrace.common.errors.NetworkException;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.ListOffsetsRequestData;
import dev.millrace.protocol.message.ListOffsetsResponseData;
import dev.millrace.protocol.message.MetadataRequestData;
import dev.millrace.protocol.message.MetadataResponseData;
import dev.millrace.protocol.message.ProduceRequestData;
import dev.millrace.protocol.message.ProduceResponseData;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.ControlRecordType;
import dev.millrace.protocol.record.EndTransactionMarker;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Produce requests with bad record batches, built by hand and sent over a raw connection: each bad
 * partition gets its own error code and nothing is appended to it (its log end offset, read back
 * with ListOffsets, does not move), while good partitions of the same request are appended.
 */
@Tag("integration")
class CorruptBatchIT {
    private static final String TOPIC = "corrupt-batches";
    private static final short NAME_VERSION = 12;
    private static final int TIMEOUT_MS = 30_000;

    @TempDir
    static Path dir;
    private static ServerFixture fixture;
    private static Uuid topicId;

    @BeforeAll
    static void startServerAndCreateTopic() {
        fixture = new ServerFixture(dir);
        try (BlockingConnection conn = open()) {
            CreateTopicsRequestData create = new CreateTopicsRequestData().setTimeoutMs(TIMEOUT_MS);
            create.topics().add(new CreateTopicsRequestData.CreatableTopic().setName(TOPIC).setNumPartitions(2)
                    .setReplicationFactor((short) 1));
            CreateTopicsResponseData created = conn.send(create, CreateTopicsResponseData.class);
            assertThat(created.topics().get(0).errorCode()).as("create %s", TOPIC).isZero();
            MetadataRequestData metadata = new MetadataRequestData().setAllowAutoTopicCreation(false);
            metadata.topics().add(new MetadataRequestData.MetadataRequestTopic().setName(TOPIC));
            topicId = conn.send(metadata, MetadataResponseData.class).topics().get(0).topicId();
            assertThat(topicId).isNotEqualTo(Uuid.ZERO_UUID);
            long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
            while (produce(conn, NAME_VERSION, (short) -1, batch(0, "warm-up"), batch(1, "warm-up"))
                    .stream().anyMatch(e -> e != 0)) {
                assertThat(System.nanoTime()).as("partitions of %s never became writable", TOPIC).isLessThan(deadline);
            }
        }
    }

    @AfterAll
    static void stopServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "produce v{0}")
    @ValueSource(shorts = {3, 8, 9, 12, 13})
    void shouldRejectBatchWithBadCrcAndAppendOtherPartitionOfSameRequest(short version) {
        try (BlockingConnection conn = open()) {
            long before0 = logEndOffset(conn, 0);
            long before1 = logEndOffset(conn, 1);
            MemoryRecords bad = flipByte(records("a", "b", "c"), 70);
            List<Short> errors = produce(conn, version, (short) -1, new PartitionBatch(0, bad),
                    new PartitionBatch(1, records("x", "y")));
            assertThat(errors).as("produce v%s errors per partition [0, 1]", version)
                    .containsExactly(ErrorCode.CORRUPT_MESSAGE.code(), (short) 0);
            assertThat(logEndOffset(conn, 0)).as("partition 0 after a bad CRC").isEqualTo(before0);
            assertThat(logEndOffset(conn, 1)).as("partition 1 after a good batch").isEqualTo(before1 + 2);
        }
    }

    @Test
    void shouldRejectMagicOneBatchWithInvalidRecord() {
        MemoryRecords magic1 = withByte(records("old"), 16, (byte) 1);
        expectRejected(NAME_VERSION, (short) 1, magic1, ErrorCode.INVALID_RECORD);
    }

    @Test
    void shouldRejectTwoBatchesInOnePartitionWithInvalidRecord() {
        MemoryRecords first = records("one");
        MemoryRecords second = records("two");
        ByteBuffer both = ByteBuffer.allocate(first.sizeInBytes() + second.sizeInBytes());
        both.put(first.buffer().duplicate()).put(second.buffer().duplicate()).flip();
        expectRejected(NAME_VERSION, (short) 1, MemoryRecords.readableRecords(both), ErrorCode.INVALID_RECORD);
    }

    @Test
    void shouldRejectZstdBelowProduceVersionSeven() {
        MemoryRecords zstd = new RecordBatchBuilder().compression(CompressionType.ZSTD)
                .append(System.currentTimeMillis(), null, bytes("squeezed")).build();
        expectRejected((short) 6, (short) 1, zstd, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
        try (BlockingConnection conn = open()) {
            long before = logEndOffset(conn, 0);
            MemoryRecords again = new RecordBatchBuilder().compression(CompressionType.ZSTD)
                    .append(System.currentTimeMillis(), null, bytes("squeezed")).build();
            assertThat(produce(conn, (short) 7, (short) 1, new PartitionBatch(0, again)))
                    .as("zstd at produce v7").containsExactly((short) 0);
            assertThat(logEndOffset(conn, 0)).isEqualTo(before + 1);
        }
    }

    @Test
    void shouldRejectControlBatchFromClientWithInvalidRecord() {
        MemoryRecords marker = new RecordBatchBuilder().control(true).transactional(true)
                .producerState(4242L, (short) 0, 0)
                .appendEndTxnMarker(System.currentTimeMillis(), new EndTransactionMarker(ControlRecordType.COMMIT, 0))
                .build();
        expectRejected(NAME_VERSION, (short) 1, marker, ErrorCode.INVALID_RECORD);
    }

    @Test
    void shouldRejectAcksOtherThanMinusOneZeroOrOne() {
        expectRejected(NAME_VERSION, (short) 5, records("acks-five"), ErrorCode.INVALID_REQUIRED_ACKS);
    }

    @Test
    void shouldCloseConnectionWhenAcksZeroProduceHasBadBatch() {
        try (BlockingConnection conn = open(); BlockingConnection probe = open()) {
            long before = logEndOffset(probe, 0);
            ProduceRequestData request = request((short) 0, new PartitionBatch(0, flipByte(records("lost"), 70)));
            conn.sendWithoutResponse(request, NAME_VERSION);
            assertThatThrownBy(() -> conn.send(new MetadataRequestData().setTopics(new ArrayList<>()),
                    MetadataResponseData.class))
                    .as("the request after a failed acks=0 produce must find the connection closed")
                    .isInstanceOf(NetworkException.class);
            assertThat(logEndOffset(probe, 0)).isEqualTo(before);
        }
    }

    @Test
    void shouldAnswerAcksZeroProduceOfGoodBatchWithNothingAndAppendIt() {
        try (BlockingConnection conn = open()) {
            long before = logEndOffset(conn, 1);
            conn.sendWithoutResponse(request((short) 0, new PartitionBatch(1, records("quiet"))), NAME_VERSION);
            // The next response on this connection must be the Metadata one (no Produce response in between).
            conn.send(new MetadataRequestData().setTopics(new ArrayList<>()), MetadataResponseData.class);
            long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
            while (logEndOffset(conn, 1) != before + 1) {
                assertThat(System.nanoTime()).as("acks=0 record never appended").isLessThan(deadline);
            }
        }
    }

    @Test
    void shouldRejectProduceToUnknownTopicName() {
        expectUnknown(NAME_VERSION, topic("no-such-topic", null, 0, records("void")),
                ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void shouldRejectProduceToUnknownPartitionOfKnownTopic() {
        expectUnknown(NAME_VERSION, topic(TOPIC, topicId, 7, records("void")), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void shouldRejectProduceToUnknownTopicId() {
        expectUnknown((short) 13, topic("", Uuid.randomUuid(), 0, records("void")), ErrorCode.UNKNOWN_TOPIC_ID);
    }

    private static void expectUnknown(short version, ProduceRequestData.TopicProduceData topic, ErrorCode expected) {
        try (BlockingConnection conn = open()) {
            ProduceRequestData request = new ProduceRequestData().setAcks((short) 1).setTimeoutMs(TIMEOUT_MS);
            request.topicData().add(topic);
            ProduceResponseData response = conn.send(request, version, ProduceResponseData.class, TIMEOUT_MS);
            assertThat(errorCodes(response)).as("produce v%s", version).containsExactly(expected.code());
        }
    }

    private static void expectRejected(short version, short acks, MemoryRecords bad, ErrorCode expected) {
        try (BlockingConnection conn = open()) {
            long before = logEndOffset(conn, 0);
            assertThat(produce(conn, version, acks, new PartitionBatch(0, bad)))
                    .as("produce v%s acks=%s", version, acks).containsExactly(expected.code());
            assertThat(logEndOffset(conn, 0)).as("log end offset after a rejected batch").isEqualTo(before);
        }
    }

    private static BlockingConnection open() {
        return BlockingConnection.open("127.0.0.1", fixture.server().port(),
                ConnectionConfig.defaults("corrupt-batch-it").withRequestTimeoutMs(TIMEOUT_MS));
    }

    private static List<Short> produce(BlockingConnection conn, short version, short acks, PartitionBatch... batches) {
        ProduceRequestData request = request(acks, batches);
        return errorCodes(conn.send(request, version, ProduceResponseData.class, TIMEOUT_MS));
    }

    private static ProduceRequestData request(short acks, PartitionBatch... batches) {
        ProduceRequestData.TopicProduceData topic = topic(TOPIC, topicId, -1, null);
        for (PartitionBatch b : batches) {
            topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(b.partition())
                    .setRecords(b.records()));
        }
        ProduceRequestData request = new ProduceRequestData().setAcks(acks).setTimeoutMs(TIMEOUT_MS);
        request.topicData().add(topic);
        return request;
    }

    private static ProduceRequestData.TopicProduceData topic(String name, Uuid id, int partition,
                                                             MemoryRecords records) {
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData().setName(name)
                .setTopicId(id == null ? Uuid.ZERO_UUID : id);
        if (partition >= 0) {
            topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(partition)
                    .setRecords(records));
        }
        return topic;
    }

    private static List<Short> errorCodes(ProduceResponseData response) {
        List<Short> codes = new ArrayList<>();
        for (ProduceResponseData.TopicProduceResponse t : response.responses()) {
            for (ProduceResponseData.PartitionProduceResponse p : t.partitionResponses()) {
                codes.add(p.errorCode());
            }
        }
        return codes;
    }

    private static long logEndOffset(BlockingConnection conn, int partition) {
        ListOffsetsRequestData request = new ListOffsetsRequestData().setReplicaId(-1);
        ListOffsetsRequestData.ListOffsetsTopic topic = new ListOffsetsRequestData.ListOffsetsTopic().setName(TOPIC);
        topic.partitions().add(new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(partition)
                .setTimestamp(-1L));
        request.topics().add(topic);
        ListOffsetsResponseData.ListOffsetsPartitionResponse p = conn.send(request, ListOffsetsResponseData.class)
                .topics().get(0).partitions().get(0);
        assertThat(p.errorCode()).as("ListOffsets error for partition %s", partition).isZero();
        return p.offset();
    }

    private static PartitionBatch batch(int partition, String value) {
        return new PartitionBatch(partition, records(value));
    }

    private static MemoryRecords records(String... values) {
        RecordBatchBuilder builder = new RecordBatchBuilder();
        long now = System.currentTimeMillis();
        for (String value : values) {
            builder.append(now, bytes("k-" + value), bytes(value));
        }
        return builder.build();
    }

    /** Flips every bit of the byte at {@code index} of the batch (past offset 21 it is covered by the CRC). */
    private static MemoryRecords flipByte(MemoryRecords records, int index) {
        return withByte(records, index, (byte) ~records.buffer().get(records.buffer().position() + index));
    }

    /** A copy of {@code records} with the byte at {@code index} replaced. */
    private static MemoryRecords withByte(MemoryRecords records, int index, byte value) {
        ByteBuffer copy = ByteBuffer.allocate(records.sizeInBytes());
        copy.put(records.buffer().duplicate()).flip();
        copy.put(index, value);
        return MemoryRecords.readableRecords(copy);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record PartitionBatch(int partition, MemoryRecords records) {
    }
}
