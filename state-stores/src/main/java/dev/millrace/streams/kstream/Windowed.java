package dev.millrace.streams.kstream;

import java.util.Objects;

/**
 * A key together with the window it belongs to: the key type of window and session stores. Immutable; equal when
 * both key and window are equal.
 *
 * @param <K> the key type
 */
public class Windowed<K> {

    private final K key;
    private final Window window;

    /**
     * Creates a windowed key.
     *
     * @param key the key
     * @param window the window
     */
    public Windowed(K key, Window window) {
        this.key = key;
        this.window = window;
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
     * Returns the window.
     *
     * @return the window
     */
    public Window window() {
        return window;
    }

    @Override
    public String toString() {
        return "[" + key + "@" + window.start() + "/" + window.end() + "]";
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Windowed)) {
            return false;
        }
        Windowed<?> that = (Windowed<?>) other;
        return Objects.equals(window, that.window) && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        long combined = ((long) Objects.hashCode(key) << 32) | Objects.hashCode(window);
        return (int) (combined % 0xFFFFFFFFL);
    }
}
