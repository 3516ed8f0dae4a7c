package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.InvalidRecordException;
import java.nio.ByteBuffer;

/**
 * The value of a transaction marker: the single control record, of type {@link ControlRecordType#COMMIT}
 * or {@link ControlRecordType#ABORT}, that the transaction coordinator writes to each partition of a
 * finished transaction.
 *
 * <pre>
 * value := version INT16 (0; higher versions are read as version 0) | coordinatorEpoch INT32
 * </pre>
 *
 * <p>The coordinator epoch lets a partition leader reject markers from a coordinator that has been
 * replaced. Immutable and thread-safe.
 */
public final class EndTransactionMarker {
    /** Size of a version 0 marker value. */
    public static final int VALUE_SIZE = 6;
    /** The value version this code writes. */
    public static final short CURRENT_VERSION = 0;

    private final ControlRecordType type;
    private final int coordinatorEpoch;

    /**
     * Creates a marker.
     *
     * @throws IllegalArgumentException unless {@code type} is COMMIT or ABORT
     */
    public EndTransactionMarker(ControlRecordType type, int coordinatorEpoch) {
        if (type != ControlRecordType.COMMIT && type != ControlRecordType.ABORT) {
            throw new IllegalArgumentException("reason=notATransactionMarkerType controlType=" + type);
        }
        this.type = type;
        this.coordinatorEpoch = coordinatorEpoch;
    }

    /** COMMIT or ABORT. */
    public ControlRecordType controlType() {
        return type;
    }

    /** Epoch of the transaction coordinator that wrote the marker. */
    public int coordinatorEpoch() {
        return coordinatorEpoch;
    }

    /** Returns a new 6-byte value buffer. */
    public ByteBuffer serializeValue() {
        ByteBuffer value = ByteBuffer.allocate(VALUE_SIZE);
        value.putShort(0, CURRENT_VERSION);
        value.putInt(2, coordinatorEpoch);
        return value;
    }

    /**
     * Reads the marker carried by a control record.
     *
     * @throws CorruptRecordException if key or value is missing or too short
     * @throws InvalidRecordException if the record is not a COMMIT or ABORT marker, or a version is negative
     */
    public static EndTransactionMarker deserialize(Record record) {
        ControlRecordType type = ControlRecordType.parse(record.key());
        if (type != ControlRecordType.COMMIT && type != ControlRecordType.ABORT) {
            throw new InvalidRecordException("reason=notATransactionMarker controlType=" + type
                    + " offset=" + record.offset());
        }
        ByteBuffer value = record.value();
        if (value == null || value.remaining() < VALUE_SIZE) {
            throw new CorruptRecordException("reason=markerValueTooShort valueBytes="
                    + (value == null ? "null" : value.remaining()) + " minBytes=" + VALUE_SIZE
                    + " offset=" + record.offset());
        }
        short version = value.getShort(value.position());
        if (version < 0) {
            throw new InvalidRecordException("reason=negativeMarkerVersion version=" + version
                    + " offset=" + record.offset());
        }
        return new EndTransactionMarker(type, value.getInt(value.position() + 2));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EndTransactionMarker that && type == that.type
                && coordinatorEpoch == that.coordinatorEpoch;
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + coordinatorEpoch;
    }

    @Override
    public String toString() {
        return "EndTransactionMarker(controlType=" + type + " coordinatorEpoch=" + coordinatorEpoch + ")";
    }
}
