package dev.millrace.common.serialization;

import dev.millrace.common.errors.SerializationException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * Resolves the character encoding of the text-based built-ins (String and UUID) from configuration,
 * under Kafka's keys: the key- or value-specific entry ({@code key.serializer.encoding},
 * {@code value.deserializer.encoding}, ...) wins over the generic one ({@code serializer.encoding} or
 * {@code deserializer.encoding}); with neither, the current encoding (UTF-8 unless changed) stays.
 *
 * <p>An entry may hold a charset name or a {@link Charset}. Stateless and thread-safe.
 */
final class Encodings {

    private Encodings() {
    }

    /**
     * Returns the encoding configured for a serializer ({@code serializer = true}) or a deserializer.
     *
     * @throws SerializationException if the configured name is not a charset this JVM supports, or the
     *     entry is neither a String nor a Charset
     */
    static Charset configured(Map<String, ?> configs, boolean isKey, boolean serializer, Charset current) {
        String role = serializer ? "serializer" : "deserializer";
        String specificKey = (isKey ? "key." : "value.") + role + ".encoding";
        String genericKey = role + ".encoding";
        String usedKey = specificKey;
        Object value = configs.get(specificKey);
        if (value == null) {
            usedKey = genericKey;
            value = configs.get(genericKey);
        }
        if (value == null) {
            return current;
        }
        if (value instanceof Charset charset) {
            return charset;
        }
        if (value instanceof String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new SerializationException("reason=unsupportedEncoding config=" + usedKey
                        + " encoding=" + name, e);
            }
        }
        throw new SerializationException("reason=encodingNotAStringOrCharset config=" + usedKey
                + " valueType=" + value.getClass().getName());
    }
}
