package dev.millrace.common.header;

/**
 * One record header: a non-null string key and an optional byte value. A record may carry several
 * headers with the same key; their order is preserved on the wire.
 *
 * <p>Implementations are values: two headers with equal keys and equal value bytes are
 * interchangeable. Callers must not modify the array returned by {@link #value()}.
 */
public interface Header {
    /** The header key; never null. */
    String key();

    /** The header value, or null when the header has no value. */
    byte[] value();
}
