package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.internals.rocksdb.RocksDbIterator;
import dev.millrace.streams.state.internals.rocksdb.SessionKeySchema;
import java.util.Objects;

/**
 * A persistent session store over serialized keys and aggregates, with Kafka Streams' RocksDB semantics.
 * Sessions are stored under {@code key, end (int64), start (int64)} (Kafka's session key layout, also the
 * changelog key layout) in segments chosen by the session end; see {@link RocksDBSegmentedStore} for retention,
 * restore, offsets and threading.
 *
 * <ul>
 *   <li>{@code findSessions(keys, earliestSessionEndTime, latestSessionStartTime)} returns the sessions with
 *       {@code end >= earliestSessionEndTime} and {@code start <= latestSessionStartTime}, segment by segment
 *       and inside a segment by stored key; backward variants reverse the order. Sessions whose end is at or
 *       before {@code observedStreamTime - retentionPeriod} are not returned.</li>
 *   <li>A put of a null aggregate deletes; {@link #remove} deletes without advancing stream time.</li>
 *   <li>{@code findSessions(earliestSessionEndTime, latestSessionEndTime)} is not supported, as in Kafka
 *       Streams' RocksDB session store.</li>
 * </ul>
 */
public class RocksDBSessionStore extends RocksDBSegmentedStore implements SessionStore<Bytes, byte[]> {

    /**
     * Creates a closed store.
     *
     * @param name the store name
     * @param metricsScope the metrics scope of its supplier
     * @param retentionPeriod how long sessions are kept after stream time passes their end, in ms
     * @param segmentInterval the width of a segment, in ms, positive
     */
    public RocksDBSessionStore(String name, String metricsScope, long retentionPeriod, long segmentInterval) {
        super(name, metricsScope, SessionKeySchema.INSTANCE, retentionPeriod, segmentInterval);
    }

    private static byte[] storeKey(Windowed<Bytes> sessionKey) {
        Objects.requireNonNull(sessionKey, "reason=nullSessionKey");
        Objects.requireNonNull(sessionKey.key(), "reason=nullKey");
        return SessionKeySchema.toStoreKey(sessionKey.key().get(), sessionKey.window().start(),
                sessionKey.window().end());
    }

    /**
     * Answers the key form of {@link dev.millrace.streams.query.WindowRangeQuery} (every session of the key) over
     * bytes, as described in {@link StoreQueries}, under the store's monitor.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.querySessionStore(query, positionBound, config, this, lifecycle.position(), lifecycle.context());
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        write(storeKey(sessionKey), aggregate);
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        remove(storeKey(sessionKey));
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        return read(SessionKeySchema.toStoreKey(key.get(), sessionStartTime, sessionEndTime));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        return sessions(fetchStored(key, key, earliestSessionEndTime, latestSessionStartTime, true));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
                                                                          long latestSessionStartTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        return sessions(fetchStored(key, key, earliestSessionEndTime, latestSessionStartTime, false));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
                                                                  long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return findRange(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
                                                                          long earliestSessionEndTime,
                                                                          long latestSessionStartTime) {
        return findRange(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> findRange(Bytes keyFrom, Bytes keyTo, long earliestEnd,
                                                                long latestStart, boolean forward) {
        validateOpen();
        if (InvalidRangeWarning.isInverted(name, keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        return sessions(fetchStored(keyFrom, keyTo, earliestEnd, latestStart, forward));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return findSessions(key, 0, Long.MAX_VALUE);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        return backwardFindSessions(key, 0, Long.MAX_VALUE);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return findRange(keyFrom, keyTo, 0, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return findRange(keyFrom, keyTo, 0, Long.MAX_VALUE, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> sessions(RocksDbIterator stored) {
        return new RocksDBIteratorAdapter<>(name, stored, storeKey -> new Windowed<>(
                Bytes.wrap(SessionKeySchema.key(storeKey)),
                new SessionWindow(SessionKeySchema.start(storeKey), SessionKeySchema.end(storeKey))));
    }
}
