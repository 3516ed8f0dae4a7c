package dev.millrace.streams.state;

import dev.millrace.streams.kstream.Windowed;

import java.time.Instant;

/**
 * Read access to a session store: aggregates per key and session window {@code [start, end]}. Searches select
 * the sessions that end at or after {@code earliestSessionEndTime} and start at or before
 * {@code latestSessionStartTime}, that is the sessions that may overlap or touch {@code [earliest, latest]}.
 * Every method has a default that throws {@link UnsupportedOperationException}, except {@link #fetch(Object)} and
 * {@link #fetch(Object, Object)}. Iterators must be closed.
 *
 * @param <K> the key type
 * @param <AGG> the aggregate type
 */
public interface ReadOnlySessionStore<K, AGG> {

    /**
     * Finds the sessions of a key ending at or after {@code earliestSessionEndTime} and starting at or before
     * {@code latestSessionStartTime}.
     *
     * @param key the key, not null
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime,
                                                            long latestSessionStartTime) {
        throw InstantConversion.unsupported("findSessions", this);
    }

    /**
     * Instant form of {@link #findSessions(Object, long, long)}.
     *
     * @param key the key, not null
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> findSessions(K key, Instant earliestSessionEndTime,
                                                            Instant latestSessionStartTime) {
        throw InstantConversion.unsupported("findSessions", this);
    }

    /**
     * Like {@link #findSessions(Object, long, long)}, in reverse order.
     *
     * @param key the key, not null
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key, long earliestSessionEndTime,
                                                                    long latestSessionStartTime) {
        throw InstantConversion.unsupported("backwardFindSessions", this);
    }

    /**
     * Instant form of {@link #backwardFindSessions(Object, long, long)}.
     *
     * @param key the key, not null
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key, Instant earliestSessionEndTime,
                                                                    Instant latestSessionStartTime) {
        throw InstantConversion.unsupported("backwardFindSessions", this);
    }

    /**
     * Finds the sessions of the keys in {@code [keyFrom, keyTo]}; see {@link #findSessions(Object, long, long)}.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                            long latestSessionStartTime) {
        throw InstantConversion.unsupported("findSessions", this);
    }

    /**
     * Instant form of {@link #findSessions(Object, Object, long, long)}.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, Instant earliestSessionEndTime,
                                                            Instant latestSessionStartTime) {
        throw InstantConversion.unsupported("findSessions", this);
    }

    /**
     * Like {@link #findSessions(Object, Object, long, long)}, in reverse order.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                                    long latestSessionStartTime) {
        throw InstantConversion.unsupported("backwardFindSessions", this);
    }

    /**
     * Instant form of {@link #backwardFindSessions(Object, Object, long, long)}.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionStartTime the upper bound on session starts
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo,
                                                                    Instant earliestSessionEndTime,
                                                                    Instant latestSessionStartTime) {
        throw InstantConversion.unsupported("backwardFindSessions", this);
    }

    /**
     * Returns the aggregate of exactly the session {@code [sessionStartTime, sessionEndTime]} of a key.
     *
     * @param key the key, not null
     * @param sessionStartTime the session start
     * @param sessionEndTime the session end
     * @return the aggregate, or null if absent or expired
     */
    default AGG fetchSession(K key, long sessionStartTime, long sessionEndTime) {
        throw InstantConversion.unsupported("fetchSession", this);
    }

    /**
     * Instant form of {@link #fetchSession(Object, long, long)}.
     *
     * @param key the key, not null
     * @param sessionStartTime the session start
     * @param sessionEndTime the session end
     * @return the aggregate, or null if absent or expired
     */
    default AGG fetchSession(K key, Instant sessionStartTime, Instant sessionEndTime) {
        throw InstantConversion.unsupported("fetchSession", this);
    }

    /**
     * Iterates over every session of a key.
     *
     * @param key the key, not null
     * @return an iterator to close
     */
    KeyValueIterator<Windowed<K>, AGG> fetch(K key);

    /**
     * Like {@link #fetch(Object)}, in reverse order.
     *
     * @param key the key, not null
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key) {
        throw InstantConversion.unsupported("backwardFetch", this);
    }

    /**
     * Iterates over every session of the keys in {@code [keyFrom, keyTo]}.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @return an iterator to close
     */
    KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo);

    /**
     * Like {@link #fetch(Object, Object)}, in reverse order.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @return an iterator to close
     */
    default KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo) {
        throw InstantConversion.unsupported("backwardFetch", this);
    }
}
