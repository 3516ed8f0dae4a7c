package dev.millrace.storage;

import dev.millrace.common.errors.MillraceException;
import java.nio.file.Path;

/**
 * A batch that was durably written (it lies in a segment that was flushed before the crash, not in
 * the unflushed tail) fails validation. Unlike a torn tail, this is not truncated away: doing so
 * would silently drop acknowledged data and everything after it. The partition refuses to open and
 * the message gives the file, byte position and offset so that an operator can decide.
 */
public class CorruptLogException extends MillraceException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long position;
    private final long offset;

    public CorruptLogException(Path file, long position, long offset, String reason) {
        super("file=" + file + " position=" + position + " offset=" + offset + " reason=" + reason);
        this.file = file;
        this.position = position;
        this.offset = offset;
    }

    /** The segment file holding the corrupt batch. */
    public Path file() {
        return file;
    }

    /** Byte position of the corrupt batch in the file. */
    public long position() {
        return position;
    }

    /** Offset of the last valid data before the corruption plus one (where the bad batch should start). */
    public long offset() {
        return offset;
    }
}
