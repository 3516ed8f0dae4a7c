package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.kstream.internals.ConsumedInternal;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;

/**
 * A {@code builder.addGlobalStore(...)}: the global source, its update processor and the store (never
 * changelogged: it restores from its topic).
 */
public final class GlobalStoreNode extends GraphNode {

    private final String sourceName;
    private final String topic;
    private final ConsumedInternal<?, ?> consumed;
    private final String processorName;
    private final ProcessorSupplier<?, ?, Void, Void> updateSupplier;

    /**
     * Creates the node.
     *
     * @param storeName the store's name (the node name)
     * @param sourceName the source node's name
     * @param topic the topic
     * @param consumed the options
     * @param processorName the update processor's name
     * @param updateSupplier the update processor, whose {@code stores()} names the store
     */
    public GlobalStoreNode(String storeName, String sourceName, String topic, ConsumedInternal<?, ?> consumed,
                           String processorName, ProcessorSupplier<?, ?, Void, Void> updateSupplier) {
        super(storeName);
        this.sourceName = sourceName;
        this.topic = topic;
        this.consumed = consumed;
        this.processorName = processorName;
        this.updateSupplier = updateSupplier;
    }

    @Override
    @SuppressWarnings("unchecked") // the builder's signature takes the update processor's input types as unknown
    public void writeToTopology(InternalTopologyBuilder builder) {
        builder.addGlobalStore(sourceName, consumed.timestampExtractor(), consumed.keyDeserializer(),
                consumed.valueDeserializer(), topic, processorName,
                (ProcessorSupplier<Object, Object, Void, Void>) updateSupplier);
    }
}
