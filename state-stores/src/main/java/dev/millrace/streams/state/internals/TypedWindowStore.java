package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;

import java.util.Objects;

/**
 * The typed face of a window store over bytes (Kafka Streams' {@code MeteredWindowStore} without metrics):
 * serializes keys and values on the way in, deserializes on the way out, with the serdes resolved at
 * {@link #init}. Null keys of single-key operations are rejected; null range bounds mean "unbounded".
 * Thread-safety is that of the inner store.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedWindowStore<K, V> extends WrappedStateStore<WindowStore<Bytes, byte[]>> implements WindowStore<K, V> {

    private final SerdeSource<K> keySerde;
    private final SerdeSource<V> valueSerde;
    private StoreSerdes<K, V> serdes;

    TypedWindowStore(WindowStore<Bytes, byte[]> inner, SerdeSource<K> keySerde, SerdeSource<V> valueSerde) {
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
    public void put(K key, V value, long windowStartTimestamp) {
        wrapped().put(keyBytes(key), serdes().rawValue(value), windowStartTimestamp);
    }

    @Override
    public V fetch(K key, long time) {
        return serdes().value(wrapped().fetch(keyBytes(key), time));
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return typed(wrapped().fetch(keyBytes(key), timeFrom, timeTo));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return typed(wrapped().backwardFetch(keyBytes(key), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return windowed(wrapped().fetch(serdes().rawKey(keyFrom), serdes().rawKey(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return windowed(wrapped().backwardFetch(serdes().rawKey(keyFrom), serdes().rawKey(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        return windowed(wrapped().fetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        return windowed(wrapped().backwardFetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        return windowed(wrapped().all());
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        return windowed(wrapped().backwardAll());
    }

    private WindowStoreIterator<V> typed(WindowStoreIterator<byte[]> raw) {
        return new MappedWindowStoreIterator<>(raw, serdes()::value);
    }

    private KeyValueIterator<Windowed<K>, V> windowed(KeyValueIterator<Windowed<Bytes>, byte[]> raw) {
        StoreSerdes<K, V> current = serdes();
        return new MappedKeyValueIterator<>(raw,
                windowedKey -> new Windowed<>(current.key(windowedKey.key()), windowedKey.window()), current::value);
    }
}
