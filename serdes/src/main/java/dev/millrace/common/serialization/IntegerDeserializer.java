package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads exactly 4 big-endian bytes as an int; null stays null. Any other size raises
 * {@link dev.millrace.common.errors.SerializationException} naming the topic, the expected and the
 * actual size. Stateless and thread-safe.
 */
public class IntegerDeserializer implements Deserializer<Integer> {

    @Override
    public Integer deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("IntegerDeserializer", topic, Integer.BYTES, data.length);
        return FixedWidth.readInt(data);
    }

    @Override
    public Integer deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("IntegerDeserializer", topic, Integer.BYTES, data.remaining());
        return FixedWidth.readInt(data);
    }
}
