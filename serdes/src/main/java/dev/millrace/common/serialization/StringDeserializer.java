package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads bytes as a string in the configured encoding, UTF-8 by default; null stays null. Malformed
 * input is replaced by the charset's replacement character, as {@link String#String(byte[], Charset)}
 * does, so decoding never fails.
 *
 * <p>Configuration (Kafka's keys): {@code key.deserializer.encoding} or
 * {@code value.deserializer.encoding}, falling back to {@code deserializer.encoding}.
 *
 * <p>The buffer overload decodes a heap buffer in place. Thread-safe once configured.
 */
public class StringDeserializer implements Deserializer<String> {
    private Charset encoding = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        encoding = Encodings.configured(configs, isKey, false, encoding);
    }

    @Override
    public String deserialize(String topic, byte[] data) {
        return data == null ? null : new String(data, encoding);
    }

    @Override
    public String deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return new String(data.array(), data.arrayOffset() + data.position(), data.remaining(), encoding);
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return new String(copy, encoding);
    }
}
