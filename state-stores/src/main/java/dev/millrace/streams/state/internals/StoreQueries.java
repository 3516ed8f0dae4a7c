package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.FailureReason;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.MultiVersionedKeyQuery;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.ResultOrder;
import dev.millrace.streams.query.VersionedKeyQuery;
import dev.millrace.streams.query.WindowKeyQuery;
import dev.millrace.streams.query.WindowRangeQuery;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecordIterator;
import dev.millrace.streams.state.WindowStore;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers the basic interactive queries against a store over bytes, with the semantics of Kafka Streams'
 * {@code StoreQueryUtils}. Each bytes store calls the entry point of its kind; the answer is decided in this order:
 *
 * <ol>
 *   <li>A query whose class is not one of the basic query classes ({@link KeyQuery}, {@link RangeQuery},
 *       {@link WindowKeyQuery}, {@link WindowRangeQuery}, {@link VersionedKeyQuery},
 *       {@link MultiVersionedKeyQuery}; exact classes, not subclasses) fails with
 *       {@link FailureReason#UNKNOWN_QUERY_TYPE}.</li>
 *   <li>A store not initialised yet, or whose position does not reach the bound for its partition (see
 *       {@link #isPermitted}), fails with {@link FailureReason#NOT_UP_TO_BOUND}.</li>
 *   <li>A basic query the store's kind does not answer (a key query against a window store, for instance) fails
 *       with {@link FailureReason#UNKNOWN_QUERY_TYPE}.</li>
 *   <li>Otherwise the store runs it; an exception it throws becomes a {@link FailureReason#STORE_EXCEPTION}
 *       failure. Iterators are returned open and read the store lazily.</li>
 * </ol>
 *
 * <p>Every answer carries a copy of the store position taken together with the check and the read: the position
 * object is locked meanwhile, and stores whose writers update the position under the store's monitor call these
 * methods under that monitor too. When {@link QueryConfig#isCollectExecutionInfo()} the answer also gets one
 * execution detail. Stateless and thread-safe.
 */
public final class StoreQueries {

    private static final Set<Class<?>> BASIC_QUERY_TYPES = Set.of(KeyQuery.class, RangeQuery.class,
            WindowKeyQuery.class, WindowRangeQuery.class, VersionedKeyQuery.class, MultiVersionedKeyQuery.class);

    /** The multi-version lookup of a versioned store over bytes. */
    @FunctionalInterface
    public interface VersionHistory {

        /**
         * Returns the versions of {@code key} valid at some point of {@code [fromTimestamp, toTimestamp]}.
         *
         * @param key the key
         * @param fromTimestamp the start of the range
         * @param toTimestamp the end of the range
         * @param order the order of timestamps
         * @return the versions, as an open iterator
         */
        VersionedRecordIterator<byte[]> get(Bytes key, long fromTimestamp, long toTimestamp, ResultOrder order);
    }

    private StoreQueries() {
    }

    /**
     * Answers a query against a key-value store: {@link KeyQuery} (the value, or null) and {@link RangeQuery}.
     *
     * @param query the query
     * @param positionBound the required freshness
     * @param config the query options
     * @param store the store
     * @param position the live position of the store
     * @param context the store's context, null before {@code init}
     * @param <R> the result type
     * @return the answer
     */
    public static <R> QueryResult<R> queryKeyValueStore(Query<R> query, PositionBound positionBound,
                                                        QueryConfig config, KeyValueStore<Bytes, byte[]> store,
                                                        Position position, StateStoreContext context) {
        return handle(query, positionBound, config, store, position, context, q -> runOnKeyValueStore(q, store));
    }

    /**
     * Answers a query against a window store: {@link WindowKeyQuery} and the time form of
     * {@link WindowRangeQuery}.
     *
     * @param query the query
     * @param positionBound the required freshness
     * @param config the query options
     * @param store the store
     * @param position the live position of the store
     * @param context the store's context, null before {@code init}
     * @param <R> the result type
     * @return the answer
     */
    public static <R> QueryResult<R> queryWindowStore(Query<R> query, PositionBound positionBound,
                                                      QueryConfig config, WindowStore<Bytes, byte[]> store,
                                                      Position position, StateStoreContext context) {
        return handle(query, positionBound, config, store, position, context, q -> runOnWindowStore(q, store));
    }

    /**
     * Answers a query against a session store: the key form of {@link WindowRangeQuery} (every session of the
     * key).
     *
     * @param query the query
     * @param positionBound the required freshness
     * @param config the query options
     * @param store the store
     * @param position the live position of the store
     * @param context the store's context, null before {@code init}
     * @param <R> the result type
     * @return the answer
     */
    public static <R> QueryResult<R> querySessionStore(Query<R> query, PositionBound positionBound,
                                                       QueryConfig config, SessionStore<Bytes, byte[]> store,
                                                       Position position, StateStoreContext context) {
        return handle(query, positionBound, config, store, position, context, q -> runOnSessionStore(q, store));
    }

    /**
     * Answers a query against a versioned store: {@link VersionedKeyQuery} and {@link MultiVersionedKeyQuery}
     * (which needs both ends of its time range at this level; the typed layer fills in open ends).
     *
     * @param query the query
     * @param positionBound the required freshness
     * @param config the query options
     * @param store the store
     * @param history the multi-version lookup of the store
     * @param position the live position of the store
     * @param context the store's context, null before {@code init}
     * @param <R> the result type
     * @return the answer
     */
    public static <R> QueryResult<R> queryVersionedStore(Query<R> query, PositionBound positionBound,
                                                         QueryConfig config,
                                                         VersionedKeyValueStore<Bytes, byte[]> store,
                                                         VersionHistory history, Position position,
                                                         StateStoreContext context) {
        return handle(query, positionBound, config, store, position, context,
                q -> runOnVersionedStore(q, store, history));
    }

    /**
     * Tells whether a store at {@code position} satisfies {@code positionBound} for its {@code partition}: for
     * every topic the bound names with a component for that partition, the store must have a component for the
     * same topic and partition that is at least as high. Components of other partitions are ignored, so the
     * unbounded bound is always satisfied.
     *
     * @param position the store position
     * @param positionBound the bound
     * @param partition the store's partition
     * @return true if the store may answer
     */
    public static boolean isPermitted(Position position, PositionBound positionBound, int partition) {
        Position bound = positionBound.position();
        for (String topic : bound.getTopics()) {
            Long required = bound.getPartitionPositions(topic).get(partition);
            if (required != null) {
                Long reached = position.getPartitionPositions(topic).get(partition);
                if (reached == null || reached < required) {
                    return false;
                }
            }
        }
        return true;
    }

    private static <R> QueryResult<R> handle(Query<R> query, PositionBound positionBound, QueryConfig config,
                                             StateStore store, Position position, StateStoreContext context,
                                             Function<Query<?>, QueryResult<?>> runner) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result;
        synchronized (position) {
            Integer partition = context == null ? null : context.taskId().partition();
            if (!BASIC_QUERY_TYPES.contains(query.getClass())) {
                result = QueryResult.forUnknownQueryType(query, store);
            } else if (partition == null || !isPermitted(position, positionBound, partition)) {
                result = QueryResult.notUpToBound(position, positionBound, partition);
            } else {
                result = run(query, store, runner);
            }
            if (config.isCollectExecutionInfo()) {
                result.addExecutionInfo(executionInfo(store, start));
            }
            result.setPosition(position.copy());
        }
        return result;
    }

    private static <R> QueryResult<R> run(Query<R> query, StateStore store,
                                          Function<Query<?>, QueryResult<?>> runner) {
        try {
            return resultOf(runner.apply(query));
        } catch (RuntimeException e) {
            return QueryResult.forFailure(FailureReason.STORE_EXCEPTION, "reason=storeException store="
                    + store.name() + " storeClass=" + store.getClass().getName() + " query=" + query
                    + " exception=" + e);
        }
    }

    /**
     * Re-types the answer of a runner. Runners answer each query class with the result type that class declares
     * ({@code KeyQuery<K, V>} is a {@code Query<V>}, ...), which Java cannot express for a map of query classes.
     */
    @SuppressWarnings("unchecked")
    static <R> QueryResult<R> resultOf(QueryResult<?> result) {
        return (QueryResult<R>) result;
    }

    /**
     * Formats the execution detail a layer adds.
     *
     * @param store the layer
     * @param startNanos when the layer started handling the query, from {@link System#nanoTime()}
     * @return the detail
     */
    static String executionInfo(StateStore store, long startNanos) {
        return "store=" + store.name() + " handledBy=" + store.getClass().getName() + " durationNs="
                + (System.nanoTime() - startNanos);
    }

    private static QueryResult<?> runOnKeyValueStore(Query<?> query, KeyValueStore<Bytes, byte[]> store) {
        if (query instanceof KeyQuery<?, ?> keyQuery) {
            return QueryResult.forResult(store.get((Bytes) keyQuery.getKey()));
        }
        if (query instanceof RangeQuery<?, ?> rangeQuery) {
            Bytes lower = (Bytes) rangeQuery.getLowerBound().orElse(null);
            Bytes upper = (Bytes) rangeQuery.getUpperBound().orElse(null);
            boolean descending = rangeQuery.resultOrder() == ResultOrder.DESCENDING;
            KeyValueIterator<Bytes, byte[]> iterator;
            if (lower == null && upper == null) {
                iterator = descending ? store.reverseAll() : store.all();
            } else {
                iterator = descending ? store.reverseRange(lower, upper) : store.range(lower, upper);
            }
            return QueryResult.forResult(iterator);
        }
        return QueryResult.forUnknownQueryType(query, store);
    }

    private static QueryResult<?> runOnWindowStore(Query<?> query, WindowStore<Bytes, byte[]> store) {
        if (query instanceof WindowKeyQuery<?, ?> keyQuery) {
            return QueryResult.forResult(store.fetch((Bytes) keyQuery.getKey(), keyQuery.getTimeFrom().orElseThrow(),
                    keyQuery.getTimeTo().orElseThrow()));
        }
        if (query instanceof WindowRangeQuery<?, ?> rangeQuery) {
            if (rangeQuery.getTimeFrom().isEmpty() || rangeQuery.getTimeTo().isEmpty()) {
                return unsupportedForm(query, store, "windowStoresAnswerOnlyWithWindowStartRange");
            }
            return QueryResult.forResult(store.fetchAll(rangeQuery.getTimeFrom().get(), rangeQuery.getTimeTo().get()));
        }
        return QueryResult.forUnknownQueryType(query, store);
    }

    private static QueryResult<?> runOnSessionStore(Query<?> query, SessionStore<Bytes, byte[]> store) {
        if (query instanceof WindowRangeQuery<?, ?> rangeQuery) {
            Optional<?> key = rangeQuery.getKey();
            if (key.isEmpty()) {
                return unsupportedForm(query, store, "sessionStoresAnswerOnlyWithKey");
            }
            return QueryResult.forResult(store.fetch((Bytes) key.get()));
        }
        return QueryResult.forUnknownQueryType(query, store);
    }

    private static QueryResult<?> runOnVersionedStore(Query<?> query, VersionedKeyValueStore<Bytes, byte[]> store,
                                                      VersionHistory history) {
        if (query instanceof VersionedKeyQuery<?, ?> keyQuery) {
            Bytes key = (Bytes) keyQuery.key();
            return QueryResult.forResult(keyQuery.asOfTimestamp().isPresent()
                    ? store.get(key, keyQuery.asOfTimestamp().get().toEpochMilli()) : store.get(key));
        }
        if (query instanceof MultiVersionedKeyQuery<?, ?> multiQuery) {
            if (multiQuery.fromTime().isEmpty() || multiQuery.toTime().isEmpty()) {
                // as in Kafka Streams, the store level needs both ends; a missing one is a failure of the store
                return QueryResult.forFailure(FailureReason.STORE_EXCEPTION, "reason=openTimeRangeAtStoreLevel store="
                        + store.name() + " fromTime=" + multiQuery.fromTime() + " toTime=" + multiQuery.toTime());
            }
            return QueryResult.forResult(history.get((Bytes) multiQuery.key(),
                    multiQuery.fromTime().get().toEpochMilli(), multiQuery.toTime().get().toEpochMilli(),
                    multiQuery.resultOrder()));
        }
        return QueryResult.forUnknownQueryType(query, store);
    }

    private static QueryResult<?> unsupportedForm(Query<?> query, StateStore store, String reason) {
        return QueryResult.forFailure(FailureReason.UNKNOWN_QUERY_TYPE, "reason=" + reason + " store=" + store.name()
                + " storeClass=" + store.getClass().getName() + " query=" + query);
    }
}
