package dev.millrace.streams.kstream.internals;

/**
 * Creates {@link KTableValueGetter}s for a KTable and names the stores they read (which the using processor must
 * be connected to).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KTableValueGetterSupplier<K, V> {

    /** @return a new getter */
    KTableValueGetter<K, V> get();

    /** @return the stores the getters read */
    String[] storeNames();
}
