package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.ResultOrder;
import dev.millrace.streams.query.internals.InternalQueryResultUtil;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The typed face of a key-value store over bytes: serializes keys and values on the way in and deserializes
 * them on the way out, with the serdes resolved at {@link #init} (Kafka Streams' {@code MeteredKeyValueStore}
 * without metrics). Ordering and range semantics are those of the serialized keys. Null keys are rejected with
 * {@link NullPointerException}; null range bounds mean "unbounded". Thread-safety is that of the inner store.
 *
 * <p>Interactive queries: {@link KeyQuery} and {@link RangeQuery} are re-created over the serialized keys (as in
 * Kafka Streams, without the skip-cache flag), sent to the store below, and their answers deserialized (iterators
 * lazily, while they are read), keeping the position and execution details of the answer below. Failures and
 * every other query type pass through unchanged.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedKeyValueStore<K, V> extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<K, V> {

    private final SerdeSource<K> keySerde;
    private final SerdeSource<V> valueSerde;
    private StoreSerdes<K, V> serdes;

    TypedKeyValueStore(KeyValueStore<Bytes, byte[]> inner, SerdeSource<K> keySerde, SerdeSource<V> valueSerde) {
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
    public V get(K key) {
        return serdes().value(wrapped().get(keyBytes(key)));
    }

    @Override
    public void put(K key, V value) {
        wrapped().put(keyBytes(key), serdes().rawValue(value));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return serdes().value(wrapped().putIfAbsent(keyBytes(key), serdes().rawValue(value)));
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        List<KeyValue<Bytes, byte[]>> raw = new ArrayList<>(entries.size());
        for (KeyValue<K, V> entry : entries) {
            raw.add(new KeyValue<>(keyBytes(entry.key), serdes().rawValue(entry.value)));
        }
        wrapped().putAll(raw);
    }

    @Override
    public V delete(K key) {
        return serdes().value(wrapped().delete(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return typed(wrapped().range(serdes().rawKey(from), serdes().rawKey(to)));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return typed(wrapped().reverseRange(serdes().rawKey(from), serdes().rawKey(to)));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return typed(wrapped().all());
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return typed(wrapped().reverseAll());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        Objects.requireNonNull(prefix, "reason=nullPrefix");
        Objects.requireNonNull(prefixKeySerializer, "reason=nullPrefixKeySerializer");
        return typed(wrapped().prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result = runQuery(query, positionBound, config);
        if (config.isCollectExecutionInfo()) {
            result.addExecutionInfo(StoreQueries.executionInfo(this, start));
        }
        return result;
    }

    /**
     * Runs a typed query; subclasses add the query types of their store kind.
     *
     * @param query the query
     * @param positionBound the required freshness
     * @param config the query options
     * @param <R> the result type
     * @return the answer
     */
    <R> QueryResult<R> runQuery(Query<R> query, PositionBound positionBound, QueryConfig config) {
        if (query instanceof KeyQuery<?, ?> keyQuery) {
            return StoreQueries.resultOf(queryKey(keyQuery.getKey(), positionBound, config, Function.identity()));
        }
        if (query instanceof RangeQuery<?, ?> rangeQuery) {
            return StoreQueries.resultOf(queryRange(rangeQuery.getLowerBound(), rangeQuery.getUpperBound(),
                    rangeQuery.resultOrder(), positionBound, config, Function.identity()));
        }
        return wrapped().query(query, positionBound, config);
    }

    /**
     * Looks a key up through a {@link KeyQuery} over bytes.
     *
     * @param key the key of the typed query
     * @param positionBound the required freshness
     * @param config the query options
     * @param view what the answer shows of a non-null value
     * @param <T> the type of the answer
     * @return the answer
     */
    final <T> QueryResult<T> queryKey(Object key, PositionBound positionBound, QueryConfig config,
                                      Function<V, T> view) {
        QueryResult<byte[]> raw = wrapped().query(KeyQuery.withKey(rawQueryKey(key)), positionBound, config);
        if (raw.isFailure()) {
            return StoreQueries.resultOf(raw);
        }
        V value = serdes().value(raw.getResult());
        T answer = value == null ? null : view.apply(value);
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw, answer);
    }

    /**
     * Scans a range through a {@link RangeQuery} over bytes.
     *
     * @param lower the lower bound of the typed query
     * @param upper the upper bound of the typed query
     * @param order the order of the typed query
     * @param positionBound the required freshness
     * @param config the query options
     * @param view what the answer shows of each value
     * @param <T> the value type of the answer
     * @return the answer
     */
    final <T> QueryResult<KeyValueIterator<K, T>> queryRange(Optional<?> lower, Optional<?> upper, ResultOrder order,
                                                            PositionBound positionBound, QueryConfig config,
                                                            Function<V, T> view) {
        RangeQuery<Bytes, byte[]> rawQuery = RangeQuery.withRange(lower.map(this::rawQueryKey).orElse(null),
                upper.map(this::rawQueryKey).orElse(null));
        if (order == ResultOrder.DESCENDING) {
            rawQuery = rawQuery.withDescendingKeys();
        } else if (order == ResultOrder.ASCENDING) {
            rawQuery = rawQuery.withAscendingKeys();
        }
        QueryResult<KeyValueIterator<Bytes, byte[]>> raw = wrapped().query(rawQuery, positionBound, config);
        if (raw.isFailure()) {
            return StoreQueries.resultOf(raw);
        }
        StoreSerdes<K, V> current = serdes();
        KeyValueIterator<K, T> typed = new MappedKeyValueIterator<>(raw.getResult(), current::key, bytes -> {
            V value = current.value(bytes);
            return value == null ? null : view.apply(value);
        });
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw, typed);
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

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    private KeyValueIterator<K, V> typed(KeyValueIterator<Bytes, byte[]> raw) {
        StoreSerdes<K, V> current = serdes();
        return new MappedKeyValueIterator<>(raw, current::key, current::value);
    }
}
