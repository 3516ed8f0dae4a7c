package dev.millrace.streams.state.internals.rocksdb;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One key and its value as read from an engine. The arrays are copies owned by the caller; equality compares
 * their contents.
 *
 * @param key   the stored key
 * @param value the stored value, never null (deleted keys are not returned)
 */
public record RocksDbEntry(byte[] key, byte[] value) {

    @Override
    public boolean equals(Object other) {
        return other instanceof RocksDbEntry that && Arrays.equals(key, that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RocksDbEntry(key=" + HexFormat.of().formatHex(key) + " value=" + HexFormat.of().formatHex(value) + ")";
    }
}
