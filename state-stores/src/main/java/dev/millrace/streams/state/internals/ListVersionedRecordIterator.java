package dev.millrace.streams.state.internals;

import dev.millrace.streams.query.ResultOrder;
import dev.millrace.streams.state.VersionedRecord;
import dev.millrace.streams.state.VersionedRecordIterator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

/**
 * An iterator over versions copied out of a versioned store when a multi-version query ran, so it sees the store
 * as it was then and holds no store resource. {@link #select} decides which versions a query returns, with the
 * semantics of Kafka Streams' versioned store. Belongs to the thread that obtained it; after {@link #close()},
 * {@link #hasNext()} and {@link #next()} throw {@link IllegalStateException}.
 *
 * @param <V> the value type
 */
final class ListVersionedRecordIterator<V> implements VersionedRecordIterator<V> {

    private final Iterator<VersionedRecord<V>> records;
    private boolean open = true;

    ListVersionedRecordIterator(List<VersionedRecord<V>> records) {
        this.records = records.iterator();
    }

    /**
     * Selects the versions of one key that a multi-version query over {@code [fromTime, toTime]} returns.
     *
     * <ul>
     *   <li>When {@code toTime} is below the history bound ({@code observedStreamTime - historyRetention}) only the
     *       latest version can answer: it is returned if it is not a tombstone and not newer than
     *       {@code toTime}.</li>
     *   <li>Otherwise every version that is not a tombstone, is not newer than {@code toTime} and whose validity
     *       (until the next version) had not ended at {@code fromTime} is returned; all but the latest carry the end
     *       of their validity.</li>
     * </ul>
     *
     * @param history the versions of the key by timestamp, a null value being a tombstone
     * @param historyBound the oldest time reads are answered for
     * @param fromTime the start of the range
     * @param toTime the end of the range
     * @param order {@link ResultOrder#ASCENDING} for oldest first, otherwise newest first
     * @return the selected versions
     */
    static ListVersionedRecordIterator<byte[]> select(NavigableMap<Long, byte[]> history, long historyBound,
                                                      long fromTime, long toTime, ResultOrder order) {
        List<VersionedRecord<byte[]>> selected = new ArrayList<>();
        Map.Entry<Long, byte[]> latest = history.lastEntry();
        if (toTime < historyBound) {
            if (latest != null && latest.getValue() != null && latest.getKey() <= toTime) {
                selected.add(new VersionedRecord<>(latest.getValue(), latest.getKey()));
            }
        } else {
            for (Map.Entry<Long, byte[]> version : history.headMap(toTime, true).entrySet()) {
                Long validTo = history.higherKey(version.getKey());
                if (version.getValue() == null || validTo != null && validTo <= fromTime) {
                    continue;
                }
                selected.add(validTo == null ? new VersionedRecord<>(version.getValue(), version.getKey())
                        : new VersionedRecord<>(version.getValue(), version.getKey(), validTo));
            }
        }
        if (order != ResultOrder.ASCENDING) {
            Collections.reverse(selected);
        }
        return new ListVersionedRecordIterator<>(selected);
    }

    @Override
    public boolean hasNext() {
        if (!open) {
            throw new IllegalStateException("reason=iteratorClosed");
        }
        return records.hasNext();
    }

    @Override
    public VersionedRecord<V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=noMoreVersions");
        }
        return records.next();
    }

    @Override
    public void close() {
        open = false;
    }
}
