package dev.millrace.streams.kstream;

import dev.millrace.streams.processor.ConnectedStoreProvider;

import java.util.function.Supplier;

/**
 * Creates a fresh {@link ValueTransformerWithKey} for each task and may name the state stores it needs;
 * mirrors Kafka's {@code ValueTransformerWithKeySupplier}. {@link #get()} must return a new instance on every
 * call: the runtime rejects suppliers that hand out the same object twice.
 *
 * @param <K> the key type
 * @param <V> the input value type
 * @param <VR> the result value type
 */
@FunctionalInterface
public interface ValueTransformerWithKeySupplier<K, V, VR>
    extends ConnectedStoreProvider, Supplier<ValueTransformerWithKey<K, V, VR>> {

    /**
     * Creates a transformer.
     *
     * @return a new transformer instance, never one returned before
     */
    @Override
    ValueTransformerWithKey<K, V, VR> get();
}
