package dev.millrace.streams.state.internals.rocksdb;

/**
 * A RocksDB engine failed: the native library reported an error, the store is closed, or its files do not
 * match the way it is opened. The message carries the store name and the operation as {@code key=value}
 * facts; the RocksDB status, when there is one, is the cause.
 */
public class RocksDbStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message facts about the failure
     */
    public RocksDbStoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message facts about the failure
     * @param cause   the underlying error
     */
    public RocksDbStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
