package dev.millrace.serdes.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Deserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * Reads UTF-8 JSON into a target type with Jackson: a record class, a POJO, a generic type given as
 * a {@link TypeReference}, or {@link com.fasterxml.jackson.databind.JsonNode} for a tree. Null bytes
 * stay null.
 *
 * <p>Target type: given to the constructor, or, for an instance built without one, taken from
 * configuration ({@link JsonSerdeConfig#KEY_TYPE_CONFIG} or {@link JsonSerdeConfig#VALUE_TYPE_CONFIG},
 * holding a {@link Class} or a class name). A type given to the constructor wins and the
 * configuration entries are then ignored. With a configured type the compiler cannot check that it
 * matches {@code T}; a mismatch shows up as a {@link ClassCastException} where the value is used.
 *
 * <p>Errors: bytes that are not one well-formed JSON value of the target type (syntax errors, an
 * empty array, content after the value, a field of the wrong type) raise
 * {@link SerializationException} naming the topic, the target type and the byte offset of the
 * problem within the record's bytes, as Jackson reports it, with line, column, JSON path and an
 * excerpt of the bytes around the offset. Unknown properties are ignored with the default mapper.
 *
 * <p>Threading: thread-safe once configured (the reader is an immutable Jackson {@link ObjectReader}
 * published through a volatile field).
 *
 * @param <T> the type of the values
 */
public class JsonDeserializer<T> implements Deserializer<T> {
    private final ObjectMapper mapper;
    private final boolean typeFromConstructor;
    private volatile ObjectReader reader;
    private volatile String typeName;

    /** Creates a deserializer with the default mapper whose target type comes from configuration. */
    public JsonDeserializer() {
        this(JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a deserializer with the given mapper whose target type comes from configuration.
     *
     * @param mapper the mapper; must not be null and must not be reconfigured afterwards
     */
    public JsonDeserializer(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "reason=nullObjectMapper");
        this.typeFromConstructor = false;
    }

    /**
     * Creates a deserializer into {@code type} with the default mapper.
     *
     * @param type the target class; must not be null
     */
    public JsonDeserializer(Class<T> type) {
        this(type, JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a deserializer into {@code type} with the given mapper.
     *
     * @param type the target class; must not be null
     * @param mapper the mapper; must not be null and must not be reconfigured afterwards
     */
    public JsonDeserializer(Class<T> type, ObjectMapper mapper) {
        this(mapper, mapper.constructType(Objects.requireNonNull(type, "reason=nullTargetType")));
    }

    /**
     * Creates a deserializer into a generic type, such as {@code new TypeReference<List<Order>>() {}},
     * with the default mapper.
     *
     * @param type the target type; must not be null
     */
    public JsonDeserializer(TypeReference<T> type) {
        this(type, JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a deserializer into a generic type with the given mapper.
     *
     * @param type the target type; must not be null
     * @param mapper the mapper; must not be null and must not be reconfigured afterwards
     */
    public JsonDeserializer(TypeReference<T> type, ObjectMapper mapper) {
        this(mapper, mapper.constructType(Objects.requireNonNull(type, "reason=nullTargetType")));
    }

    private JsonDeserializer(ObjectMapper mapper, JavaType type) {
        this.mapper = Objects.requireNonNull(mapper, "reason=nullObjectMapper");
        this.typeFromConstructor = true;
        this.reader = mapper.readerFor(type);
        this.typeName = type.toCanonical();
    }

    /**
     * Reads the target type from configuration unless the constructor fixed it.
     *
     * @throws IllegalArgumentException if no type was given to the constructor and the entry for keys
     *     or values is missing, is neither a Class nor a String, or names a class that cannot be loaded
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (typeFromConstructor) {
            return;
        }
        String key = isKey ? JsonSerdeConfig.KEY_TYPE_CONFIG : JsonSerdeConfig.VALUE_TYPE_CONFIG;
        Class<?> type = resolveType(key, configs.get(key));
        JavaType javaType = mapper.constructType(type);
        typeName = javaType.toCanonical();
        reader = mapper.readerFor(javaType);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return read(topic, data, 0, data.length);
    }

    /** Parses a heap buffer in place; other buffers are copied first. Offsets count from the position. */
    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return read(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return read(topic, copy, 0, copy.length);
    }

    private T read(String topic, byte[] data, int start, int length) {
        ObjectReader current = reader;
        if (current == null) {
            throw new IllegalStateException("reason=jsonTypeNotConfigured deserializer=JsonDeserializer topic=" + topic
                    + " keyConfig=" + JsonSerdeConfig.KEY_TYPE_CONFIG
                    + " valueConfig=" + JsonSerdeConfig.VALUE_TYPE_CONFIG);
        }
        try {
            return current.readValue(data, start, length);
        } catch (IOException e) {
            throw JsonErrors.readFailed(topic, typeName, e, data, start, length);
        }
    }

    private static Class<?> resolveType(String key, Object value) {
        if (value instanceof Class<?> type) {
            return type;
        }
        if (value instanceof String name) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try {
                ClassLoader used = loader != null ? loader : JsonDeserializer.class.getClassLoader();
                return Class.forName(name.trim(), true, used);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("reason=jsonTypeNotFound config=" + key + " className=" + name, e);
            }
        }
        throw new IllegalArgumentException(value == null
                ? "reason=jsonTypeMissing config=" + key
                : "reason=jsonTypeNotClassOrName config=" + key + " valueType=" + value.getClass().getName());
    }
}
