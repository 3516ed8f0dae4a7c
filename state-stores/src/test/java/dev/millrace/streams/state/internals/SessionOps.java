package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.util.List;

/**
 * The operations of a session store over bytes, implemented by Millrace's store, Kafka Streams' store and a
 * model. Searches return drained results as text {@code key@start/end=value}; a null key bound is unbounded.
 */
interface SessionOps {

    void put(Bytes key, long start, long end, byte[] value);

    void remove(Bytes key, long start, long end);

    byte[] fetchSession(Bytes key, long start, long end);

    List<String> findSessions(Bytes key, long earliestEnd, long latestStart, boolean forward);

    List<String> findSessionsRange(Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart, boolean forward);

    List<String> findSessionsByEnd(long earliestEnd, long latestEnd);

    List<String> fetch(Bytes key, boolean forward);

    List<String> fetchRange(Bytes keyFrom, Bytes keyTo, boolean forward);
}
