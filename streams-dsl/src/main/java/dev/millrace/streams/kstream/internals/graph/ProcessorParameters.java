package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.processor.api.FixedKeyProcessorSupplier;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.StoreBuilder;

import java.util.Set;

/**
 * A processor to add to the topology: its name and its supplier (a regular or a fixed-key one). Adding it also adds
 * the stores the supplier provides (a user's {@code stores()} or the DSL's {@link StoreProvidingSupplier}) and
 * connects them to it. Immutable.
 */
public final class ProcessorParameters {

    private final ProcessorSupplier<?, ?, ?, ?> supplier;
    private final FixedKeyProcessorSupplier<?, ?, ?> fixedKeySupplier;
    private final String processorName;

    /**
     * Parameters of a regular processor.
     *
     * @param supplier the supplier
     * @param processorName the processor's name
     */
    public ProcessorParameters(ProcessorSupplier<?, ?, ?, ?> supplier, String processorName) {
        this.supplier = supplier;
        this.fixedKeySupplier = null;
        this.processorName = processorName;
    }

    /**
     * Parameters of a fixed-key processor.
     *
     * @param supplier the supplier
     * @param processorName the processor's name
     */
    public ProcessorParameters(FixedKeyProcessorSupplier<?, ?, ?> supplier, String processorName) {
        this.supplier = null;
        this.fixedKeySupplier = supplier;
        this.processorName = processorName;
    }

    /** @return the regular supplier, or null */
    public ProcessorSupplier<?, ?, ?, ?> processorSupplier() {
        return supplier;
    }

    /** @return the processor name */
    public String processorName() {
        return processorName;
    }

    /**
     * Adds the processor and its stores.
     *
     * @param builder the topology builder
     * @param parentNames the parents
     */
    public void addProcessorTo(InternalTopologyBuilder builder, String... parentNames) {
        Set<StoreBuilder<?>> stores;
        Object owner;
        if (supplier != null) {
            builder.addProcessor(processorName, supplier, parentNames);
            stores = supplier.stores();
            owner = supplier;
        } else {
            builder.addProcessor(processorName, fixedKeySupplier, parentNames);
            stores = fixedKeySupplier.stores();
            owner = fixedKeySupplier;
        }
        if (owner instanceof StoreProvidingSupplier provider) {
            for (StoreFactory factory : provider.storeFactories()) {
                builder.addStateStore(factory, false, processorName);
            }
        } else if (stores != null) {
            for (StoreBuilder<?> store : stores) {
                builder.addStateStore(store, processorName);
            }
        }
    }

    @Override
    public String toString() {
        return "ProcessorParameters{processorName=" + processorName + "}";
    }
}
