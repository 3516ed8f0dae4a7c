package dev.millrace.streams.state;

import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.StateStore;

import java.time.Instant;

/**
 * A session store: aggregates per key and session window, kept for a retention period of stream time (the
 * largest session end written). A put whose session ended before the retention period is dropped; a null
 * aggregate removes the session.
 *
 * @param <K> the key type
 * @param <AGG> the aggregate type
 */
public interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {

    /**
     * Iterates over the sessions of all keys whose end is in {@code [earliestSessionEndTime, latestSessionEndTime]}.
     *
     * @param earliestSessionEndTime the lower bound on session ends
     * @param latestSessionEndTime the upper bound on session ends
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<Windowed<K>, AGG> findSessions(long earliestSessionEndTime, long latestSessionEndTime) {
        throw InstantConversion.unsupported("findSessions", this);
    }

    @Override
    default KeyValueIterator<Windowed<K>, AGG> findSessions(K key, Instant earliestSessionEndTime,
                                                            Instant latestSessionStartTime) {
        return findSessions(key, InstantConversion.toEpochMillis(earliestSessionEndTime, "earliestSessionEndTime"),
                InstantConversion.toEpochMillis(latestSessionStartTime, "latestSessionStartTime"));
    }

    @Override
    default KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key, Instant earliestSessionEndTime,
                                                                    Instant latestSessionStartTime) {
        return backwardFindSessions(key,
                InstantConversion.toEpochMillis(earliestSessionEndTime, "earliestSessionEndTime"),
                InstantConversion.toEpochMillis(latestSessionStartTime, "latestSessionStartTime"));
    }

    @Override
    default KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, Instant earliestSessionEndTime,
                                                            Instant latestSessionStartTime) {
        return findSessions(keyFrom, keyTo,
                InstantConversion.toEpochMillis(earliestSessionEndTime, "earliestSessionEndTime"),
                InstantConversion.toEpochMillis(latestSessionStartTime, "latestSessionStartTime"));
    }

    @Override
    default KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo,
                                                                    Instant earliestSessionEndTime,
                                                                    Instant latestSessionStartTime) {
        return backwardFindSessions(keyFrom, keyTo,
                InstantConversion.toEpochMillis(earliestSessionEndTime, "earliestSessionEndTime"),
                InstantConversion.toEpochMillis(latestSessionStartTime, "latestSessionStartTime"));
    }

    @Override
    default AGG fetchSession(K key, Instant sessionStartTime, Instant sessionEndTime) {
        return fetchSession(key, InstantConversion.toEpochMillis(sessionStartTime, "sessionStartTime"),
                InstantConversion.toEpochMillis(sessionEndTime, "sessionEndTime"));
    }

    /**
     * Removes a session.
     *
     * @param sessionKey the key and session window
     */
    void remove(Windowed<K> sessionKey);

    /**
     * Writes the aggregate of a session; a null aggregate removes the session.
     *
     * @param sessionKey the key and session window
     * @param aggregate the aggregate, or null
     */
    void put(Windowed<K> sessionKey, AGG aggregate);
}
