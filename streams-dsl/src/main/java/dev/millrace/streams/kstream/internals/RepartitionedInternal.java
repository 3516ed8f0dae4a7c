package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.Repartitioned;
import dev.millrace.streams.processor.StreamPartitioner;

/**
 * The engine's read-only view of a {@link Repartitioned}. Null results mean "use the default".
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class RepartitionedInternal<K, V> extends Repartitioned<K, V> {

    /**
     * Copies the user's options.
     *
     * @param repartitioned the options to copy
     */
    public RepartitionedInternal(Repartitioned<K, V> repartitioned) {
        super(repartitioned);
    }

    /** @return the base name, or null */
    public String name() {
        return name;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the partitioner, or null */
    public StreamPartitioner<K, V> streamPartitioner() {
        return partitioner;
    }

    /** @return the number of partitions, or null to follow the upstream topics */
    public Integer numberOfPartitions() {
        return numberOfPartitions;
    }
}
