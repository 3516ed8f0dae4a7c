package dev.millrace.streams.query;

import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.state.KeyValueIterator;

import java.time.Instant;
import java.util.Optional;

/**
 * Fetches windowed records; the result is an iterator of windowed keys and values that the caller must close.
 * Window stores answer only the time form ({@link #withWindowStartRange}: every key's windows starting in a closed
 * range); session stores answer only the key form ({@link #withKey}: every session of one key). The other form
 * is answered with {@link FailureReason#UNKNOWN_QUERY_TYPE}. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class WindowRangeQuery<K, V> implements Query<KeyValueIterator<Windowed<K>, V>> {

    private final Optional<K> key;
    private final Optional<Instant> timeFrom;
    private final Optional<Instant> timeTo;

    private WindowRangeQuery(Optional<K> key, Optional<Instant> timeFrom, Optional<Instant> timeTo) {
        this.key = key;
        this.timeFrom = timeFrom;
        this.timeTo = timeTo;
    }

    /**
     * Creates a query for every window (session) of one key.
     *
     * @param key the key, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if {@code key} is null
     */
    public static <K, V> WindowRangeQuery<K, V> withKey(K key) {
        return new WindowRangeQuery<>(Optional.of(key), Optional.empty(), Optional.empty());
    }

    /**
     * Creates a query for the windows of all keys starting between {@code timeFrom} and {@code timeTo}, both
     * inclusive.
     *
     * @param timeFrom the earliest window start, not null
     * @param timeTo the latest window start, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if a time is null
     */
    public static <K, V> WindowRangeQuery<K, V> withWindowStartRange(Instant timeFrom, Instant timeTo) {
        return new WindowRangeQuery<>(Optional.empty(), Optional.of(timeFrom), Optional.of(timeTo));
    }

    /**
     * Returns the key.
     *
     * @return the key, empty for the time form
     */
    public Optional<K> getKey() {
        return key;
    }

    /**
     * Returns the earliest window start.
     *
     * @return the time, empty for the key form
     */
    public Optional<Instant> getTimeFrom() {
        return timeFrom;
    }

    /**
     * Returns the latest window start.
     *
     * @return the time, empty for the key form
     */
    public Optional<Instant> getTimeTo() {
        return timeTo;
    }

    @Override
    public String toString() {
        return "WindowRangeQuery{key=" + key + ", timeFrom=" + timeFrom + ", timeTo=" + timeTo + '}';
    }
}
