package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads exactly 4 big-endian bytes as the IEEE 754 bit pattern of a float; null stays null. Any
 * other size raises {@link dev.millrace.common.errors.SerializationException} naming the topic, the
 * expected and the actual size. Stateless and thread-safe.
 */
public class FloatDeserializer implements Deserializer<Float> {

    @Override
    public Float deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("FloatDeserializer", topic, Float.BYTES, data.length);
        return Float.intBitsToFloat(FixedWidth.readInt(data));
    }

    @Override
    public Float deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("FloatDeserializer", topic, Float.BYTES, data.remaining());
        return Float.intBitsToFloat(FixedWidth.readInt(data));
    }
}
