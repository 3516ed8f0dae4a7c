package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.MultiVersionedKeyQuery;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.ResultOrder;
import dev.millrace.streams.query.VersionedKeyQuery;
import dev.millrace.streams.query.internals.InternalQueryResultUtil;
import dev.millrace.streams.state.VersionedBytesStore;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;
import dev.millrace.streams.state.VersionedRecordIterator;

import java.time.Instant;
import java.util.Objects;

/**
 * The typed face of a versioned store over bytes (Kafka Streams' {@code MeteredVersionedKeyValueStore} without
 * metrics). Reads return the version's value and timestamp; like Kafka Streams, the end of validity is not
 * carried through the bytes store, so returned records have an empty {@code validTo}. Thread-safety is that of
 * the inner store.
 *
 * <p>Interactive queries, as in Kafka Streams: {@link VersionedKeyQuery} and {@link MultiVersionedKeyQuery} are
 * re-created over the serialized key and sent to the store below, and the versions they return deserialized
 * (iterators lazily) with their end of validity, keeping the position and execution details of the answer below.
 * A multi-version query's open ends become the extreme instants; one whose start is after its end is refused with
 * {@link IllegalArgumentException}. {@link KeyQuery} and {@link RangeQuery} are refused with
 * {@link UnsupportedOperationException}; other query types pass through unchanged.
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

    /**
     * Answers a typed query as described in the class comment.
     *
     * @throws UnsupportedOperationException for a {@link KeyQuery} or a {@link RangeQuery}
     * @throws IllegalArgumentException for a {@link MultiVersionedKeyQuery} whose start is after its end
     */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result;
        if (query instanceof KeyQuery<?, ?> || query instanceof RangeQuery<?, ?>) {
            throw new UnsupportedOperationException("reason=queryTypeNotSupportedByVersionedStore store=" + name()
                    + " queryType=" + query.getClass().getSimpleName());
        } else if (query instanceof VersionedKeyQuery<?, ?> keyQuery) {
            result = StoreQueries.resultOf(queryVersion(keyQuery, positionBound, config));
        } else if (query instanceof MultiVersionedKeyQuery<?, ?> multiQuery) {
            result = StoreQueries.resultOf(queryVersions(multiQuery, positionBound, config));
        } else {
            result = wrapped().query(query, positionBound, config);
        }
        if (config.isCollectExecutionInfo()) {
            result.addExecutionInfo(StoreQueries.executionInfo(this, start));
        }
        return result;
    }

    private QueryResult<VersionedRecord<V>> queryVersion(VersionedKeyQuery<?, ?> query, PositionBound positionBound,
                                                         QueryConfig config) {
        VersionedKeyQuery<Bytes, byte[]> rawQuery = VersionedKeyQuery.withKey(rawQueryKey(query.key()));
        if (query.asOfTimestamp().isPresent()) {
            rawQuery = rawQuery.asOf(query.asOfTimestamp().get());
        }
        QueryResult<VersionedRecord<byte[]>> raw = wrapped().query(rawQuery, positionBound, config);
        if (raw.isFailure() || raw.getResult() == null) {
            return StoreQueries.resultOf(raw);
        }
        StoreSerdes<K, V> current = serdes();
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw,
                MappedVersionedRecordIterator.map(raw.getResult(), current::value));
    }

    private QueryResult<VersionedRecordIterator<V>> queryVersions(MultiVersionedKeyQuery<?, ?> query,
                                                                  PositionBound positionBound, QueryConfig config) {
        Instant fromTime = query.fromTime().orElse(Instant.ofEpochMilli(Long.MIN_VALUE));
        Instant toTime = query.toTime().orElse(Instant.ofEpochMilli(Long.MAX_VALUE));
        if (fromTime.isAfter(toTime)) {
            throw new IllegalArgumentException("reason=fromTimeAfterToTime store=" + name() + " fromTime=" + fromTime
                    + " toTime=" + toTime);
        }
        MultiVersionedKeyQuery<Bytes, byte[]> rawQuery = MultiVersionedKeyQuery.<Bytes, byte[]>withKey(
                rawQueryKey(query.key())).fromTime(fromTime).toTime(toTime);
        if (query.resultOrder() == ResultOrder.DESCENDING) {
            rawQuery = rawQuery.withDescendingTimestamps();
        } else if (query.resultOrder() == ResultOrder.ASCENDING) {
            rawQuery = rawQuery.withAscendingTimestamps();
        }
        QueryResult<VersionedRecordIterator<byte[]>> raw = wrapped().query(rawQuery, positionBound, config);
        if (raw.isFailure()) {
            return StoreQueries.resultOf(raw);
        }
        StoreSerdes<K, V> current = serdes();
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw,
                new MappedVersionedRecordIterator<>(raw.getResult(), current::value));
    }

    /**
     * Serializes a key taken from a query. A query against this store carries keys of the store's key type, which
     * {@code Query<R>} cannot express; a key of another type fails in the key serializer, as in Kafka Streams.
     */
    @SuppressWarnings("unchecked")
    private Bytes rawQueryKey(Object key) {
        return serdes().rawKey((K) key);
    }

    private VersionedRecord<V> record(byte[] timestamped) {
        if (timestamped == null) {
            return null;
        }
        V value = serdes().value(ValueAndTimestampSerde.rawValue(timestamped));
        return value == null ? null : new VersionedRecord<>(value, ValueAndTimestampSerde.timestamp(timestamped));
    }
}
