package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Layout of the offsets column family. A changelog offset is stored under {@code 0x01, partition (int32 big
 * endian), topic (UTF-8)}; an engine's own marker (for example the observed stream time of a segmented engine)
 * under {@code 0x02, name (UTF-8)}. Values are int64 big endian. Stateless.
 */
final class OffsetsCodec {
    static final byte[] COLUMN_NAME = "millrace.offsets".getBytes(StandardCharsets.UTF_8);
    private static final byte OFFSET_TAG = 0x01;
    private static final byte MARKER_TAG = 0x02;

    private OffsetsCodec() {
    }

    static byte[] offsetKey(TopicPartition partition) {
        byte[] topic = partition.topic().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + Integer.BYTES + topic.length)
                .put(OFFSET_TAG).putInt(partition.partition()).put(topic).array();
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
