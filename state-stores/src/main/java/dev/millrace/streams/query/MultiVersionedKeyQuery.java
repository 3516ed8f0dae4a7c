package dev.millrace.streams.query;

import dev.millrace.streams.state.VersionedRecordIterator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches the versions of one key in a versioned store that were valid at some point of a closed time range: those
 * with a timestamp not after {@code toTime} whose validity had not ended at {@code fromTime}. Either end may be
 * open. The result is an iterator the caller must close; {@link ResultOrder#ASCENDING} returns the oldest version
 * first, {@link ResultOrder#DESCENDING} and {@link ResultOrder#ANY} the newest first. Through the typed store
 * layer a {@code fromTime} after {@code toTime} is refused with {@link IllegalArgumentException}. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MultiVersionedKeyQuery<K, V> implements Query<VersionedRecordIterator<V>> {

    private final K key;
    private final Optional<Instant> fromTime;
    private final Optional<Instant> toTime;
    private final ResultOrder order;

    private MultiVersionedKeyQuery(K key, Optional<Instant> fromTime, Optional<Instant> toTime, ResultOrder order) {
        this.key = key;
        this.fromTime = fromTime;
        this.toTime = toTime;
        this.order = order;
    }

    /**
     * Creates a query for every version of a key, in no particular order.
     *
     * @param key the key, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if {@code key} is null
     */
    public static <K, V> MultiVersionedKeyQuery<K, V> withKey(K key) {
        Objects.requireNonNull(key, "key cannot be null.");
        return new MultiVersionedKeyQuery<>(key, Optional.empty(), Optional.empty(), ResultOrder.ANY);
    }

    /**
     * Returns the same query with a start of the time range.
     *
     * @param fromTime the start, or null for none
     * @return a new query
     */
    public MultiVersionedKeyQuery<K, V> fromTime(Instant fromTime) {
        return new MultiVersionedKeyQuery<>(key, Optional.ofNullable(fromTime), toTime, order);
    }

    /**
     * Returns the same query with an end of the time range.
     *
     * @param toTime the end, or null for none
     * @return a new query
     */
    public MultiVersionedKeyQuery<K, V> toTime(Instant toTime) {
        return new MultiVersionedKeyQuery<>(key, fromTime, Optional.ofNullable(toTime), order);
    }

    /**
     * Returns the same query returning the newest version first.
     *
     * @return a new query
     */
    public MultiVersionedKeyQuery<K, V> withDescendingTimestamps() {
        return new MultiVersionedKeyQuery<>(key, fromTime, toTime, ResultOrder.DESCENDING);
    }

    /**
     * Returns the same query returning the oldest version first.
     *
     * @return a new query
     */
    public MultiVersionedKeyQuery<K, V> withAscendingTimestamps() {
        return new MultiVersionedKeyQuery<>(key, fromTime, toTime, ResultOrder.ASCENDING);
    }

    /**
     * Returns the key.
     *
     * @return the key
     */
    public K key() {
        return key;
    }

    /**
     * Returns the start of the time range.
     *
     * @return the start, empty if open
     */
    public Optional<Instant> fromTime() {
        return fromTime;
    }

    /**
     * Returns the end of the time range.
     *
     * @return the end, empty if open
     */
    public Optional<Instant> toTime() {
        return toTime;
    }

    /**
     * Returns the requested order of timestamps.
     *
     * @return the order, {@link ResultOrder#ANY} unless set
     */
    public ResultOrder resultOrder() {
        return order;
    }
}
