package dev.millrace.streams.state.internals;

import dev.millrace.streams.state.WindowStoreIterator;

import java.util.function.Function;

/**
 * Presents a window iterator with its values converted (deserialized); window starts pass through. Not
 * thread-safe.
 *
 * @param <V> the converted value type
 */
final class MappedWindowStoreIterator<V> extends MappedKeyValueIterator<Long, byte[], Long, V>
        implements WindowStoreIterator<V> {

    MappedWindowStoreIterator(WindowStoreIterator<byte[]> inner, Function<byte[], V> valueMapper) {
        super(inner, Function.identity(), valueMapper);
    }
}
