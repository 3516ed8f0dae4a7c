package dev.millrace.streams.state;

import dev.millrace.common.utils.Bytes;

/**
 * The bytes form of a versioned store that the typed layer wraps. Reads return the found version serialized in
 * the timestamped format (8-byte big-endian timestamp, then the value), or null; the end of validity is not
 * carried. The plain key-value methods are not supported.
 */
public interface VersionedBytesStore extends KeyValueStore<Bytes, byte[]>, TimestampedBytesStore {

    /**
     * Writes a version; see {@link VersionedKeyValueStore#put}.
     *
     * @param key the key
     * @param value the value, or null for a tombstone
     * @param timestamp the timestamp from which the version is valid
     * @return as {@link VersionedKeyValueStore#put}
     */
    long put(Bytes key, byte[] value, long timestamp);

    /**
     * Returns the version valid at a timestamp; see {@link VersionedKeyValueStore#get(Object, long)}.
     *
     * @param key the key
     * @param asOfTimestamp the timestamp
     * @return the version in the timestamped format, or null
     */
    byte[] get(Bytes key, long asOfTimestamp);

    /**
     * Writes a tombstone; see {@link VersionedKeyValueStore#delete}.
     *
     * @param key the key
     * @param timestamp the timestamp of the tombstone
     * @return the hidden version in the timestamped format, or null
     */
    byte[] delete(Bytes key, long timestamp);
}
