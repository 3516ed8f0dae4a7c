package dev.millrace.common.serialization;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the text form of a UUID in the configured encoding (UTF-8 by default) and parses it with
 * {@link UUID#fromString(String)}; null stays null. Text that is not a UUID raises
 * {@link SerializationException} naming the topic and the text (cut to 64 characters).
 *
 * <p>Configuration: the same encoding keys as {@link StringDeserializer}. Thread-safe once
 * configured.
 */
public class UUIDDeserializer implements Deserializer<UUID> {
    private static final int MAX_QUOTED_CHARS = 64;

    private Charset encoding = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        encoding = Encodings.configured(configs, isKey, false, encoding);
    }

    @Override
    public UUID deserialize(String topic, byte[] data) {
        return data == null ? null : parse(topic, new String(data, encoding));
    }

    @Override
    public UUID deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return parse(topic, new String(data.array(), data.arrayOffset() + data.position(), data.remaining(),
                    encoding));
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return parse(topic, new String(copy, encoding));
    }

    private static UUID parse(String topic, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            String quoted = text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "...";
            throw new SerializationException("reason=notAUuid deserializer=UUIDDeserializer topic=" + topic
                    + " textLength=" + text.length() + " text=" + quoted, e);
        }
    }
}
