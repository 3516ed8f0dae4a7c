package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.TimestampedWindowStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.state.WindowStore;

/**
 * The typed face of a timestamped window store: values are stored in the timestamped format. See
 * {@link TypedWindowStore}.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TypedTimestampedWindowStore<K, V> extends TypedWindowStore<K, ValueAndTimestamp<V>>
        implements TimestampedWindowStore<K, V> {

    TypedTimestampedWindowStore(WindowStore<Bytes, byte[]> inner, SerdeSource<K> keySerde,
                                SerdeSource<ValueAndTimestamp<V>> valueSerde) {
        super(inner, keySerde, valueSerde);
    }
}
