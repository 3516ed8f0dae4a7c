package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.Grouped;

/**
 * The engine's read-only view of a {@link Grouped}. Null results mean "use the default".
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class GroupedInternal<K, V> extends Grouped<K, V> {

    /**
     * Copies the user's options.
     *
     * @param grouped the options to copy
     */
    public GroupedInternal(Grouped<K, V> grouped) {
        super(grouped);
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the base name, or null */
    public String name() {
        return name;
    }
}
