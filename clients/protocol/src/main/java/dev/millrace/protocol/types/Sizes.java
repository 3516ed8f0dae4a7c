package dev.millrace.protocol.types;

import dev.millrace.protocol.record.Records;
import java.util.List;

/** Encoded sizes of protocol primitives, used by generated {@code size(version)} methods. */
public final class Sizes {
    private Sizes() {
    }

    /** Number of bytes {@code value} takes in UTF-8, computed without encoding it. */
    public static int utf8Length(CharSequence value) {
        int length = value.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // A lone surrogate is encoded as '?' by String.getBytes(UTF_8): one byte.
                    bytes += 0;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    public static int string(String value, boolean compact) {
        if (value == null) {
            return compact ? 1 : 2;
        }
        int length = utf8Length(value);
        return (compact ? ByteUtils.sizeOfUnsignedVarint(length + 1) : 2) + length;
    }

    public static int bytes(byte[] value, boolean compact) {
        int length = value == null ? -1 : value.length;
        return length(length, compact) + Math.max(0, length);
    }

    public static int records(Records value, boolean compact) {
        int length = value == null ? -1 : value.sizeInBytes();
        return length(length, compact) + Math.max(0, length);
    }

    /** Size of an INT32 or compact (length + 1) length prefix. */
    public static int length(int length, boolean compact) {
        return compact ? ByteUtils.sizeOfUnsignedVarint(length + 1) : 4;
    }

    public static int unsignedVarint(int value) {
        return ByteUtils.sizeOfUnsignedVarint(value);
    }

    /** Size of the unknown tagged fields kept by a struct. */
    public static int rawTaggedFields(List<RawTaggedField> fields) {
        int size = 0;
        for (RawTaggedField field : fields) {
            size += field.encodedSize();
        }
        return size;
    }
}
