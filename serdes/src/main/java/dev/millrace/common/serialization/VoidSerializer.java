package dev.millrace.common.serialization;

/**
 * Writes nothing: every value (only null exists for {@link Void}) becomes null bytes. Used for keys
 * or values that are always absent. Stateless and thread-safe.
 */
public class VoidSerializer implements Serializer<Void> {

    @Override
    public byte[] serialize(String topic, Void data) {
        return null;
    }
}
