package dev.millrace.streams.state.internals;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;

import java.util.function.Function;

/**
 * Presents an iterator with its keys and values converted (deserialized), in the same order. Closing it closes
 * the inner iterator. Not thread-safe.
 *
 * @param <K1> the inner key type
 * @param <V1> the inner value type
 * @param <K2> the converted key type
 * @param <V2> the converted value type
 */
class MappedKeyValueIterator<K1, V1, K2, V2> implements KeyValueIterator<K2, V2> {

    private final KeyValueIterator<K1, V1> inner;
    private final Function<K1, K2> keyMapper;
    private final Function<V1, V2> valueMapper;

    MappedKeyValueIterator(KeyValueIterator<K1, V1> inner, Function<K1, K2> keyMapper, Function<V1, V2> valueMapper) {
        this.inner = inner;
        this.keyMapper = keyMapper;
        this.valueMapper = valueMapper;
    }

    @Override
    public boolean hasNext() {
        return inner.hasNext();
    }

    @Override
    public KeyValue<K2, V2> next() {
        KeyValue<K1, V1> next = inner.next();
        return new KeyValue<>(keyMapper.apply(next.key), valueMapper.apply(next.value));
    }

    @Override
    public K2 peekNextKey() {
        return keyMapper.apply(inner.peekNextKey());
    }

    @Override
    public void close() {
        inner.close();
    }
}
