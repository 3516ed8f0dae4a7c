package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.nio.ByteBuffer;

/**
 * Stored keys of window stores that retain duplicates: the serialized key followed by a 4-byte big-endian
 * sequence number, so that equal keys in the same window stay distinct and keep their insertion order.
 */
final class DuplicateKeys {

    static final int MAX_SEQNUM = Integer.MAX_VALUE;

    private DuplicateKeys() {
    }

    static Bytes wrap(Bytes key, int seqnum) {
        byte[] raw = key.get();
        return Bytes.wrap(ByteBuffer.allocate(raw.length + Integer.BYTES).put(raw).putInt(seqnum).array());
    }

    static Bytes unwrap(Bytes storedKey) {
        byte[] raw = storedKey.get();
        byte[] key = new byte[raw.length - Integer.BYTES];
        System.arraycopy(raw, 0, key, 0, key.length);
        return Bytes.wrap(key);
    }
}
