package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.ProcessorSupplier;

/**
 * The supplier behind a stream aggregation: plain records in, changes of the aggregate out.
 *
 * @param <KIn> the input key type
 * @param <VIn> the input value type
 * @param <K> the aggregate's key type
 * @param <VAgg> the aggregate type
 */
public interface KStreamAggProcessorSupplier<KIn, VIn, K, VAgg> extends ProcessorSupplier<KIn, VIn, K, Change<VAgg>> {

    /** @return value getters reading the aggregate's store */
    KTableValueGetterSupplier<K, VAgg> view();

    /** Makes the processor forward the previous aggregate with each update. */
    void enableSendingOldValues();
}
