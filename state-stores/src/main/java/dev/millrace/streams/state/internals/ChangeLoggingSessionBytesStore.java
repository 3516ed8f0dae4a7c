package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.SessionStore;

/**
 * The changelogging layer of a session store (Kafka Streams' {@code ChangeLoggingSessionBytesStore}): every put
 * and remove is applied to the store below, then sent to the {@link ChangelogSink} keyed by
 * {@link SessionKeySchema#toBinary} (key, session end, session start), with the aggregate (null for a removal)
 * and the current record's timestamp. Reads go straight to the store below.
 *
 * <p>Failure: {@link #init} throws {@link IllegalStateException} when the context cannot log. Owning thread: the
 * stream thread.
 */
public class ChangeLoggingSessionBytesStore extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]> {

    private ChangeLogger logger;

    /**
     * Wraps a bytes session store.
     *
     * @param inner the store below
     */
    public ChangeLoggingSessionBytesStore(SessionStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        logger = ChangeLogger.create(context, name(), wrapped());
        super.init(context, root);
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        wrapped().remove(sessionKey);
        logger.log(SessionKeySchema.toBinary(sessionKey), null, logger.recordTimestamp());
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        wrapped().put(sessionKey, aggregate);
        logger.log(SessionKeySchema.toBinary(sessionKey), aggregate, logger.recordTimestamp());
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
                                                                          long latestSessionStartTime) {
        return wrapped().backwardFindSessions(key, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
                                                                  long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
                                                                          long earliestSessionEndTime,
                                                                          long latestSessionStartTime) {
        return wrapped().backwardFindSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(long earliestSessionEndTime,
                                                                  long latestSessionEndTime) {
        return wrapped().findSessions(earliestSessionEndTime, latestSessionEndTime);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        return wrapped().fetchSession(key, sessionStartTime, sessionEndTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return wrapped().fetch(key);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        return wrapped().backwardFetch(key);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return wrapped().fetch(keyFrom, keyTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return wrapped().backwardFetch(keyFrom, keyTo);
    }
}
