package dev.millrace.streams.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain {@link KeyValueStore} view of a {@link TimestampedKeyValueStore}, as the test driver's
 * {@code getKeyValueStore} returns for DSL stores: reads drop the timestamps, writes store the value with no
 * timestamp (-1), as Kafka Streams' facade does.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyValueStoreFacade<K, V> implements KeyValueStore<K, V> {

    private static final long NO_TIMESTAMP = -1L;

    private final TimestampedKeyValueStore<K, V> inner;

    /**
     * Wraps a timestamped store.
     *
     * @param inner the store
     */
    public KeyValueStoreFacade(TimestampedKeyValueStore<K, V> inner) {
        this.inner = inner;
    }

    @Override
    public void put(K key, V value) {
        inner.put(key, ValueAndTimestamp.make(value, NO_TIMESTAMP));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return ValueAndTimestamp.getValueOrNull(inner.putIfAbsent(key, ValueAndTimestamp.make(value, NO_TIMESTAMP)));
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        List<KeyValue<K, ValueAndTimestamp<V>>> stamped = new ArrayList<>(entries.size());
        for (KeyValue<K, V> entry : entries) {
            stamped.add(KeyValue.pair(entry.key, ValueAndTimestamp.make(entry.value, NO_TIMESTAMP)));
        }
        inner.putAll(stamped);
    }

    @Override
    public V delete(K key) {
        return ValueAndTimestamp.getValueOrNull(inner.delete(key));
    }

    @Override
    public V get(K key) {
        return ValueAndTimestamp.getValueOrNull(inner.get(key));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return new ValueIterator<>(inner.range(from, to));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return new ValueIterator<>(inner.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return new ValueIterator<>(inner.all());
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return new ValueIterator<>(inner.reverseAll());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return new ValueIterator<>(inner.prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    public void flush() {
        inner.flush();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    /** Drops the timestamps of an iterator's values. */
    private static final class ValueIterator<K, V> implements KeyValueIterator<K, V> {
        private final KeyValueIterator<K, ValueAndTimestamp<V>> inner;

        ValueIterator(KeyValueIterator<K, ValueAndTimestamp<V>> inner) {
            this.inner = inner;
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public KeyValue<K, V> next() {
            KeyValue<K, ValueAndTimestamp<V>> next = inner.next();
            return KeyValue.pair(next.key, ValueAndTimestamp.getValueOrNull(next.value));
        }

        @Override
        public K peekNextKey() {
            return inner.peekNextKey();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
