package dev.millrace.streams.kstream;

/**
 * STUB (lead): replaced by the dsl helper's KStream.
 *
 * @param <K> k
 * @param <V> v
 */
public interface KStream<K, V> {
}
