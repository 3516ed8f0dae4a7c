package dev.millrace.streams.processor;

import dev.millrace.streams.state.StoreBuilder;

import java.util.Set;

/**
 * Lets a processor supplier declare the state stores its processors use: the topology adds them and connects them to
 * the processor, so callers need neither {@code addStateStore} nor store names.
 */
public interface ConnectedStoreProvider {

    /**
     * Returns the builders of the stores to add and connect.
     *
     * @return the store builders, or null (the default) for none
     */
    default Set<StoreBuilder<?>> stores() {
        return null;
    }
}
