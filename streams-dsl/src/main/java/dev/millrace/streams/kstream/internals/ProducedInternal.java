package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.Produced;
import dev.millrace.streams.processor.StreamPartitioner;

/**
 * The engine's read-only view of a {@link Produced}: a copy taken when the sink is added. Null results mean "use
 * the default".
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class ProducedInternal<K, V> extends Produced<K, V> {

    /**
     * Copies the user's options.
     *
     * @param produced the options to copy
     */
    public ProducedInternal(Produced<K, V> produced) {
        super(produced);
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
    public StreamPartitioner<? super K, ? super V> streamPartitioner() {
        return partitioner;
    }

    /** @return the sink processor name, or null */
    public String name() {
        return processorName;
    }
}
