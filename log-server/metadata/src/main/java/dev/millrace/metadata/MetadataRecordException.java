package dev.millrace.metadata;

import dev.millrace.common.errors.MillraceException;

/**
 * A metadata record that cannot be framed, read or replayed: an unknown frame version or record
 * type, a version newer than this code reads, trailing bytes, or a record that contradicts the
 * image it is replayed onto (a partition of an unknown topic, a duplicate topic id). Replaying a
 * log that raises this is a corruption or a version mismatch; the server must not start on it.
 */
public class MetadataRecordException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public MetadataRecordException(String message) {
        super(message);
    }

    public MetadataRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
