package dev.millrace.streams.processor.api;

import dev.millrace.streams.processor.ConnectedStoreProvider;

import java.util.function.Supplier;

/**
 * Creates a new {@link Processor} per task. Each call of {@link #get} must return a new instance: the topology
 * rejects a supplier that hands out the same processor twice.
 *
 * @param <KIn> the input key type
 * @param <VIn> the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
@FunctionalInterface
public interface ProcessorSupplier<KIn, VIn, KOut, VOut>
        extends ConnectedStoreProvider, Supplier<Processor<KIn, VIn, KOut, VOut>> {

    /**
     * Returns a new processor.
     *
     * @return a new processor instance
     */
    @Override
    Processor<KIn, VIn, KOut, VOut> get();
}
