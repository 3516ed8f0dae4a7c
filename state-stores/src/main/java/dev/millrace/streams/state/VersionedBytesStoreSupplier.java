package dev.millrace.streams.state;

/**
 * Supplies versioned stores over serialized keys and values; {@link #get()} returns a {@link VersionedBytesStore}.
 */
public interface VersionedBytesStoreSupplier extends KeyValueBytesStoreSupplier {

    /**
     * Returns how far back in stream time reads as of a timestamp are answered.
     *
     * @return the history retention in milliseconds
     */
    long historyRetentionMs();
}
