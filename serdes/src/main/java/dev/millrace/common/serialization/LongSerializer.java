package dev.millrace.common.serialization;

/**
 * Writes a long as 8 bytes, big-endian (two's complement); null stays null. Stateless and
 * thread-safe.
 */
public class LongSerializer implements Serializer<Long> {

    @Override
    public byte[] serialize(String topic, Long data) {
        return data == null ? null : FixedWidth.writeLong(data);
    }
}
