package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;

/**
 * The typed face of a timestamped key-value store: values are stored in the timestamped format (8-byte
 * timestamp, then the value bytes). See {@link TypedKeyValueStore}.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TypedTimestampedKeyValueStore<K, V> extends TypedKeyValueStore<K, ValueAndTimestamp<V>>
        implements TimestampedKeyValueStore<K, V> {

    TypedTimestampedKeyValueStore(KeyValueStore<Bytes, byte[]> inner, SerdeSource<K> keySerde,
                                  SerdeSource<ValueAndTimestamp<V>> valueSerde) {
        super(inner, keySerde, valueSerde);
    }
}
