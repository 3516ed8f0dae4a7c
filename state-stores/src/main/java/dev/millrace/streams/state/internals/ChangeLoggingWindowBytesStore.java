package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;

/**
 * The changelogging layer of a window store (Kafka Streams' {@code ChangeLoggingWindowBytesStore}): every put is
 * applied to the store below, then sent to the {@link ChangelogSink} keyed by
 * {@link WindowKeySchema#toStoreKeyBinary} (key, window start, sequence number), with the value (null for a
 * deletion) and the current record's timestamp. The sequence number is 0, unless the store retains duplicates:
 * then it counts puts from 1 (wrapping within the positive ints), so that every duplicate has its own changelog
 * key. Reads go straight to the store below.
 *
 * <p>Failure: {@link #init} throws {@link IllegalStateException} when the context cannot log. Owning thread: the
 * stream thread.
 */
public class ChangeLoggingWindowBytesStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]> {

    private final boolean retainDuplicates;
    private int seqnum;
    /** The logger resolved at init. */
    ChangeLogger logger;

    /**
     * Wraps a bytes window store.
     *
     * @param inner the store below
     * @param retainDuplicates whether the store below keeps duplicates (Kafka's supplier flag)
     */
    public ChangeLoggingWindowBytesStore(WindowStore<Bytes, byte[]> inner, boolean retainDuplicates) {
        super(inner);
        this.retainDuplicates = retainDuplicates;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        logger = ChangeLogger.create(context, name(), wrapped());
        super.init(context, root);
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        wrapped().put(key, value, windowStartTimestamp);
        log(WindowKeySchema.toStoreKeyBinary(key, windowStartTimestamp, nextSeqnum()), value);
    }

    /**
     * Sends one changelog record.
     *
     * @param storeKey the binary window key
     * @param value the value as stored, or null
     */
    void log(Bytes storeKey, byte[] value) {
        logger.log(storeKey, value, logger.recordTimestamp());
    }

    private int nextSeqnum() {
        if (retainDuplicates) {
            seqnum = (seqnum + 1) & 0x7FFFFFFF;
        }
        return seqnum;
    }

    @Override
    public byte[] fetch(Bytes key, long time) {
        return wrapped().fetch(key, time);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return wrapped().fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return wrapped().backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                   long timeTo) {
        return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return wrapped().backwardAll();
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return wrapped().fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return wrapped().backwardFetchAll(timeFrom, timeTo);
    }
}
