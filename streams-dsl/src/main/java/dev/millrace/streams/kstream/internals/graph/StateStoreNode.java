package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.StoreFactory;

/**
 * A {@code builder.addStateStore(...)}: adds the store, unconnected; processors connect it by name later.
 */
public final class StateStoreNode extends GraphNode {

    private final StoreFactory store;

    /**
     * Creates the node.
     *
     * @param store the store
     */
    public StateStoreNode(StoreFactory store) {
        super(store.storeName());
        this.store = store;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder) {
        builder.addStateStore(store, false);
    }
}
