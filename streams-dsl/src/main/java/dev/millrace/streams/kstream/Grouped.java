package dev.millrace.streams.kstream;

import dev.millrace.common.serialization.Serde;

/**
 * How a stream or table is grouped for an aggregation: key and value serdes for the repartition topic and the
 * name that the repartition topic and processors derive from; mirrors Kafka's {@code Grouped}. Unset fields are
 * null and mean "use the default".
 *
 * <p>Immutable: each {@code with*} method returns a new instance. No equality beyond identity, as in Kafka.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Grouped<K, V> implements NamedOperation<Grouped<K, V>> {

    /** The key serde, or null for the default. */
    protected final Serde<K> keySerde;
    /** The value serde, or null for the default. */
    protected final Serde<V> valueSerde;
    /** The base name, or null to generate one. */
    protected final String name;

    private Grouped(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this.name = name;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param grouped the instance to copy
     */
    protected Grouped(Grouped<K, V> grouped) {
        this(grouped.name, grouped.keySerde, grouped.valueSerde);
    }

    /**
     * Creates an instance with a name.
     *
     * @param name the base name of the repartition topic and processors
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Grouped<K, V> as(String name) {
        return new Grouped<>(name, null, null);
    }

    /**
     * Creates an instance with a key serde.
     *
     * @param keySerde the key serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Grouped<K, V> keySerde(Serde<K> keySerde) {
        return new Grouped<>(null, keySerde, null);
    }

    /**
     * Creates an instance with a value serde.
     *
     * @param valueSerde the value serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Grouped<K, V> valueSerde(Serde<V> valueSerde) {
        return new Grouped<>(null, null, valueSerde);
    }

    /**
     * Creates an instance with a name and serdes.
     *
     * @param name the base name, or null to generate one
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Grouped<K, V> with(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return new Grouped<>(name, keySerde, valueSerde);
    }

    /**
     * Creates an instance with serdes.
     *
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Grouped<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Grouped<>(null, keySerde, valueSerde);
    }

    @Override
    public Grouped<K, V> withName(String name) {
        return new Grouped<>(name, keySerde, valueSerde);
    }

    /**
     * Returns a copy with the key serde replaced.
     *
     * @param keySerde the key serde, or null for the default
     * @return a new instance
     */
    public Grouped<K, V> withKeySerde(Serde<K> keySerde) {
        return new Grouped<>(name, keySerde, valueSerde);
    }

    /**
     * Returns a copy with the value serde replaced.
     *
     * @param valueSerde the value serde, or null for the default
     * @return a new instance
     */
    public Grouped<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Grouped<>(name, keySerde, valueSerde);
    }
}
