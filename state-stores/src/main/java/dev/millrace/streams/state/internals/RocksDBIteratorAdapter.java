package dev.millrace.streams.state.internals;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStoreIterator;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEntry;
import dev.millrace.streams.state.internals.rocksdb.RocksDbIterator;
import dev.millrace.streams.state.internals.rocksdb.RocksDbStoreException;
import java.util.function.Function;

/**
 * Presents an engine iterator as a store iterator, turning each stored key into the store's key type. The
 * iterator belongs to the thread that opened it and must be closed; once it or its store is closed, every call
 * but {@link #close()} throws {@link InvalidStateStoreException}, as Kafka Streams' RocksDB iterators do.
 *
 * @param <K> the key type handed out
 */
class RocksDBIteratorAdapter<K> implements KeyValueIterator<K, byte[]> {

    private final String storeName;
    private final RocksDbIterator inner;
    private final Function<byte[], K> keyMapper;

    /**
     * @param storeName the store name, for messages
     * @param inner the engine iterator, owned from now on
     * @param keyMapper turns a stored key into the key handed out
     */
    RocksDBIteratorAdapter(String storeName, RocksDbIterator inner, Function<byte[], K> keyMapper) {
        this.storeName = storeName;
        this.inner = inner;
        this.keyMapper = keyMapper;
    }

    @Override
    public boolean hasNext() {
        try {
            return inner.hasNext();
        } catch (RocksDbStoreException e) {
            throw closed(e);
        }
    }

    @Override
    public KeyValue<K, byte[]> next() {
        try {
            RocksDbEntry entry = inner.next();
            return KeyValue.pair(keyMapper.apply(entry.key()), entry.value());
        } catch (RocksDbStoreException e) {
            throw closed(e);
        }
    }

    @Override
    public K peekNextKey() {
        try {
            return keyMapper.apply(inner.peekNextKey());
        } catch (RocksDbStoreException e) {
            throw closed(e);
        }
    }

    @Override
    public void close() {
        inner.close();
    }

    private InvalidStateStoreException closed(RocksDbStoreException cause) {
        return new InvalidStateStoreException("reason=iteratorClosed store=" + storeName, cause);
    }

    /** The same adapter for iterators keyed by window start. */
    static final class WindowStarts extends RocksDBIteratorAdapter<Long> implements WindowStoreIterator<byte[]> {

        WindowStarts(String storeName, RocksDbIterator inner, Function<byte[], Long> keyMapper) {
            super(storeName, inner, keyMapper);
        }
    }
}
