package dev.millrace.streams.kstream;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.StreamPartitioner;

/**
 * How {@code KStream#repartition} writes its repartition topic: base name, serdes, number of partitions and
 * partitioner; mirrors Kafka's {@code Repartitioned}. Unset fields are null and mean "use the default" (the number
 * of partitions then follows the upstream topics).
 *
 * <p>Immutable: each {@code with*} method returns a new instance.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Repartitioned<K, V> implements NamedOperation<Repartitioned<K, V>> {

    /** The base name of the topic and processors, or null to generate one. */
    protected final String name;
    /** The key serde, or null for the default. */
    protected final Serde<K> keySerde;
    /** The value serde, or null for the default. */
    protected final Serde<V> valueSerde;
    /** The number of partitions, or null to follow the upstream topics. */
    protected final Integer numberOfPartitions;
    /** The partitioner, or null for the default. */
    protected final StreamPartitioner<K, V> partitioner;

    private Repartitioned(String name, Serde<K> keySerde, Serde<V> valueSerde, Integer numberOfPartitions,
                          StreamPartitioner<K, V> partitioner) {
        this.name = name;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.numberOfPartitions = numberOfPartitions;
        this.partitioner = partitioner;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param repartitioned the instance to copy
     */
    protected Repartitioned(Repartitioned<K, V> repartitioned) {
        this(repartitioned.name, repartitioned.keySerde, repartitioned.valueSerde, repartitioned.numberOfPartitions,
            repartitioned.partitioner);
    }

    /**
     * Creates an instance with a base name.
     *
     * @param name the base name of the repartition topic and processors
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Repartitioned<K, V> as(String name) {
        return new Repartitioned<>(name, null, null, null, null);
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
    public static <K, V> Repartitioned<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Repartitioned<>(null, keySerde, valueSerde, null, null);
    }

    /**
     * Creates an instance with a partitioner.
     *
     * @param partitioner the partitioner, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Repartitioned<K, V> streamPartitioner(StreamPartitioner<K, V> partitioner) {
        return new Repartitioned<>(null, null, null, null, partitioner);
    }

    /**
     * Creates an instance with a number of partitions.
     *
     * @param numberOfPartitions the number of partitions of the repartition topic
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Repartitioned<K, V> numberOfPartitions(int numberOfPartitions) {
        return new Repartitioned<>(null, null, null, numberOfPartitions, null);
    }

    @Override
    public Repartitioned<K, V> withName(String name) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * Returns a copy with the number of partitions replaced.
     *
     * @param numberOfPartitions the number of partitions
     * @return a new instance
     */
    public Repartitioned<K, V> withNumberOfPartitions(int numberOfPartitions) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * Returns a copy with the key serde replaced.
     *
     * @param keySerde the key serde, or null for the default
     * @return a new instance
     */
    public Repartitioned<K, V> withKeySerde(Serde<K> keySerde) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * Returns a copy with the value serde replaced.
     *
     * @param valueSerde the value serde, or null for the default
     * @return a new instance
     */
    public Repartitioned<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * Returns a copy with the partitioner replaced.
     *
     * @param partitioner the partitioner, or null for the default
     * @return a new instance
     */
    public Repartitioned<K, V> withStreamPartitioner(StreamPartitioner<K, V> partitioner) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }
}
