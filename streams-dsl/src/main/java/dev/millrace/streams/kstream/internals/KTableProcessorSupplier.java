package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.ProcessorSupplier;

/**
 * The supplier behind a KTable operation whose input and output are changes: it exposes the table's view (value
 * getters) and can be asked to send old values (needed by aggregations and joins downstream).
 *
 * @param <KIn> the input key type
 * @param <VIn> the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
public interface KTableProcessorSupplier<KIn, VIn, KOut, VOut>
        extends ProcessorSupplier<KIn, Change<VIn>, KOut, Change<VOut>> {

    /** @return value getters of the resulting table */
    KTableValueGetterSupplier<KOut, VOut> view();

    /**
     * Asks the operation to forward old values.
     *
     * @param forceMaterialization whether an unmaterialized source may be materialized to provide them
     * @return whether old values will be sent
     */
    boolean enableSendingOldValues(boolean forceMaterialization);
}
