package dev.millrace.common.serialization;

import dev.millrace.common.utils.Bytes;

/**
 * Writes the array a {@link Bytes} holds (that array, not a copy); null stays null. Stateless and
 * thread-safe.
 */
public class BytesSerializer implements Serializer<Bytes> {

    @Override
    public byte[] serialize(String topic, Bytes data) {
        return data == null ? null : data.get();
    }
}
