package dev.millrace.common.serialization;

/**
 * Passes bytes through unchanged (the same array, not a copy); null stays null. The buffer overload
 * copies the buffer's remaining bytes into a new array. Stateless and thread-safe.
 */
public class ByteArrayDeserializer implements Deserializer<byte[]> {

    @Override
    public byte[] deserialize(String topic, byte[] data) {
        return data;
    }
}
