package dev.millrace.common.header;

/**
 * The ordered headers of one record. Several headers may share a key; insertion order is kept and
 * is the order on the wire.
 *
 * <p>An implementation may be read-only (for example the headers of a record handed to a
 * consumer, or of a record already passed to a producer); its mutating methods then throw
 * {@link IllegalStateException}. Implementations are not required to be thread-safe.
 */
public interface Headers extends Iterable<Header> {

    /**
     * Appends a header.
     *
     * @param header the header; must not be null
     * @return this instance, for chaining
     * @throws IllegalStateException if these headers are read-only
     */
    Headers add(Header header) throws IllegalStateException;

    /**
     * Appends a header made of the given key and value.
     *
     * @param key the key; must not be null
     * @param value the value, or null for a header without value
     * @return this instance, for chaining
     * @throws IllegalStateException if these headers are read-only
     */
    Headers add(String key, byte[] value) throws IllegalStateException;

    /**
     * Removes every header with the given key.
     *
     * @param key the key; must not be null
     * @return this instance, for chaining
     * @throws IllegalStateException if these headers are read-only
     */
    Headers remove(String key) throws IllegalStateException;

    /**
     * Returns the header with the given key that was added last.
     *
     * @param key the key; must not be null
     * @return the last header with that key, or null when there is none
     */
    Header lastHeader(String key);

    /**
     * Returns the headers with the given key, in insertion order. The result is a live view: it is
     * evaluated each time it is iterated.
     *
     * @param key the key; must not be null
     * @return the matching headers; empty when there are none
     */
    Iterable<Header> headers(String key);

    /**
     * Returns all headers in insertion order as a new array (or a shared empty array).
     *
     * @return the headers, never null
     */
    Header[] toArray();
}
