package dev.millrace.common.serialization;

/**
 * Writes a float as the 4 big-endian bytes of its raw IEEE 754 bit pattern
 * ({@link Float#floatToRawIntBits(float)}), so that NaN payloads survive; null stays null. Stateless
 * and thread-safe.
 */
public class FloatSerializer implements Serializer<Float> {

    @Override
    public byte[] serialize(String topic, Float data) {
        return data == null ? null : FixedWidth.writeInt(Float.floatToRawIntBits(data));
    }
}
