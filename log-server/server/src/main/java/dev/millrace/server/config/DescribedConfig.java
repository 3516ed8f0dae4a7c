package dev.millrace.server.config;

import java.util.List;

/**
 * One entry of a DescribeConfigs result, in the wire's terms. Immutable.
 *
 * @param name the key
 * @param value the effective value as text; {@code null} for a sensitive key or a key without value
 * @param source where the value comes from, a {@link ConfigSource#id()}
 * @param readOnly whether the key cannot be altered while the server runs
 * @param sensitive whether the value is hidden (passwords)
 * @param type the value type, a {@link ConfigType#id()}
 * @param documentation one sentence about the key
 * @param synonyms when requested, every source that sets this key or a synonym of it, most specific first
 *     (empty otherwise)
 */
public record DescribedConfig(String name, String value, int source, boolean readOnly, boolean sensitive,
                              int type, String documentation, List<Synonym> synonyms) {

    /** Copies the synonym list, so the record stays immutable. */
    public DescribedConfig {
        synonyms = List.copyOf(synonyms);
    }

    /**
     * One source of a value for a described key: the key itself or one of its broker synonyms.
     *
     * @param name the key that is set ({@code log.retention.hours} for {@code retention.ms}, for example)
     * @param value its value as set (not converted to the described key's unit); {@code null} if sensitive
     * @param source a {@link ConfigSource#id()}
     */
    public record Synonym(String name, String value, int source) {
    }
}
