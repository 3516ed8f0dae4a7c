package dev.millrace.streams.processor.internals;

import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.StoreBuilder;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link StoreFactory} over a user's {@link StoreBuilder}: the builder decides everything, including its type; two
 * wrappers are compatible only when they wrap the same builder instance, as in Kafka Streams.
 */
public final class StoreBuilderWrapper implements StoreFactory {

    private final StoreBuilder<?> builder;
    private final Set<String> connectedProcessorNames = new HashSet<>();

    /**
     * Wraps a builder.
     *
     * @param builder the builder, not null
     */
    public StoreBuilderWrapper(StoreBuilder<?> builder) {
        this.builder = java.util.Objects.requireNonNull(builder, "storeBuilder cannot be null");
    }

    /** @return the wrapped builder */
    public StoreBuilder<?> builder() {
        return builder;
    }

    @Override
    public StateStore build() {
        return builder.build();
    }

    @Override
    public String storeName() {
        return builder.name();
    }

    @Override
    public boolean loggingEnabled() {
        return builder.loggingEnabled();
    }

    @Override
    public Map<String, String> logConfig() {
        return builder.logConfig();
    }

    @Override
    public void withCachingDisabled() {
        builder.withCachingDisabled();
    }

    @Override
    public void withLoggingDisabled() {
        builder.withLoggingDisabled();
    }

    @Override
    public Set<String> connectedProcessorNames() {
        return connectedProcessorNames;
    }

    @Override
    public boolean isCompatibleWith(StoreFactory other) {
        return other instanceof StoreBuilderWrapper wrapper && wrapper.builder == builder;
    }
}
