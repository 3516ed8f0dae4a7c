package dev.millrace.serdes.avro.registry.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the registry's log: key and value bytes, exactly as they would sit in a compacted topic.
 * A null value is a tombstone: the log cleaner eventually removes the key. The arrays are not copied;
 * nobody may modify them after construction, under which rule instances are immutable and thread-safe.
 *
 * @param key the key bytes (JSON, see {@link RegistryRecordCodec}); never null
 * @param value the value bytes (JSON), or null for a tombstone
 */
public record StoreRecord(byte[] key, byte[] value) {
    /**
     * Checks the key.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public StoreRecord {
        Objects.requireNonNull(key, "reason=nullKey");
    }

    /**
     * Whether this record deletes its key.
     *
     * @return true if the value is null
     */
    public boolean isTombstone() {
        return value == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreRecord that && Arrays.equals(key, that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "StoreRecord(key=" + new String(key, StandardCharsets.UTF_8) + " value="
                + (value == null ? "null" : new String(value, StandardCharsets.UTF_8)) + ")";
    }
}
