package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads exactly 8 big-endian bytes as the IEEE 754 bit pattern of a double; null stays null. Any
 * other size raises {@link dev.millrace.common.errors.SerializationException} naming the topic, the
 * expected and the actual size. Stateless and thread-safe.
 */
public class DoubleDeserializer implements Deserializer<Double> {

    @Override
    public Double deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("DoubleDeserializer", topic, Double.BYTES, data.length);
        return Double.longBitsToDouble(FixedWidth.readLong(data));
    }

    @Override
    public Double deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("DoubleDeserializer", topic, Double.BYTES, data.remaining());
        return Double.longBitsToDouble(FixedWidth.readLong(data));
    }
}
