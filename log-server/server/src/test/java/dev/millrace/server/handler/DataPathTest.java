package dev.millrace.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.Uuid;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.FetchRequestData;
import dev.millrace.protocol.message.FetchResponseData;
import dev.millrace.protocol.message.ProduceRequestData;
import dev.millrace.protocol.message.ProduceResponseData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.protocol.types.ApiMessage;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.PartitionView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.TestChannels;
import dev.millrace.server.shard.ShardPool;
import dev.millrace.storage.cleaner.CleanerConfig;
import dev.millrace.storage.log.LogConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Produce and Fetch through the real network layer (an embedded channel), real logs in a temp dir,
 * shards stepped by hand and a manual clock: long polls, wake-ups and deadlines are deterministic.
 */
class DataPathTest {
    private static final String TOPIC = "t";
    private static final Uuid TOPIC_ID = new Uuid(12L, 34L);

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime(1_700_000_000_000L);
    private ShardPool shards;
    private LogManager logs;
    private EmbeddedChannel channel;
    private int correlationId;
    private ByteBuffer pending = ByteBuffer.allocate(0);

    @BeforeEach
    void setUp() {
        shards = ShardPool.unstarted(2, time);
        logs = LogManager.open(List.of(dir), time, shards, CleanerConfig.parse(Map.of("log.cleaner.enable", "false")));
        logs.openLog(new TopicPartition(TOPIC, 0), LogConfig.defaults());
        logs.openLog(new TopicPartition(TOPIC, 1), LogConfig.defaults());
        FetchWaiters waiters = new FetchWaiters();
        ClusterView view = new OneTopicView();
        ProduceHandler produce = new ProduceHandler(() -> view, logs, topic -> 1, waiters);
        FetchHandler fetch = new FetchHandler(() -> view, logs, shards, waiters, time);
        channel = TestChannels.embedded(request -> {
            if (request.api() == ApiMessageType.PRODUCE) {
                produce.handle(request);
            } else {
                fetch.handle(request);
            }
        });
    }

    @AfterEach
    void tearDown() {
        channel.close();
        shards.runOnce(time.milliseconds());
        logs.close();
    }

    private void send(ApiMessageType api, short version, ApiMessage body) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(api.apiKey()).setRequestApiVersion(version)
                .setCorrelationId(++correlationId).setClientId("test");
        channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(Frames.writeRequest(header, body)));
    }

    private void step() {
        for (int i = 0; i < 5; i++) {
            shards.runOnce(time.milliseconds());
            channel.runPendingTasks();
        }
    }

    /** The next response frame written to the channel, or null if none is waiting. */
    private <T extends ApiMessage> T response(ApiMessageType api, short version, Class<T> type) {
        ByteBuffer more = TestChannels.drain(channel);
        if (more != null) {
            ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + more.remaining());
            joined.put(pending).put(more).flip();
            pending = joined;
        }
        if (!pending.hasRemaining()) {
            return null;
        }
        int size = Frames.readFrameSize(pending, Integer.MAX_VALUE);
        ByteBuffer frame = pending.slice();
        frame.limit(size);
        pending.position(pending.position() + size);
        return type.cast(Frames.readResponse(frame, api, version).body());
    }

    private static MemoryRecords batch(String... values) {
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(CompressionType.NONE);
        for (String v : values) {
            builder.append(1_700_000_000_000L, null, v.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private ProduceRequestData produce(int partition, MemoryRecords records) {
        return new ProduceRequestData().setAcks((short) 1).setTimeoutMs(1000).setTopicData(List.of(
                new ProduceRequestData.TopicProduceData().setName(TOPIC).setPartitionData(List.of(
                        new ProduceRequestData.PartitionProduceData().setIndex(partition).setRecords(records)))));
    }

    private static FetchRequestData fetch(int maxWaitMs, long offset) {
        return new FetchRequestData().setMaxWaitMs(maxWaitMs).setMinBytes(1).setMaxBytes(1 << 20)
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic(TOPIC).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(offset)
                                .setPartitionMaxBytes(1 << 20)))));
    }

    @Test
    void shouldAppendAndReportBaseOffsets() {
        send(ApiMessageType.PRODUCE, (short) 9, produce(0, batch("a", "b")));
        step();
        ProduceResponseData first = response(ApiMessageType.PRODUCE, (short) 9, ProduceResponseData.class);
        send(ApiMessageType.PRODUCE, (short) 9, produce(0, batch("c")));
        step();
        ProduceResponseData second = response(ApiMessageType.PRODUCE, (short) 9, ProduceResponseData.class);
        assertThat(first.responses().get(0).partitionResponses().get(0).baseOffset()).isZero();
        assertThat(second.responses().get(0).partitionResponses().get(0).baseOffset()).isEqualTo(2);
        assertThat(logs.log(new TopicPartition(TOPIC, 0)).highWatermark()).isEqualTo(3);
    }

    @Test
    void shouldRejectUnknownPartitionAndCorruptBatchWithoutAppending() {
        ByteBuffer copy = ByteBuffer.allocate(batch("x").sizeInBytes());
        copy.put(batch("x").buffer().duplicate()).flip();
        copy.put(copy.limit() - 1, (byte) 'y');
        MemoryRecords corrupt = MemoryRecords.readableRecords(copy);
        send(ApiMessageType.PRODUCE, (short) 9, produce(0, corrupt));
        step();
        ProduceResponseData bad = response(ApiMessageType.PRODUCE, (short) 9, ProduceResponseData.class);
        send(ApiMessageType.PRODUCE, (short) 9, produce(7, batch("x")));
        step();
        ProduceResponseData unknown = response(ApiMessageType.PRODUCE, (short) 9, ProduceResponseData.class);
        assertThat(bad.responses().get(0).partitionResponses().get(0).errorCode())
                .isEqualTo(ErrorCode.CORRUPT_MESSAGE.code());
        assertThat(unknown.responses().get(0).partitionResponses().get(0).errorCode())
                .isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
        assertThat(logs.log(new TopicPartition(TOPIC, 0)).logEndOffset()).isZero();
    }

    @Test
    void shouldHoldAFetchUntilDataArrives() {
        send(ApiMessageType.FETCH, (short) 12, fetch(500, 0));
        step();
        assertThat(response(ApiMessageType.FETCH, (short) 12, FetchResponseData.class)).as("still waiting").isNull();
        time.advance(100);
        send(ApiMessageType.PRODUCE, (short) 9, produce(0, batch("late")));
        step();
        FetchResponseData fetched = response(ApiMessageType.FETCH, (short) 12, FetchResponseData.class);
        assertThat(fetched).as("the append woke the fetch before its deadline").isNotNull();
        assertThat(time.milliseconds()).isLessThan(1_700_000_000_500L);
        FetchResponseData.PartitionData pd = fetched.responses().get(0).partitions().get(0);
        assertThat(pd.highWatermark()).isEqualTo(1);
        assertThat(pd.records().sizeInBytes()).isPositive();
    }

    @Test
    void shouldAnswerAnEmptyFetchAtItsDeadline() {
        send(ApiMessageType.FETCH, (short) 12, fetch(500, 0));
        step();
        time.advance(499);
        step();
        assertThat(response(ApiMessageType.FETCH, (short) 12, FetchResponseData.class)).isNull();
        time.advance(1);
        step();
        FetchResponseData fetched = response(ApiMessageType.FETCH, (short) 12, FetchResponseData.class);
        assertThat(fetched.responses().get(0).partitions()).singleElement()
                .satisfies(p -> assertThat(p.records().sizeInBytes()).isZero());
    }

    @Test
    void shouldReportOffsetOutOfRangeAtOnce() {
        send(ApiMessageType.FETCH, (short) 12, fetch(500, 42));
        step();
        FetchResponseData fetched = response(ApiMessageType.FETCH, (short) 12, FetchResponseData.class);
        assertThat(fetched.responses().get(0).partitions().get(0).errorCode())
                .isEqualTo(ErrorCode.OFFSET_OUT_OF_RANGE.code());
    }

    private static final class OneTopicView implements ClusterView {
        private final TopicView topic = new TopicView(TOPIC, TOPIC_ID, false, List.of(
                new PartitionView(0, 1, 0, List.of(1), List.of(1)), new PartitionView(1, 1, 0, List.of(1), List.of(1))));

        @Override
        public String clusterId() {
            return "cluster";
        }

        @Override
        public int nodeId() {
            return 1;
        }

        @Override
        public TopicView topic(String name) {
            return TOPIC.equals(name) ? topic : null;
        }

        @Override
        public TopicView topic(Uuid id) {
            return TOPIC_ID.equals(id) ? topic : null;
        }

        @Override
        public Collection<TopicView> topics() {
            return List.of(topic);
        }

        @Override
        public Map<String, String> topicConfigs(String name) {
            return Map.of();
        }

        @Override
        public Map<String, String> defaultBrokerConfigs() {
            return Map.of();
        }

        @Override
        public Map<String, String> brokerConfigs(int nodeId) {
            return Map.of();
        }
    }
}
