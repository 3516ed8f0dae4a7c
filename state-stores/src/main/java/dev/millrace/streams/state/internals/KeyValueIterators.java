package dev.millrace.streams.state.internals;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStoreIterator;

import java.util.NoSuchElementException;

/** Empty iterators. */
final class KeyValueIterators {

    private KeyValueIterators() {
    }

    /**
     * Returns an iterator with no element.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the empty iterator
     */
    static <K, V> KeyValueIterator<K, V> emptyIterator() {
        return new EmptyIterator<>();
    }

    /**
     * Returns a window iterator with no element.
     *
     * @param <V> the value type
     * @return the empty iterator
     */
    static <V> WindowStoreIterator<V> emptyWindowStoreIterator() {
        return new EmptyWindowStoreIterator<>();
    }

    private static class EmptyIterator<K, V> implements KeyValueIterator<K, V> {

        @Override
        public void close() {
        }

        @Override
        public K peekNextKey() {
            throw new NoSuchElementException("reason=emptyIterator");
        }

        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public KeyValue<K, V> next() {
            throw new NoSuchElementException("reason=emptyIterator");
        }
    }

    private static final class EmptyWindowStoreIterator<V> extends EmptyIterator<Long, V>
            implements WindowStoreIterator<V> {
    }
}
