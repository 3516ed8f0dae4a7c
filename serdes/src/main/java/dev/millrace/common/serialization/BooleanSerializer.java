package dev.millrace.common.serialization;

/**
 * Writes a boolean as one byte: 1 for true, 0 for false; null stays null. Stateless and thread-safe.
 */
public class BooleanSerializer implements Serializer<Boolean> {

    @Override
    public byte[] serialize(String topic, Boolean data) {
        if (data == null) {
            return null;
        }
        return new byte[] {data ? (byte) 1 : (byte) 0};
    }
}
