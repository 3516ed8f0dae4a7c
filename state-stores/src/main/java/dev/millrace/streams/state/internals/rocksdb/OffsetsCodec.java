package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Layout of the offsets column family. A changelog offset is stored under {@code 0x01, partition (int32 big
 * endian), topic (UTF-8)}; an engine's own marker (for example the observed stream time of a segmented engine)
 * under {@code 0x02, name (UTF-8)}; a component of the store's position (the highest offset of an input topic
 * partition applied to the store) under {@code 0x03, partition (int32 big endian), topic (UTF-8)}. Values are int64
 * big endian. Stateless.
 */
final class OffsetsCodec {
    static final byte[] COLUMN_NAME = "millrace.offsets".getBytes(StandardCharsets.UTF_8);
    private static final byte OFFSET_TAG = 0x01;
    private static final byte MARKER_TAG = 0x02;
    private static final byte POSITION_TAG = 0x03;

    private OffsetsCodec() {
    }

    static byte[] offsetKey(TopicPartition partition) {
        return partitionKey(OFFSET_TAG, partition);
    }

    static byte[] positionKey(TopicPartition partition) {
        return partitionKey(POSITION_TAG, partition);
    }

    private static byte[] partitionKey(byte tag, TopicPartition partition) {
        byte[] topic = partition.topic().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + Integer.BYTES + topic.length)
                .put(tag).putInt(partition.partition()).put(topic).array();
    }

    static TopicPartition partitionOf(byte[] key) {
        ByteBuffer buffer = ByteBuffer.wrap(key);
        buffer.get();
        int partition = buffer.getInt();
        return new TopicPartition(new String(key, buffer.position(), buffer.remaining(), StandardCharsets.UTF_8),
                partition);
    }

    static boolean isOffsetKey(byte[] key) {
        return key.length > 0 && key[0] == OFFSET_TAG;
    }

    static boolean isPositionKey(byte[] key) {
        return key.length > 0 && key[0] == POSITION_TAG;
    }

    static byte[] markerKey(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + text.length).put(MARKER_TAG).put(text).array();
    }

    static byte[] encodeLong(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static long decodeLong(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
