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
import dev.millrace.streams.query.WindowRangeQuery;
import dev.millrace.streams.query.internals.InternalQueryResultUtil;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.SessionStore;

import java.util.Objects;

/**
 * The typed face of a session store over bytes (Kafka Streams' {@code MeteredSessionStore} without metrics):
 * serializes keys and aggregates on the way in, deserializes on the way out, with the serdes resolved at
 * {@link #init}. Null keys of single-key operations are rejected; null range bounds mean "unbounded".
 * Thread-safety is that of the inner store.
 *
 * <p>Interactive queries, as in Kafka Streams: the key form of {@link WindowRangeQuery} is re-created over the
 * serialized key, sent to the store below (which returns every session of the key) and its iterator deserialized
 * lazily, keeping the position and execution details of the answer below; the time form fails with
 * {@link FailureReason#UNKNOWN_QUERY_TYPE} here; other query types pass through unchanged.
 *
 * @param <K> the key type
 * @param <AGG> the aggregate type
 */
public class TypedSessionStore<K, AGG> extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<K, AGG> {

    private final SerdeSource<K> keySerde;
    private final SerdeSource<AGG> valueSerde;
    private StoreSerdes<K, AGG> serdes;

    TypedSessionStore(SessionStore<Bytes, byte[]> inner, SerdeSource<K> keySerde, SerdeSource<AGG> valueSerde) {
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

    private StoreSerdes<K, AGG> serdes() {
        if (serdes == null) {
            throw new IllegalStateException("reason=storeNotInitialised store=" + name());
        }
        return serdes;
    }

    private Bytes keyBytes(K key) {
        return serdes().rawKey(Objects.requireNonNull(key, "reason=nullKey"));
    }

    private Windowed<Bytes> sessionKeyBytes(Windowed<K> sessionKey) {
        Objects.requireNonNull(sessionKey, "reason=nullSessionKey");
        return new Windowed<>(keyBytes(sessionKey.key()), sessionKey.window());
    }

    @Override
    public void put(Windowed<K> sessionKey, AGG aggregate) {
        wrapped().put(sessionKeyBytes(sessionKey), serdes().rawValue(aggregate));
    }

    @Override
    public void remove(Windowed<K> sessionKey) {
        wrapped().remove(sessionKeyBytes(sessionKey));
    }

    @Override
    public AGG fetchSession(K key, long sessionStartTime, long sessionEndTime) {
        return serdes().value(wrapped().fetchSession(keyBytes(key), sessionStartTime, sessionEndTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(long earliestSessionEndTime, long latestSessionEndTime) {
        return typed(wrapped().findSessions(earliestSessionEndTime, latestSessionEndTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime,
                                                           long latestSessionStartTime) {
        return typed(wrapped().findSessions(keyBytes(key), earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key, long earliestSessionEndTime,
                                                                   long latestSessionStartTime) {
        return typed(wrapped().backwardFindSessions(keyBytes(key), earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                           long latestSessionStartTime) {
        return typed(wrapped().findSessions(serdes().rawKey(keyFrom), serdes().rawKey(keyTo),
                earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                                   long latestSessionStartTime) {
        return typed(wrapped().backwardFindSessions(serdes().rawKey(keyFrom), serdes().rawKey(keyTo),
                earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
        return typed(wrapped().fetch(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key) {
        return typed(wrapped().backwardFetch(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
        return typed(wrapped().fetch(serdes().rawKey(keyFrom), serdes().rawKey(keyTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo) {
        return typed(wrapped().backwardFetch(serdes().rawKey(keyFrom), serdes().rawKey(keyTo)));
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result;
        if (query.getClass() == WindowRangeQuery.class) {
            result = StoreQueries.resultOf(querySessions((WindowRangeQuery<?, ?>) query, positionBound, config));
        } else {
            result = wrapped().query(query, positionBound, config);
        }
        if (config.isCollectExecutionInfo()) {
            result.addExecutionInfo(StoreQueries.executionInfo(this, start));
        }
        return result;
    }

    private QueryResult<KeyValueIterator<Windowed<K>, AGG>> querySessions(WindowRangeQuery<?, ?> query,
                                                                          PositionBound positionBound,
                                                                          QueryConfig config) {
        if (query.getKey().isEmpty()) {
            return QueryResult.forFailure(FailureReason.UNKNOWN_QUERY_TYPE,
                    "reason=sessionStoresAnswerOnlyWithKey store=" + name() + " query=" + query);
        }
        WindowRangeQuery<Bytes, byte[]> rawQuery = WindowRangeQuery.withKey(rawQueryKey(query.getKey().get()));
        QueryResult<KeyValueIterator<Windowed<Bytes>, byte[]>> raw = wrapped().query(rawQuery, positionBound, config);
        if (raw.isFailure()) {
            return StoreQueries.resultOf(raw);
        }
        return InternalQueryResultUtil.copyAndSubstituteDeserializedResult(raw, typed(raw.getResult()));
    }

    /**
     * Serializes a key taken from a query. A query against this store carries keys of the store's key type, which
     * {@code Query<R>} cannot express; a key of another type fails in the key serializer, as in Kafka Streams.
     */
    @SuppressWarnings("unchecked")
    private Bytes rawQueryKey(Object key) {
        return serdes().rawKey((K) key);
    }

    private KeyValueIterator<Windowed<K>, AGG> typed(KeyValueIterator<Windowed<Bytes>, byte[]> raw) {
        StoreSerdes<K, AGG> current = serdes();
        return new MappedKeyValueIterator<>(raw,
                windowedKey -> new Windowed<>(current.key(windowedKey.key()), windowedKey.window()), current::value);
    }
}
