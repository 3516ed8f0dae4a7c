package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.FailureReason;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.WindowKeyQuery;
import dev.millrace.streams.query.WindowRangeQuery;
import dev.millrace.streams.query.internals.InternalQueryResultUtil;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;

import java.util.Objects;

/**
 * The typed face of a window store over bytes (Kafka Streams' {@code MeteredWindowStore} without metrics):
 * serializes keys and values on the way in, deserializes on the way out, with the serdes resolved at
 * {@link #init}. Null keys of single-key operations are rejected; null range bounds mean "unbounded".
 * Thread-safety is that of the inner store.
 *
 * <p>Interactive queries, as in Kafka Streams: {@link WindowKeyQuery} and the time form of
 * {@link WindowRangeQuery} are re-created over bytes, sent to the store below and their iterators deserialized
 * lazily (on a timestamped store the values are {@code ValueAndTimestamp}s), keeping the position and execution
 * details of the answer below; the key form of {@link WindowRangeQuery} fails with
 * {@link FailureReason#UNKNOWN_QUERY_TYPE} here; other query types pass through unchanged.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedWindowStore<K, V> extends WrappedStateStore<WindowStore<Bytes, byte[]>> implements WindowStore<K, V> {

    private final SerdeSource<K> keySerde;
    private final SerdeSource<V> valueSerde;
    private StoreSerdes<K, V> serdes;

    TypedWindowStore(WindowStore<Bytes, byte[]> inner, SerdeSource<K> keySerde, SerdeSource<V> valueSerde) {
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
    public void put(K key, V value, long windowStartTimestamp) {
        wrapped().put(keyBytes(key), serdes().rawValue(value), windowStartTimestamp);
    }

    @Override
    public V fetch(K key, long time) {
        return serdes().value(wrapped().fetch(keyBytes(key), time));
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return typed(wrapped().fetch(keyBytes(key), timeFrom, timeTo));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return typed(wrapped().backwardFetch(keyBytes(key), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return windowed(wrapped().fetch(serdes().rawKey(keyFrom), serdes().rawKey(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return windowed(wrapped().backwardFetch(serdes().rawKey(keyFrom), serdes().rawKey(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        return windowed(wrapped().fetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        return windowed(wrapped().backwardFetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        return windowed(wrapped().all());
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        return windowed(wrapped().backwardAll());
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result;
        if (query.getClass() == WindowKeyQuery.class) {
            result = StoreQueries.resultOf(queryKey((WindowKeyQuery<?, ?>) query, positionBound, config));
        } else if (query.getClass() == WindowRangeQuery.class) {
            result = StoreQueries.resultOf(queryRange((WindowRangeQuery<?, ?>) query, positionBound, config));
        } else {
            result = wrapped().query(query, positionBound, config);
        }
        if (config.isCollectExecutionInfo()) {
            result.addExecutionInfo(StoreQueries.executionInfo(this, start));
        }
        return result;
    }

    private QueryResult<WindowStoreIterator<V>> queryKey(WindowKeyQuery<?, ?> query, PositionBound positionBound,
                                                         QueryConfig config) {
        WindowKeyQuery<Bytes, byte[]> rawQuery = WindowKeyQuery.withKeyAndWindowStartRange(
                rawQueryKey(query.getKey()), query.getTimeFrom().orElseThrow(), query.getTimeTo().orElseThrow());
        QueryResult<WindowStoreIterator<byte[]>> raw = wrapped().query(rawQuery, positionBound, config);
        if (raw.isFailure()) {
            return StoreQueries.resultOf(raw);
        }
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw, typed(raw.getResult()));
    }

    private QueryResult<KeyValueIterator<Windowed<K>, V>> queryRange(WindowRangeQuery<?, ?> query,
                                                                     PositionBound positionBound,
                                                                     QueryConfig config) {
        if (query.getTimeFrom().isEmpty() || query.getTimeTo().isEmpty()) {
            return QueryResult.forFailure(FailureReason.UNKNOWN_QUERY_TYPE,
                    "reason=windowStoresAnswerOnlyWithWindowStartRange store=" + name() + " query=" + query);
        }
        WindowRangeQuery<Bytes, byte[]> rawQuery = WindowRangeQuery.withWindowStartRange(query.getTimeFrom().get(),
                query.getTimeTo().get());
        QueryResult<KeyValueIterator<Windowed<Bytes>, byte[]>> raw = wrapped().query(rawQuery, positionBound, config);
        if (raw.isFailure()) {
            return StoreQueries.resultOf(raw);
        }
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw, windowed(raw.getResult()));
    }

    /**
     * Serializes a key taken from a query (null stays null). A query against this store carries keys of the
     * store's key type, which {@code Query<R>} cannot express; a key of another type fails in the key serializer,
     * as in Kafka Streams.
     */
    @SuppressWarnings("unchecked")
    private Bytes rawQueryKey(Object key) {
        return serdes().rawKey((K) key);
    }

    private WindowStoreIterator<V> typed(WindowStoreIterator<byte[]> raw) {
        return new MappedWindowStoreIterator<>(raw, serdes()::value);
    }

    private KeyValueIterator<Windowed<K>, V> windowed(KeyValueIterator<Windowed<Bytes>, byte[]> raw) {
        StoreSerdes<K, V> current = serdes();
        return new MappedKeyValueIterator<>(raw,
                windowedKey -> new Windowed<>(current.key(windowedKey.key()), windowedKey.window()), current::value);
    }
}
