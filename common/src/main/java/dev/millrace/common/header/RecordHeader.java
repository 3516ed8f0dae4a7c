package dev.millrace.common.header;

import java.util.Arrays;
import java.util.Objects;

/**
 * The plain {@link Header}: a key and a value held as given. Equality compares the key and the value
 * bytes (two null values are equal).
 *
 * <p>The value array is not copied, so the instance is immutable only as long as nobody writes to
 * that array; under that rule it is thread-safe.
 */
public final class RecordHeader implements Header {
    private final String key;
    private final byte[] value;

    /**
     * Creates a header.
     *
     * @param key the key; must not be null
     * @param value the value bytes, or null for a header without value
     * @throws NullPointerException if {@code key} is null
     */
    public RecordHeader(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "reason=nullHeaderKey");
        this.value = value;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof RecordHeader that && key.equals(that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RecordHeader(key = " + key + ", value = " + java.util.Arrays.toString(value) + ")";
    }
}
