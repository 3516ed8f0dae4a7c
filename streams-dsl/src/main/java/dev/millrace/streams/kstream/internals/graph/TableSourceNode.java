package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.kstream.internals.ConsumedInternal;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.StoreFactory;

/**
 * A {@code builder.table(...)} or {@code builder.globalTable(...)} source: a source node plus the KTable source
 * processor (and its store when materialized). With {@code reuse.ktable.source.topics} the store's changelog is the
 * source topic itself (no {@code -changelog} topic); global tables always restore from their topic.
 */
public final class TableSourceNode extends GraphNode {

    private final String sourceName;
    private final String topic;
    private final ConsumedInternal<?, ?> consumed;
    private final ProcessorParameters parameters;
    private final boolean global;
    private boolean reuseSourceTopicForChangelog;

    /**
     * Creates the node.
     *
     * @param nodeName the table processor's name (the graph node name; null for global tables as in Kafka)
     * @param sourceName the source node's name
     * @param topic the topic
     * @param consumed the options
     * @param parameters the table source processor
     * @param global whether this is a global table
     */
    public TableSourceNode(String nodeName, String sourceName, String topic, ConsumedInternal<?, ?> consumed,
                           ProcessorParameters parameters, boolean global) {
        super(nodeName);
        this.sourceName = sourceName;
        this.topic = topic;
        this.consumed = consumed;
        this.parameters = parameters;
        this.global = global;
    }

    /** @param reuse whether the source topic serves as the store's changelog */
    public void reuseSourceTopicForChangeLog(boolean reuse) {
        this.reuseSourceTopicForChangelog = reuse;
    }

    @Override
    @SuppressWarnings("unchecked") // a global table's source processor outputs nothing: Kafka's signature
    public void writeToTopology(InternalTopologyBuilder builder) {
        ProcessorSupplier<?, ?, ?, ?> supplier = parameters.processorSupplier();
        if (global) {
            builder.addGlobalStore(sourceName, consumed.timestampExtractor(), consumed.keyDeserializer(),
                    consumed.valueDeserializer(), topic, parameters.processorName(),
                    (ProcessorSupplier<Object, Object, Void, Void>) supplier);
            return;
        }
        builder.addSource(sourceName, consumed.timestampExtractor(), consumed.keyDeserializer(),
                consumed.valueDeserializer(), topic);
        parameters.addProcessorTo(builder, sourceName);
        if (reuseSourceTopicForChangelog && supplier instanceof StoreProvidingSupplier provider) {
            for (StoreFactory store : provider.storeFactories()) {
                store.withLoggingDisabled();
                builder.connectSourceStoreAndTopic(store.storeName(), topic);
            }
        }
    }
}
