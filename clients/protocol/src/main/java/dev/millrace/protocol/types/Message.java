package dev.millrace.protocol.types;

import java.util.List;

/**
 * A struct of the Kafka protocol, generated from a message definition. Every message and every
 * nested struct implements this; the version passed to {@link #size} and {@link #write} selects
 * which fields exist and how they are encoded.
 */
public interface Message {
    /** Lowest version of the enclosing message that this code can read and write. */
    short lowestSupportedVersion();

    /** Highest version of the enclosing message that this code can read and write. */
    short highestSupportedVersion();

    /** Encoded size in bytes at {@code version}. */
    int size(short version);

    /**
     * Encodes this struct at {@code version}.
     *
     * @throws dev.millrace.common.errors.UnsupportedVersionException if a field holds a value
     *     that {@code version} cannot carry (a non-default value of a field the version lacks)
     */
    void write(Writable out, short version);

    /** Tagged fields read from the wire that this schema does not know; kept for re-encoding. */
    List<RawTaggedField> unknownTaggedFields();
}
