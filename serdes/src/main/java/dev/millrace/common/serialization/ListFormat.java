package dev.millrace.common.serialization;

/**
 * Constants of Kafka's list format, shared by {@link ListSerializer} and {@link ListDeserializer}
 * (whose javadoc draws the layout).
 */
final class ListFormat {
    /** First byte of a list whose entries all have the inner type's fixed width. */
    static final byte CONSTANT_SIZE_FLAG = 0;
    /** First byte of a list whose entries carry their own size. */
    static final byte VARIABLE_SIZE_FLAG = 1;
    /** Entry size that marks a null entry in the variable layout. */
    static final int NULL_ENTRY_SIZE = -1;
    /** Size of a UUID's canonical text form in a one-byte-per-character encoding. */
    static final int UUID_TEXT_BYTES = 36;

    private ListFormat() {
    }
}
