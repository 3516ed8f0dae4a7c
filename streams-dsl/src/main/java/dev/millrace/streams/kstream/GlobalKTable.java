package dev.millrace.streams.kstream;

/**
 * A table replicated in full to every instance, as Kafka Streams' {@code GlobalKTable}: it is read from its topic
 * by the global task, never changelogged, and only usable in stream-global-table joins (and queries by its store
 * name). Example: {@code orders.join(builder.globalTable("products"), (k, o) -> o.productId(), Order::with)}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface GlobalKTable<K, V> {

    /** @return the store's name when it is queryable (named by the user), otherwise null */
    String queryableStoreName();
}
