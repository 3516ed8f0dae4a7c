package dev.millrace.protocol.types;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.record.Records;
import java.nio.charset.StandardCharsets;

/**
 * Destination of encoded protocol primitives. Generated message classes write through this
 * interface so that the same code can fill a heap buffer today and a gathering, zero-copy send
 * (file regions for fetched records) later.
 *
 * <p>Length prefixes follow the rules of {@link Readable}: classic strings take an INT16 length,
 * classic bytes and arrays an INT32 length, compact forms an unsigned varint of length + 1, and
 * -1 / 0 encode null.
 */
public interface Writable {
    void writeInt8(byte value);

    void writeInt16(short value);

    void writeInt32(int value);

    void writeInt64(long value);

    void writeFloat64(double value);

    void writeUnsignedVarint(int value);

    /** Writes the bytes with no length prefix. */
    void writeRaw(byte[] bytes);

    /** Writes the records' bytes with no length prefix. */
    void writeRecordsPayload(Records records);

    default void writeBool(boolean value) {
        writeInt8(value ? (byte) 1 : (byte) 0);
    }

    default void writeUint16(int value) {
        writeInt16((short) value);
    }

    default void writeUint32(long value) {
        writeInt32((int) value);
    }

    default void writeUuid(Uuid value) {
        writeInt64(value.getMostSignificantBits());
        writeInt64(value.getLeastSignificantBits());
    }

    /** Writes a (compact) string; {@code null} is written as the null marker. */
    default void writeString(String value, boolean compact) {
        if (value == null) {
            if (compact) {
                writeUnsignedVarint(0);
            } else {
                writeInt16((short) -1);
            }
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (compact) {
            writeUnsignedVarint(bytes.length + 1);
        } else {
            writeInt16((short) bytes.length);
        }
        writeRaw(bytes);
    }

    /** Writes (compact) bytes; {@code null} is written as the null marker. */
    default void writeBytes(byte[] value, boolean compact) {
        writeLength(value == null ? -1 : value.length, compact);
        if (value != null) {
            writeRaw(value);
        }
    }

    /** Writes a records field; {@code null} is written as the null marker. */
    default void writeRecords(Records value, boolean compact) {
        writeLength(value == null ? -1 : value.sizeInBytes(), compact);
        if (value != null) {
            writeRecordsPayload(value);
        }
    }

    /** Writes an INT32 (classic) or unsigned varint + 1 (compact) length; -1 means null. */
    default void writeLength(int length, boolean compact) {
        if (compact) {
            writeUnsignedVarint(length + 1);
        } else {
            writeInt32(length);
        }
    }
}
