package dev.millrace.it;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsRequestData;
import dev.millrace.protocol.message.DescribeClusterRequestData;
import dev.millrace.protocol.message.DescribeConfigsRequestData;
import dev.millrace.protocol.message.DescribeLogDirsRequestData;
import dev.millrace.protocol.message.FetchRequestData;
import dev.millrace.protocol.message.InitProducerIdRequestData;
import dev.millrace.protocol.message.ListOffsetsRequestData;
import dev.millrace.protocol.message.MetadataRequestData;
import dev.millrace.protocol.message.OffsetForLeaderEpochRequestData;
import dev.millrace.protocol.message.ProduceRequestData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.protocol.types.ApiMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded source of request frames for {@link FrameFuzzIT}: well-formed requests of the read-only and
 * produce APIs (every version the codebase knows) aimed at one sacrificial topic, and hostile
 * variants of them (mutated bodies, lying size prefixes, unknown API keys, unsupported versions,
 * raw garbage, truncation). Every frame returned is complete bytes as they go on the wire, size
 * prefix included. Deterministic for a given {@link Random}; not thread-safe.
 */
final class FuzzRequests {
    private static final ApiMessageType[] TEMPLATE_APIS = {ApiMessageType.API_VERSIONS, ApiMessageType.METADATA,
        ApiMessageType.PRODUCE, ApiMessageType.FETCH, ApiMessageType.LIST_OFFSETS, ApiMessageType.DESCRIBE_CONFIGS,
        ApiMessageType.DESCRIBE_CLUSTER, ApiMessageType.INIT_PRODUCER_ID, ApiMessageType.OFFSET_FOR_LEADER_EPOCH,
        ApiMessageType.DESCRIBE_LOG_DIRS};
    private static final int[] EXTREME_INTS = {-1, 0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 0xffff,
        -2, 0x10000, 0x3fffffff};

    private final Random random;
    private final String topic;
    private final Uuid topicId;
    private final int maxRequestBytes;
    private int nextCorrelationId = 1;

    FuzzRequests(Random random, String topic, Uuid topicId, int maxRequestBytes) {
        this.random = random;
        this.topic = topic;
        this.topicId = topicId;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** A well-formed request of a random template API and version. */
    byte[] valid() {
        ApiMessageType api = TEMPLATE_APIS[random.nextInt(TEMPLATE_APIS.length)];
        short version = (short) (api.lowestSupportedVersion()
                + random.nextInt(api.highestSupportedVersion() - api.lowestSupportedVersion() + 1));
        return frame(api.apiKey(), version, body(api, version));
    }

    /** One hostile frame (or byte run) of a randomly chosen kind. */
    byte[] hostile() {
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> mutateBody(valid());
            case 3 -> lyingSize(valid());
            case 4 -> unknownApiKey();
            case 5 -> unsupportedVersion();
            case 6 -> garbage();
            case 7 -> mutateHeader(valid());
            default -> otherApiBody();
        };
    }

    /** The first {@code 1..length-1} bytes of a valid frame: the server must simply wait for the rest. */
    byte[] truncated() {
        byte[] frame = valid();
        return Arrays.copyOf(frame, 1 + random.nextInt(frame.length - 1));
    }

    private byte[] frame(short apiKey, short version, ApiMessage body) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(apiKey).setRequestApiVersion(version)
                .setCorrelationId(nextCorrelationId++).setClientId(random.nextInt(4) == 0 ? null : "fuzz");
        ByteBuffer buffer = Frames.writeRequest(header, body);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private ApiMessage body(ApiMessageType api, short version) {
        return switch (api) {
            case API_VERSIONS -> version >= 3
                    ? new ApiVersionsRequestData().setClientSoftwareName("fuzz").setClientSoftwareVersion("1.0")
                    : new ApiVersionsRequestData();
            case METADATA -> metadata(version);
            case PRODUCE -> produce(version);
            case FETCH -> fetch(version);
            case LIST_OFFSETS -> listOffsets();
            case DESCRIBE_CONFIGS -> describeConfigs();
            case DESCRIBE_CLUSTER -> new DescribeClusterRequestData();
            case INIT_PRODUCER_ID -> new InitProducerIdRequestData().setTransactionalId(null)
                    .setTransactionTimeoutMs(60_000);
            case OFFSET_FOR_LEADER_EPOCH -> offsetForLeaderEpoch();
            case DESCRIBE_LOG_DIRS -> new DescribeLogDirsRequestData().setTopics(null);
            default -> throw new IllegalArgumentException("api=" + api + " reason=noTemplate");
        };
    }

    private MetadataRequestData metadata(short version) {
        MetadataRequestData m = new MetadataRequestData();
        if (version >= 1 && random.nextBoolean()) {
            m.setTopics(null);
        } else {
            m.topics().add(new MetadataRequestData.MetadataRequestTopic().setName(topic));
        }
        if (version >= 4) {
            m.setAllowAutoTopicCreation(random.nextBoolean());
        }
        return m;
    }

    private ProduceRequestData produce(short version) {
        short[] acks = {1, -1, 0};
        CompressionType[] codecs = CompressionType.values();
        CompressionType codec = codecs[random.nextInt(codecs.length)];
        if (codec == CompressionType.ZSTD && version < 7) {
            codec = CompressionType.GZIP;
        }
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(codec);
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[random.nextInt(64)];
            random.nextBytes(value);
            builder.append(System.currentTimeMillis(), ("k" + i).getBytes(StandardCharsets.UTF_8), value);
        }
        MemoryRecords records = builder.build();
        ProduceRequestData.TopicProduceData t = new ProduceRequestData.TopicProduceData().setName(topic)
                .setTopicId(topicId);
        t.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(random.nextInt(2))
                .setRecords(records));
        ProduceRequestData p = new ProduceRequestData().setAcks(acks[random.nextInt(acks.length)]).setTimeoutMs(30_000);
        p.topicData().add(t);
        return p;
    }

    private FetchRequestData fetch(short version) {
        FetchRequestData.FetchTopic t = new FetchRequestData.FetchTopic().setTopic(topic).setTopicId(topicId);
        t.partitions().add(new FetchRequestData.FetchPartition().setPartition(random.nextInt(2))
                .setFetchOffset(random.nextInt(8)).setPartitionMaxBytes(1 << 20));
        FetchRequestData f = new FetchRequestData().setMaxWaitMs(random.nextInt(100)).setMinBytes(random.nextInt(2))
                .setMaxBytes(1 << 20);
        f.topics().add(t);
        return f;
    }

    private ListOffsetsRequestData listOffsets() {
        ListOffsetsRequestData.ListOffsetsTopic t = new ListOffsetsRequestData.ListOffsetsTopic().setName(topic);
        t.partitions().add(new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(random.nextInt(2))
                .setTimestamp(random.nextBoolean() ? -1L : -2L));
        ListOffsetsRequestData l = new ListOffsetsRequestData().setReplicaId(-1);
        l.topics().add(t);
        return l;
    }

    private DescribeConfigsRequestData describeConfigs() {
        DescribeConfigsRequestData d = new DescribeConfigsRequestData();
        d.resources().add(new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 2)
                .setResourceName(topic).setConfigurationKeys(null));
        return d;
    }

    private OffsetForLeaderEpochRequestData offsetForLeaderEpoch() {
        OffsetForLeaderEpochRequestData.OffsetForLeaderTopic t = new OffsetForLeaderEpochRequestData
                .OffsetForLeaderTopic().setTopic(topic);
        t.partitions().add(new OffsetForLeaderEpochRequestData.OffsetForLeaderPartition()
                .setPartition(random.nextInt(2)).setLeaderEpoch(0));
        OffsetForLeaderEpochRequestData o = new OffsetForLeaderEpochRequestData();
        o.topics().add(t);
        return o;
    }

    /** Flips, overwrites, inserts or deletes bytes after the header's first 8 bytes; the size prefix stays honest. */
    private byte[] mutateBody(byte[] frame) {
        byte[] body = Arrays.copyOfRange(frame, 12, frame.length);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            body = mutate(body);
        }
        ByteBuffer out = ByteBuffer.allocate(12 + body.length);
        out.putInt(8 + body.length).put(frame, 4, 8).put(body);
        return out.array();
    }

    private byte[] mutate(byte[] bytes) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                if (bytes.length > 0) {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                if (bytes.length > 0) {
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
            case 2 -> {
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                return splice(bytes, at, 0, insert);
            }
            case 3 -> {
                return splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(8)), new byte[0]);
            }
            case 4 -> {
                if (bytes.length >= 4) {
                    int pos = random.nextInt(bytes.length - 3);
                    ByteBuffer.wrap(bytes).putInt(pos, EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]);
                }
            }
            default -> {
                if (bytes.length >= 2) {
                    int pos = random.nextInt(bytes.length - 1);
                    ByteBuffer.wrap(bytes).putShort(pos, (short) EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]);
                }
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    /** Mutates the request header (API key, version, correlation id or client id length); honest size. */
    private byte[] mutateHeader(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        switch (random.nextInt(4)) {
            case 0 -> b.put(4 + random.nextInt(2), (byte) random.nextInt(256));
            case 1 -> b.put(6 + random.nextInt(2), (byte) random.nextInt(256));
            case 2 -> b.putShort(12, (short) EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]);
            default -> {
                int at = 4 + random.nextInt(8);
                b.put(at, (byte) (b.get(at) ^ (1 << random.nextInt(8))));
            }
        }
        return frame;
    }

    /** Rewrites the size prefix: negative, over the limit, shorter or longer than the content. */
    private byte[] lyingSize(byte[] frame) {
        int honest = frame.length - 4;
        int lie = switch (random.nextInt(6)) {
            case 0 -> -1 - random.nextInt(Integer.MAX_VALUE);
            case 1 -> maxRequestBytes + 1 + random.nextInt(Integer.MAX_VALUE - maxRequestBytes - 1);
            case 2 -> random.nextInt(honest);
            case 3 -> honest + 1 + random.nextInt(64);
            case 4 -> 0;
            default -> Integer.MIN_VALUE;
        };
        ByteBuffer.wrap(frame).putInt(0, lie);
        return frame;
    }

    /** A frame whose API key no version of Kafka defines; its body is a Metadata body. */
    private byte[] unknownApiKey() {
        short[] keys = {-1, 93, 999, 4, 5, 6, 7, Short.MAX_VALUE, Short.MIN_VALUE, 1000};
        short key = keys[random.nextInt(keys.length)];
        byte[] frame = valid();
        ByteBuffer.wrap(frame).putShort(4, key);
        return frame;
    }

    /** A known API at a version outside what the codebase reads (ApiVersions included: KIP-511 answer). */
    private byte[] unsupportedVersion() {
        ApiMessageType api = TEMPLATE_APIS[random.nextInt(TEMPLATE_APIS.length)];
        short version = switch (random.nextInt(3)) {
            case 0 -> (short) (api.highestSupportedVersion() + 1 + random.nextInt(5));
            case 1 -> (short) (-1 - random.nextInt(3));
            default -> Short.MAX_VALUE;
        };
        if (api.lowestSupportedVersion() > 0 && random.nextBoolean()) {
            version = (short) random.nextInt(api.lowestSupportedVersion());
        }
        byte[] frame = valid();
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.putShort(4, api.apiKey()).putShort(6, version);
        return frame;
    }

    /** A valid header of one API followed by the body of another. */
    private byte[] otherApiBody() {
        byte[] a = valid();
        byte[] b = valid();
        ByteBuffer out = ByteBuffer.allocate(12 + (b.length - 12));
        out.putInt(8 + b.length - 12).put(a, 4, 8).put(b, 12, b.length - 12);
        return out.array();
    }

    /** Random bytes, sometimes with a plausible size prefix in front. */
    private byte[] garbage() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length >= 4) {
            ByteBuffer.wrap(bytes).putInt(0, bytes.length - 4);
        }
        return bytes;
    }

    /** Concatenates frames into one pipelined byte run. */
    static byte[] concat(List<byte[]> pieces) {
        int size = 0;
        for (byte[] p : pieces) {
            size += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] p : pieces) {
            out.put(p);
        }
        return out.array();
    }

    /** A pipelined mixture: valid requests, then (usually) hostile pieces, sometimes a truncated tail. */
    List<byte[]> mixture() {
        List<byte[]> pieces = new ArrayList<>();
        int valid = random.nextInt(12);
        for (int i = 0; i < valid; i++) {
            pieces.add(valid());
        }
        int hostile = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < hostile; i++) {
            pieces.add(hostile());
            if (random.nextBoolean()) {
                pieces.add(valid());
            }
        }
        if (random.nextInt(5) == 0) {
            pieces.add(truncated());
        }
        if (pieces.isEmpty()) {
            pieces.add(valid());
        }
        return pieces;
    }
}
