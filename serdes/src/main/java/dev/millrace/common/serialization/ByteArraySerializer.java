package dev.millrace.common.serialization;

/**
 * Passes a byte array through unchanged (the same array, not a copy); null stays null. Stateless and
 * thread-safe.
 */
public class ByteArraySerializer implements Serializer<byte[]> {

    @Override
    public byte[] serialize(String topic, byte[] data) {
        return data;
    }
}
