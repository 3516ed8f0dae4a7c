package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.VersionedBytesStore;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;

import java.util.Objects;

/**
 * The typed face of a versioned store over bytes (Kafka Streams' {@code MeteredVersionedKeyValueStore} without
 * metrics). Reads return the version's value and timestamp; like Kafka Streams, the end of validity is not
 * carried through the bytes store, so returned records have an empty {@code validTo}. Thread-safety is that of
 * the inner store.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedVersionedKeyValueStore<K, V> extends WrappedStateStore<VersionedBytesStore>
        implements VersionedKeyValueStore<K, V> {

    private final SerdeSource<K> keySerde;
    private final SerdeSource<V> valueSerde;
    private StoreSerdes<K, V> serdes;

    TypedVersionedKeyValueStore(VersionedBytesStore inner, SerdeSource<K> keySerde, SerdeSource<V> valueSerde) {
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
    public long put(K key, V value, long timestamp) {
        return wrapped().put(keyBytes(key), serdes().rawValue(value), timestamp);
    }

    @Override
    public VersionedRecord<V> delete(K key, long timestamp) {
        return record(wrapped().delete(keyBytes(key), timestamp));
    }

    @Override
    public VersionedRecord<V> get(K key) {
        return record(wrapped().get(keyBytes(key)));
    }

    @Override
    public VersionedRecord<V> get(K key, long asOfTimestamp) {
        return record(wrapped().get(keyBytes(key), asOfTimestamp));
    }

    private VersionedRecord<V> record(byte[] timestamped) {
        if (timestamped == null) {
            return null;
        }
        V value = serdes().value(ValueAndTimestampSerde.rawValue(timestamped));
        return value == null ? null : new VersionedRecord<>(value, ValueAndTimestampSerde.timestamp(timestamped));
    }
}
