package dev.millrace.streams.kstream;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.StreamPartitioner;

import java.util.Objects;

/**
 * How records are written to a sink topic: key and value serdes, partitioner and processor name; mirrors Kafka's
 * {@code Produced}. Unset fields are null and mean "use the default".
 *
 * <p>Like Kafka's class, the {@code with*} instance methods change this instance and return it (they do not copy),
 * so an instance must not be shared while it is still being configured. Equality covers the serdes and the
 * partitioner but not the processor name.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Produced<K, V> implements NamedOperation<Produced<K, V>> {

    /** The key serde, or null for the default. */
    protected Serde<K> keySerde;
    /** The value serde, or null for the default. */
    protected Serde<V> valueSerde;
    /** The partitioner, or null for the default (hash of the serialized key). */
    protected StreamPartitioner<? super K, ? super V> partitioner;
    /** The sink processor name, or null to generate one. */
    protected String processorName;

    private Produced(Serde<K> keySerde, Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner,
                     String processorName) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.partitioner = partitioner;
        this.processorName = processorName;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param produced the instance to copy
     */
    protected Produced(Produced<K, V> produced) {
        this(produced.keySerde, produced.valueSerde, produced.partitioner, produced.processorName);
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
    public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Produced<>(keySerde, valueSerde, null, null);
    }

    /**
     * Creates an instance with serdes and a partitioner.
     *
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param partitioner the partitioner, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde,
                                             StreamPartitioner<? super K, ? super V> partitioner) {
        return new Produced<>(keySerde, valueSerde, partitioner, null);
    }

    /**
     * Creates an instance with a sink processor name.
     *
     * @param processorName the name
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Produced<K, V> as(String processorName) {
        return new Produced<>(null, null, null, processorName);
    }

    /**
     * Creates an instance with a key serde.
     *
     * @param keySerde the key serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Produced<K, V> keySerde(Serde<K> keySerde) {
        return new Produced<>(keySerde, null, null, null);
    }

    /**
     * Creates an instance with a value serde.
     *
     * @param valueSerde the value serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Produced<K, V> valueSerde(Serde<V> valueSerde) {
        return new Produced<>(null, valueSerde, null, null);
    }

    /**
     * Creates an instance with a partitioner.
     *
     * @param partitioner the partitioner, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Produced<K, V> streamPartitioner(StreamPartitioner<? super K, ? super V> partitioner) {
        return new Produced<>(null, null, partitioner, null);
    }

    /**
     * Sets the partitioner on this instance.
     *
     * @param partitioner the partitioner, or null for the default
     * @return this instance
     */
    public Produced<K, V> withStreamPartitioner(StreamPartitioner<? super K, ? super V> partitioner) {
        this.partitioner = partitioner;
        return this;
    }

    /**
     * Sets the value serde on this instance.
     *
     * @param valueSerde the value serde, or null for the default
     * @return this instance
     */
    public Produced<K, V> withValueSerde(Serde<V> valueSerde) {
        this.valueSerde = valueSerde;
        return this;
    }

    /**
     * Sets the key serde on this instance.
     *
     * @param keySerde the key serde, or null for the default
     * @return this instance
     */
    public Produced<K, V> withKeySerde(Serde<K> keySerde) {
        this.keySerde = keySerde;
        return this;
    }

    /**
     * Sets the sink processor name on this instance.
     *
     * @param name the name
     * @return this instance
     */
    @Override
    public Produced<K, V> withName(String name) {
        this.processorName = name;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Produced<?, ?> that = (Produced<?, ?>) o;
        return Objects.equals(keySerde, that.keySerde)
            && Objects.equals(valueSerde, that.valueSerde)
            && Objects.equals(partitioner, that.partitioner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keySerde, valueSerde, partitioner);
    }
}
