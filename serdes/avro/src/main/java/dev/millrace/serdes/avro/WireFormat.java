package dev.millrace.serdes.avro;

import dev.millrace.common.errors.SerializationException;
import java.io.ByteArrayOutputStream;

/**
 * The Confluent wire format that every Avro serde in this package reads and writes, so that records are
 * byte-compatible with the Confluent ecosystem:
 *
 * <pre>
 *  offset  size  field
 *  0       1     magic byte, always 0
 *  1       4     schema id, signed 32-bit big-endian, as assigned by the schema registry
 *  5       n     the datum in Avro binary encoding, written with the schema that has that id
 * </pre>
 *
 * <p>There is no length field and no trailer: the Avro datum runs to the end of the record value. A null
 * record value (a tombstone) has no header at all and stays null in both directions.
 *
 * <p>Stateless and thread-safe.
 */
public final class WireFormat {
    /** The only magic byte defined so far. */
    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro datum: magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /**
     * Writes the five header bytes.
     *
     * @param out the destination
     * @param schemaId the registry's id of the writer schema
     */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * Checks the header of a serialized value and returns its schema id.
     *
     * @param data the serialized value; not null
     * @param location where the bytes came from, for the exception message
     * @return the schema id
     * @throws SerializationException if the value is shorter than the header or the magic byte is not 0
     */
    public static int readSchemaId(byte[] data, RecordLocation location) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("reason=tooShortForHeader " + location.facts()
                    + " length=" + data.length + " headerSize=" + HEADER_SIZE);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException("reason=unknownMagicByte " + location.facts()
                    + " magicByte=" + data[0] + " expectedMagicByte=" + MAGIC_BYTE);
        }
        return (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | (data[4] & 0xff);
    }
}
