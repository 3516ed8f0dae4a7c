package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.InvalidRecordException;
import java.nio.ByteBuffer;

/**
 * The kind of a control record, read from the record's key. Control records live only in control
 * batches (attribute bit 5); consumers never hand them to applications.
 *
 * <pre>
 * key := version INT16 (0; higher versions are read as version 0) | type INT16
 * </pre>
 *
 * <p>{@link #ABORT} and {@link #COMMIT} end a transaction on a data partition (their value is an
 * {@link EndTransactionMarker}); types 2-6 appear only in the metadata (Raft) log. A type this code
 * does not know parses as {@link #UNKNOWN} so that readers can skip it. Immutable and thread-safe.
 */
public enum ControlRecordType {
    /** Ends a transaction whose records must be discarded. */
    ABORT((short) 0),
    /** Ends a transaction whose records are now visible to read-committed consumers. */
    COMMIT((short) 1),
    /** Raft: a new leader was elected. */
    LEADER_CHANGE((short) 2),
    /** Raft: first record of a snapshot. */
    SNAPSHOT_HEADER((short) 3),
    /** Raft: last record of a snapshot. */
    SNAPSHOT_FOOTER((short) 4),
    /** Raft: the kraft.version feature level. */
    KRAFT_VERSION((short) 5),
    /** Raft: the voter set. */
    KRAFT_VOTERS((short) 6),
    /** A type id this code does not know; such records should be ignored. */
    UNKNOWN((short) -1);

    /** Size of a control record key: version INT16 + type INT16. */
    public static final int KEY_SIZE = 4;
    /** The key version this code writes. */
    public static final short CURRENT_KEY_VERSION = 0;

    private final short type;

    ControlRecordType(short type) {
        this.type = type;
    }

    /** The wire type id (-1 for {@link #UNKNOWN}). */
    public short type() {
        return type;
    }

    /**
     * Returns a new 4-byte key buffer for this type.
     *
     * @throws IllegalArgumentException for {@link #UNKNOWN}, which has no wire form
     */
    public ByteBuffer recordKey() {
        if (this == UNKNOWN) {
            throw new IllegalArgumentException("reason=cannotSerializeUnknownControlType");
        }
        ByteBuffer key = ByteBuffer.allocate(KEY_SIZE);
        key.putShort(0, CURRENT_KEY_VERSION);
        key.putShort(2, type);
        return key;
    }

    /** Returns the type with wire id {@code typeId}, or {@link #UNKNOWN}. */
    public static ControlRecordType fromTypeId(short typeId) {
        return switch (typeId) {
            case 0 -> ABORT;
            case 1 -> COMMIT;
            case 2 -> LEADER_CHANGE;
            case 3 -> SNAPSHOT_HEADER;
            case 4 -> SNAPSHOT_FOOTER;
            case 5 -> KRAFT_VERSION;
            case 6 -> KRAFT_VOTERS;
            default -> UNKNOWN;
        };
    }

    /**
     * Parses a control record key (position..limit of {@code key}; the buffer is not modified).
     *
     * @throws CorruptRecordException if the key is null or shorter than 4 bytes
     * @throws InvalidRecordException if the key version is negative
     */
    public static ControlRecordType parse(ByteBuffer key) {
        if (key == null || key.remaining() < KEY_SIZE) {
            throw new CorruptRecordException("reason=controlKeyTooShort keyBytes="
                    + (key == null ? "null" : key.remaining()) + " minBytes=" + KEY_SIZE);
        }
        short version = key.getShort(key.position());
        if (version < 0) {
            throw new InvalidRecordException("reason=negativeControlKeyVersion version=" + version);
        }
        return fromTypeId(key.getShort(key.position() + 2));
    }
}
