package dev.millrace.common.serialization;

/**
 * Writes a short as 2 bytes, big-endian (two's complement); null stays null. Stateless and
 * thread-safe.
 */
public class ShortSerializer implements Serializer<Short> {

    @Override
    public byte[] serialize(String topic, Short data) {
        return data == null ? null : FixedWidth.writeShort(data);
    }
}
