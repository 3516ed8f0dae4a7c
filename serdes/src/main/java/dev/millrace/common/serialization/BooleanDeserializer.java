package dev.millrace.common.serialization;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads exactly one byte as a boolean: 1 is true, 0 is false; null stays null. Another size, or
 * another byte value, raises {@link SerializationException} naming the topic and the offending size
 * or byte. Stateless and thread-safe.
 */
public class BooleanDeserializer implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("BooleanDeserializer", topic, 1, data.length);
        return decode(topic, data[0]);
    }

    @Override
    public Boolean deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        FixedWidth.checkSize("BooleanDeserializer", topic, 1, data.remaining());
        return decode(topic, data.get(data.position()));
    }

    private static Boolean decode(String topic, byte value) {
        if (value == 1) {
            return Boolean.TRUE;
        }
        if (value == 0) {
            return Boolean.FALSE;
        }
        throw new SerializationException("reason=unexpectedBooleanByte deserializer=BooleanDeserializer topic=" + topic
                + " expected=0|1 actual=" + value);
    }
}
