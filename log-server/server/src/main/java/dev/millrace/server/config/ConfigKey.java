package dev.millrace.server.config;

import dev.millrace.common.config.ConfigException;
import java.util.Objects;

/**
 * The definition of one configuration key: its Kafka name, type, default, validity rule, a one-line
 * documentation, whether it may change while the server runs, and whether Millrace acts on it yet.
 * Immutable and thread-safe.
 *
 * <p>The default is kept as the text Kafka shows for it ({@code 604800000}, {@code delete},
 * {@code PLAINTEXT://127.0.0.1:9092}); {@code null} means the key has no value unless one is set (for
 * example {@code log.retention.ms}, whose value then comes from {@code log.retention.hours}).
 *
 * @param name the key, with Kafka's spelling
 * @param type the value type
 * @param defaultValue the default as text, or {@code null} for none
 * @param validator the rule parsed values must satisfy, or {@code null} for none
 * @param documentation one sentence saying what the key controls
 * @param dynamicMode whether and where the value may be changed at run time
 * @param used whether Millrace acts on the key yet; an unused key is accepted and ignored
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, ConfigValidator validator,
                        String documentation, DynamicMode dynamicMode, boolean used) {

    /**
     * Checks the definition itself, including that its default is a valid value.
     *
     * @throws IllegalArgumentException when the default does not parse or breaks the rule
     */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(documentation, "documentation");
        Objects.requireNonNull(dynamicMode, "dynamicMode");
        try {
            Object parsed = type.parse(name, defaultValue);
            if (validator != null && parsed != null) {
                validator.ensureValid(name, parsed);
            }
        } catch (ConfigException e) {
            throw new IllegalArgumentException("key=" + name + " reason=invalidDefault " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates {@code text} as a value of this key.
     *
     * @return the parsed value ({@code null} when {@code text} is {@code null})
     * @throws ConfigException naming this key when the text does not parse or breaks the rule
     */
    public Object parse(String text) {
        Object value = type.parse(name, text);
        if (validator != null && value != null) {
            validator.ensureValid(name, value);
        }
        return value;
    }

    /** The parsed default, or {@code null} when the key has none. */
    public Object parsedDefault() {
        return type.parse(name, defaultValue);
    }

    /** {@code text} parsed, validated and rendered back in canonical form ({@code " TRUE "} becomes {@code true}). */
    public String normalize(String text) {
        return type.render(parse(text));
    }

    /** Whether DescribeConfigs must hide the value (passwords). */
    public boolean sensitive() {
        return type == ConfigType.PASSWORD;
    }

    /** Whether the value may be changed while the server runs. */
    public boolean dynamic() {
        return dynamicMode != DynamicMode.READ_ONLY;
    }
}
