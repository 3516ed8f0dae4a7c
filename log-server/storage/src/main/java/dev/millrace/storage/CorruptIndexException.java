package dev.millrace.storage;

import dev.millrace.common.errors.MillraceException;

/**
 * An index file (offset, time or transaction index) or a checkpoint file does not satisfy its
 * invariants: size not a multiple of the entry size, entries out of order, offsets outside the
 * segment. Indexes are derived data: recovery deletes and rebuilds them from the log.
 */
public class CorruptIndexException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public CorruptIndexException(String message) {
        super(message);
    }
}
