package dev.millrace.common.serialization;

/**
 * Writes an int as 4 bytes, big-endian (two's complement); null stays null. Stateless and
 * thread-safe.
 */
public class IntegerSerializer implements Serializer<Integer> {

    @Override
    public byte[] serialize(String topic, Integer data) {
        return data == null ? null : FixedWidth.writeInt(data);
    }
}
