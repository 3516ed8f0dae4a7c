package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The typed face of a key-value store over bytes: serializes keys and values on the way in and deserializes
 * them on the way out, with the serdes resolved at {@link #init} (Kafka Streams' {@code MeteredKeyValueStore}
 * without metrics). Ordering and range semantics are those of the serialized keys. Null keys are rejected with
 * {@link NullPointerException}; null range bounds mean "unbounded". Thread-safety is that of the inner store.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedKeyValueStore<K, V> extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<K, V> {

    private final SerdeSource<K> keySerde;
    private final SerdeSource<V> valueSerde;
    private StoreSerdes<K, V> serdes;

    TypedKeyValueStore(KeyValueStore<Bytes, byte[]> inner, SerdeSource<K> keySerde, SerdeSource<V> valueSerde) {
        super(inner);
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        serdes = new StoreSerdes<>(StoreSerdes.changelogTopic(context.applicationId(), name()),
                keySerde.resolve(context, name()), valueSerde.resolve(context, name()));
        super.init(context, root);
    }

    private StoreSerdes<K, V> serdes() {
        if (serdes == null) {
            throw new IllegalStateException("reason=storeNotInitialised store=" + name());
        }
        return serdes;
    }

    private Bytes keyBytes(K key) {
        return serdes().rawKey(Objects.requireNonNull(key, "reason=nullKey"));
    }

    @Override
    public V get(K key) {
        return serdes().value(wrapped().get(keyBytes(key)));
    }

    @Override
    public void put(K key, V value) {
        wrapped().put(keyBytes(key), serdes().rawValue(value));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return serdes().value(wrapped().putIfAbsent(keyBytes(key), serdes().rawValue(value)));
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        List<KeyValue<Bytes, byte[]>> raw = new ArrayList<>(entries.size());
        for (KeyValue<K, V> entry : entries) {
            raw.add(new KeyValue<>(keyBytes(entry.key), serdes().rawValue(entry.value)));
        }
        wrapped().putAll(raw);
    }

    @Override
    public V delete(K key) {
        return serdes().value(wrapped().delete(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return typed(wrapped().range(serdes().rawKey(from), serdes().rawKey(to)));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return typed(wrapped().reverseRange(serdes().rawKey(from), serdes().rawKey(to)));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return typed(wrapped().all());
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return typed(wrapped().reverseAll());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        Objects.requireNonNull(prefix, "reason=nullPrefix");
        Objects.requireNonNull(prefixKeySerializer, "reason=nullPrefixKeySerializer");
        return typed(wrapped().prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    private KeyValueIterator<K, V> typed(KeyValueIterator<Bytes, byte[]> raw) {
        StoreSerdes<K, V> current = serdes();
        return new MappedKeyValueIterator<>(raw, current::key, current::value);
    }
}
