package dev.millrace.streams;

import java.util.Objects;

/**
 * An immutable pair of a key and a value, either of which may be null. Equality and hash code follow both
 * components. Instances are safe to share between threads when the components are.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KeyValue<K, V> {

    /** The key, possibly null. */
    public final K key;
    /** The value, possibly null. */
    public final V value;

    /**
     * Creates a pair.
     *
     * @param key the key
     * @param value the value
     */
    public KeyValue(K key, V value) {
        this.key = key;
        this.value = value;
    }

    /**
     * Creates a pair; shorthand for the constructor.
     *
     * @param key the key
     * @param value the value
     * @param <K> the key type
     * @param <V> the value type
     * @return the new pair
     */
    public static <K, V> KeyValue<K, V> pair(K key, V value) {
        return new KeyValue<>(key, value);
    }

    @Override
    public String toString() {
        return "KeyValue(" + key + ", " + value + ")";
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof KeyValue)) {
            return false;
        }
        KeyValue<?, ?> that = (KeyValue<?, ?>) other;
        return Objects.equals(key, that.key) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }
}
