package dev.millrace.common.serialization;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Accepts only null bytes and returns null. Non-null bytes (even an empty array) raise
 * {@link SerializationException} naming the topic and the actual size; Kafka raises
 * {@link IllegalArgumentException} here, Millrace uses its serialization error so that the failure
 * reaches deserialization-error handlers like any other malformed record. Stateless and
 * thread-safe.
 */
public class VoidDeserializer implements Deserializer<Void> {

    @Override
    public Void deserialize(String topic, byte[] data) {
        if (data != null) {
            throw unexpected(topic, data.length);
        }
        return null;
    }

    @Override
    public Void deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data != null) {
            throw unexpected(topic, data.remaining());
        }
        return null;
    }

    private static SerializationException unexpected(String topic, int actualSize) {
        return new SerializationException("reason=dataForVoid deserializer=VoidDeserializer topic=" + topic
                + " expectedSize=null actualSize=" + actualSize);
    }
}
