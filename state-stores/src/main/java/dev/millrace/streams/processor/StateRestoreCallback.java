package dev.millrace.streams.processor;

/** Receives the records of a changelog, one at a time, while a store is restored. */
public interface StateRestoreCallback {

    /**
     * Applies one changelog record to the store.
     *
     * @param key the serialized key
     * @param value the serialized value; null for a deletion
     */
    void restore(byte[] key, byte[] value);
}
