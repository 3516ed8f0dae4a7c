package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.internals.ProcessorNode;
import dev.millrace.streams.processor.internals.TaskContext;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.state.internals.CacheFlushListener;
import dev.millrace.streams.state.internals.CachedStateStore;
import dev.millrace.streams.state.internals.ValueAndTimestampSerde;
import dev.millrace.streams.state.internals.WrappedStateStore;

/**
 * Forwards a materialized KTable operation's changes as Kafka Streams does: when the store has a cache, nothing is
 * forwarded while processing; the cache forwards each key's latest change when it flushes (on commit or eviction),
 * timestamped with the stored value's timestamp and with the old value read from the store below. Without a cache,
 * changes are forwarded at once. Old values are dropped unless requested.
 *
 * <p>Owning thread: the task's thread; one instance per processor instance.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class TimestampedTupleForwarder<K, V> {

    private final ProcessorContext<K, Change<V>> context;
    private final boolean sendOldValues;
    private final boolean cached;

    /**
     * Creates the forwarder and, for a cached store, registers the flush listener (call from {@code init}).
     *
     * @param store the processor's store
     * @param context the processor's context
     * @param keySerde the store's key serde, or null for the default
     * @param valueSerde the store's value serde, or null for the default
     * @param sendOldValues whether changes carry old values
     */
    TimestampedTupleForwarder(StateStore store, ProcessorContext<K, Change<V>> context, Serde<K> keySerde,
                              Serde<V> valueSerde, boolean sendOldValues) {
        this.context = context;
        this.sendOldValues = sendOldValues;
        CachedStateStore<byte[], byte[]> cache = cacheOf(store);
        Object rawContext = context;
        if (cache != null && rawContext instanceof TaskContext task) {
            cached = cache.setFlushListener(listener(task, store.name(), keySerde, valueSerde), sendOldValues);
        } else {
            cached = false;
        }
    }

    @SuppressWarnings("unchecked") // caching layers cache serialized keys and values
    private static CachedStateStore<byte[], byte[]> cacheOf(StateStore store) {
        StateStore current = store;
        while (current != null) {
            if (current instanceof CachedStateStore<?, ?> cache) {
                return (CachedStateStore<byte[], byte[]>) cache;
            }
            current = current instanceof WrappedStateStore<?> wrapped ? wrapped.wrapped() : null;
        }
        return null;
    }

    @SuppressWarnings("unchecked") // the default serdes are the store's serdes when none was given: Kafka's contract
    private CacheFlushListener<byte[], byte[]> listener(TaskContext task, String storeName, Serde<K> keySerde,
                                                        Serde<V> valueSerde) {
        ProcessorNode<?, ?, ?, ?> node = task.currentNode();
        Serde<K> keys = keySerde != null ? keySerde : (Serde<K>) task.keySerde();
        Serde<V> values = valueSerde != null ? valueSerde : (Serde<V>) task.valueSerde();
        Deserializer<K> keyDeserializer = keys.deserializer();
        Deserializer<ValueAndTimestamp<V>> valueDeserializer = new ValueAndTimestampSerde<>(values).deserializer();
        String topic = task.applicationId() + "-" + storeName + "-changelog";
        return record -> {
            ValueAndTimestamp<V> newValue = valueDeserializer.deserialize(topic, record.value().newValue);
            ValueAndTimestamp<V> oldValue = valueDeserializer.deserialize(topic, record.value().oldValue);
            long timestamp = newValue != null ? newValue.timestamp() : record.timestamp();
            ProcessorNode<?, ?, ?, ?> previous = task.currentNode();
            task.setCurrentNode(node);
            try {
                context.forward(new Record<>(keyDeserializer.deserialize(topic, record.key()),
                        new Change<>(ValueAndTimestamp.getValueOrNull(newValue),
                                ValueAndTimestamp.getValueOrNull(oldValue)), timestamp, record.headers()));
            } finally {
                task.setCurrentNode(previous);
            }
        };
    }

    /**
     * Forwards a change now, unless the cache will forward it on flush.
     *
     * @param record the change, with its old value
     */
    void maybeForward(Record<K, Change<V>> record) {
        if (cached) {
            return;
        }
        context.forward(sendOldValues ? record : record.withValue(new Change<>(record.value().newValue, null)));
    }
}
