package dev.millrace.clients.cluster;

import java.util.List;

/**
 * One config of a resource as DescribeConfigs reports it. Immutable.
 *
 * @param name the config key
 * @param value the value, or null (sensitive or unset)
 * @param source where the value comes from
 * @param readOnly whether the config cannot be changed
 * @param sensitive whether the value is hidden as sensitive
 * @param synonyms the sources defining this key, highest precedence first (empty unless asked for)
 */
public record ConfigEntry(String name, String value, ConfigSource source, boolean readOnly, boolean sensitive,
                          List<Synonym> synonyms) {
    /** Copies the synonyms. */
    public ConfigEntry {
        synonyms = List.copyOf(synonyms);
    }

    /**
     * A synonym: the same setting under another key or from another source.
     *
     * @param name the key of the synonym (for example {@code log.retention.ms} for {@code retention.ms})
     * @param value its value, or null
     * @param source where it comes from
     */
    public record Synonym(String name, String value, ConfigSource source) {
    }
}
