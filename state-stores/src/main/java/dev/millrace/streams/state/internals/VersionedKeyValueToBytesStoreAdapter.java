package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.common.TopicPartition;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.VersionedBytesStore;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Presents a versioned store over bytes as a {@link VersionedBytesStore}: found versions are returned in the
 * timestamped format (8-byte big-endian timestamp, then the value), without their end of validity. The plain
 * key-value writes, scans and counts are refused with {@link UnsupportedOperationException}; {@link #get(Bytes)}
 * returns the latest version. Lifecycle calls go to the inner store.
 */
public class VersionedKeyValueToBytesStoreAdapter implements VersionedBytesStore {

    private final VersionedKeyValueStore<Bytes, byte[]> inner;

    /**
     * Wraps a versioned store.
     *
     * @param inner the store over bytes
     */
    public VersionedKeyValueToBytesStoreAdapter(VersionedKeyValueStore<Bytes, byte[]> inner) {
        this.inner = Objects.requireNonNull(inner, "reason=nullInnerStore");
    }

    /**
     * Returns the wrapped store.
     *
     * @return the inner store
     */
    VersionedKeyValueStore<Bytes, byte[]> inner() {
        return inner;
    }

    @Override
    public long put(Bytes key, byte[] value, long timestamp) {
        return inner.put(key, value, timestamp);
    }

    @Override
    public byte[] get(Bytes key) {
        return toTimestampedBytes(inner.get(key));
    }

    @Override
    public byte[] get(Bytes key, long asOfTimestamp) {
        return toTimestampedBytes(inner.get(key, asOfTimestamp));
    }

    @Override
    public byte[] delete(Bytes key, long timestamp) {
        return toTimestampedBytes(inner.delete(key, timestamp));
    }

    private static byte[] toTimestampedBytes(VersionedRecord<byte[]> record) {
        return record == null ? null : ValueAndTimestampSerde.rawValueAndTimestamp(record.value(), record.timestamp());
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    public void flush() {
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public void put(Bytes key, byte[] value) {
        throw refused("put(key, value)");
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        throw refused("putIfAbsent");
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        throw refused("putAll");
    }

    @Override
    public byte[] delete(Bytes key) {
        throw refused("delete(key)");
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        throw refused("range");
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        throw refused("reverseRange");
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        throw refused("all");
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        throw refused("reverseAll");
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        throw refused("prefixScan");
    }

    @Override
    public long approximateNumEntries() {
        throw refused("approximateNumEntries");
    }

    private UnsupportedOperationException refused(String operation) {
        return new UnsupportedOperationException("reason=notSupportedByVersionedStore operation=" + operation
                + " store=" + name());
    }
}
