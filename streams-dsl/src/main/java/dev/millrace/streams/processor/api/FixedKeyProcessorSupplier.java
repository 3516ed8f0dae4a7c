package dev.millrace.streams.processor.api;

import dev.millrace.streams.processor.ConnectedStoreProvider;

import java.util.function.Supplier;

/**
 * Creates a new {@link FixedKeyProcessor} per task; each call of {@link #get} must return a new instance.
 *
 * @param <KIn> the key type
 * @param <VIn> the input value type
 * @param <VOut> the output value type
 */
@FunctionalInterface
public interface FixedKeyProcessorSupplier<KIn, VIn, VOut>
        extends ConnectedStoreProvider, Supplier<FixedKeyProcessor<KIn, VIn, VOut>> {

    /**
     * Returns a new processor.
     *
     * @return a new processor instance
     */
    @Override
    FixedKeyProcessor<KIn, VIn, VOut> get();
}
