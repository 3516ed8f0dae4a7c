package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.processor.internals.StoreFactory;

import java.util.List;

/**
 * A DSL processor supplier that owns stores: the DSL adds them to the topology with the processor, as
 * {@link StoreFactory} instances so that the store type can still follow {@code default.dsl.store}.
 */
public interface StoreProvidingSupplier {

    /** @return the stores to add and connect to the processor; empty when the operation is not materialized */
    List<StoreFactory> storeFactories();
}
