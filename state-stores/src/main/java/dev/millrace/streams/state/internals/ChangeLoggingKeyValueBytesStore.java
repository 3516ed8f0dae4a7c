package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;

import java.util.List;

/**
 * The changelogging layer of a key-value store (Kafka Streams' {@code ChangeLoggingKeyValueBytesStore}): every
 * write is applied to the store below, then sent to the {@link ChangelogSink} with the key as is, the value (null
 * for a deletion) and the timestamp of the current record. A {@code putIfAbsent} that finds a value sends
 * nothing; a {@code delete} always sends a tombstone; an entry evicted by a {@link MemoryLRUCache} below is sent
 * as a tombstone. Reads go straight to the store below.
 *
 * <p>Failure: {@link #init} throws {@link IllegalStateException} when the context cannot log (see
 * {@link InternalStoreContext}). Owning thread: the stream thread.
 */
public class ChangeLoggingKeyValueBytesStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<Bytes, byte[]> {

    /** The logger resolved at init. */
    ChangeLogger logger;

    /**
     * Wraps a bytes store.
     *
     * @param inner the store below
     */
    public ChangeLoggingKeyValueBytesStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        logger = ChangeLogger.create(context, name(), wrapped());
        super.init(context, root);
        if (wrapped() instanceof MemoryLRUCache lru) {
            lru.setWhenEldestRemoved((key, value) -> log(key, null, logger.recordTimestamp()));
        }
    }

    /**
     * Sends one changelog record for a write of this store's value format.
     *
     * @param key the key
     * @param value the value as stored, or null
     * @param timestamp the timestamp of the current record
     */
    void log(Bytes key, byte[] value, long timestamp) {
        logger.log(key, value, timestamp);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        wrapped().put(key, value);
        log(key, value, logger.recordTimestamp());
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] previous = wrapped().putIfAbsent(key, value);
        if (previous == null) {
            log(key, value, logger.recordTimestamp());
        }
        return previous;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        wrapped().putAll(entries);
        for (KeyValue<Bytes, byte[]> entry : entries) {
            log(entry.key, entry.value, logger.recordTimestamp());
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] previous = wrapped().delete(key);
        log(key, null, logger.recordTimestamp());
        return previous;
    }

    @Override
    public byte[] get(Bytes key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
