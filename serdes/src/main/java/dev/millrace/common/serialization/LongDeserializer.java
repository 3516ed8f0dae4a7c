package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads exactly 8 big-endian bytes as a long; null stays null. Any other size raises
 * {@link dev.millrace.common.errors.SerializationException} naming the topic, the expected and the
 * actual size. Stateless and thread-safe.
 */
public class LongDeserializer implements Deserializer<Long> {

    @Override
    public Long deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("LongDeserializer", topic, Long.BYTES, data.length);
        return FixedWidth.readLong(data);
    }

    @Override
    public Long deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("LongDeserializer", topic, Long.BYTES, data.remaining());
        return FixedWidth.readLong(data);
    }
}
