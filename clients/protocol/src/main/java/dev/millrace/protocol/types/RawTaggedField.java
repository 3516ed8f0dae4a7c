package dev.millrace.protocol.types;

import java.util.Arrays;

/**
 * A tagged field that the reading schema does not know, kept verbatim so that a message can be
 * re-encoded without losing it.
 *
 * @param tag the field's tag
 * @param data the payload bytes, excluding the tag and size varints
 */
public record RawTaggedField(int tag, byte[] data) {
    public RawTaggedField {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Bytes this field takes inside a tagged-fields section: tag, size and payload. */
    public int encodedSize() {
        return ByteUtils.sizeOfUnsignedVarint(tag) + ByteUtils.sizeOfUnsignedVarint(data.length) + data.length;
    }

    /** Writes tag, size and payload. */
    public void writeTo(Writable out) {
        out.writeUnsignedVarint(tag);
        out.writeUnsignedVarint(data.length);
        out.writeRaw(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawTaggedField that && tag == that.tag && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawTaggedField(tag=" + tag + ", size=" + data.length + ")";
    }
}
