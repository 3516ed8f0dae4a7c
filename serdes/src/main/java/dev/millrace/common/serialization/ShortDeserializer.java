package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads exactly 2 big-endian bytes as a short; null stays null. Any other size raises
 * {@link dev.millrace.common.errors.SerializationException} naming the topic, the expected and the
 * actual size. Stateless and thread-safe.
 */
public class ShortDeserializer implements Deserializer<Short> {

    @Override
    public Short deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("ShortDeserializer", topic, Short.BYTES, data.length);
        return FixedWidth.readShort(data);
    }

    @Override
    public Short deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("ShortDeserializer", topic, Short.BYTES, data.remaining());
        return FixedWidth.readShort(data);
    }
}
