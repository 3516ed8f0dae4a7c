package dev.millrace.serdes.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Configuration keys and defaults of the JSON serdes.
 *
 * <p>The target type of a {@link JsonDeserializer} built without one comes from configuration:
 * {@value #KEY_TYPE_CONFIG} when it deserializes keys, {@value #VALUE_TYPE_CONFIG} when it
 * deserializes values. The entry holds a {@link Class} or a fully qualified class name.
 */
public final class JsonSerdeConfig {

    /** The class record keys are read into, for a JSON deserializer built without a type. */
    public static final String KEY_TYPE_CONFIG = "json.key.type";

    /** The class record values are read into, for a JSON deserializer built without a type. */
    public static final String VALUE_TYPE_CONFIG = "json.value.type";

    /** The mapper used when none is given; configured once here and never exposed, so never changed. */
    static final ObjectMapper DEFAULT_MAPPER = newDefaultMapper();

    private JsonSerdeConfig() {
    }

    /**
     * Returns a new mapper configured as the one the JSON serdes use by default, as a starting point
     * for a customized one: unknown properties are ignored (a reader built against an older class
     * still reads records written with new fields), and content after the first JSON value is an
     * error rather than silently dropped. Everything else is Jackson's default.
     *
     * @return a new mapper the caller may configure further
     */
    public static ObjectMapper newDefaultMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
