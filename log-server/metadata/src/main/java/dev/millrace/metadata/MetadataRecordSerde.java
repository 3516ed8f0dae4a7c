package dev.millrace.metadata;

import dev.millrace.protocol.types.ByteBufferWritable;
import dev.millrace.protocol.types.ByteUtils;
import dev.millrace.protocol.types.MalformedMessageException;
import dev.millrace.protocol.types.Message;
import dev.millrace.protocol.types.Readable;
import java.nio.ByteBuffer;

/**
 * Frames one metadata record as the value of one log record, in the layout of Kafka's metadata
 * record serde: unsigned varint frame version (always 1), unsigned varint record type id, unsigned
 * varint record version, then the record body at that version. Stateless and thread-safe.
 */
public final class MetadataRecordSerde {
    /** The only frame version there is. */
    public static final int FRAME_VERSION = 1;

    private MetadataRecordSerde() {
    }

    /** Encodes {@code record} at its type's write version into a new array. */
    public static byte[] serialize(Message record) {
        MetadataRecordType type = MetadataRecordType.of(record);
        short version = type.writeVersion();
        int size = ByteUtils.sizeOfUnsignedVarint(FRAME_VERSION) + ByteUtils.sizeOfUnsignedVarint(type.id())
                + ByteUtils.sizeOfUnsignedVarint(version) + record.size(version);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        ByteUtils.writeUnsignedVarint(FRAME_VERSION, buffer);
        ByteUtils.writeUnsignedVarint(type.id(), buffer);
        ByteUtils.writeUnsignedVarint(version, buffer);
        record.write(new ByteBufferWritable(buffer), version);
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("recordType=" + type.id() + " computedSize=" + size + " writtenBytes="
                    + buffer.position());
        }
        return buffer.array();
    }

    /**
     * Decodes one framed record; the buffer must hold exactly one.
     *
     * @throws MetadataRecordException for an unknown frame version or record type, a version this
     *     code cannot read, a truncated body or trailing bytes
     */
    public static Message deserialize(ByteBuffer frame) {
        Readable in = new Readable(frame.duplicate());
        try {
            int frameVersion = in.readUnsignedVarint();
            if (frameVersion != FRAME_VERSION) {
                throw new MetadataRecordException("frameVersion=" + frameVersion + " reason=unknownFrameVersion");
            }
            MetadataRecordType type = MetadataRecordType.forId(in.readUnsignedVarint());
            int version = in.readUnsignedVarint();
            if (version > type.highestVersion()) {
                throw new MetadataRecordException("recordType=" + type.id() + " version=" + version
                        + " highestReadableVersion=" + type.highestVersion() + " reason=unsupportedVersion");
            }
            Message record = type.read(in, (short) version);
            in.expectEnd(type.name());
            return record;
        } catch (MalformedMessageException e) {
            throw new MetadataRecordException("reason=malformedMetadataRecord " + e.getMessage(), e);
        }
    }
}
