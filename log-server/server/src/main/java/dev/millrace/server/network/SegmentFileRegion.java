package dev.millrace.server.network;

import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A slice of a segment file sent with {@code sendfile} (zero copy). Unlike Netty's
 * {@code DefaultFileRegion} it never closes the file channel: the channel belongs to the segment,
 * which outlives the send (segment deletion is delayed by {@code file.delete.delay.ms}).
 *
 * <p>If the file became shorter than the slice (it cannot while the segment is live), the
 * transfer fails with an {@link IOException} and Netty closes the connection, rather than spinning.
 * Used by one event loop at a time.
 */
final class SegmentFileRegion extends AbstractReferenceCounted implements FileRegion {
    private final FileChannel file;
    private final long position;
    private final long count;
    private long transferred;

    SegmentFileRegion(FileChannel file, long position, long count) {
        this.file = file;
        this.position = position;
        this.count = count;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    @Deprecated
    public long transfered() {
        return transferred;
    }

    @Override
    public long transferred() {
        return transferred;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long transferTo(WritableByteChannel target, long offset) throws IOException {
        long remaining = count - offset;
        if (remaining <= 0) {
            return 0;
        }
        long written = file.transferTo(position + offset, remaining, target);
        if (written == 0 && file.size() < position + count) {
            throw new IOException("reason=segmentShorterThanRegion position=" + position + " count=" + count
                    + " fileSize=" + file.size());
        }
        transferred += written;
        return written;
    }

    @Override
    protected void deallocate() {
        // The segment owns the channel; nothing to release here.
    }

    @Override
    public SegmentFileRegion retain() {
        super.retain();
        return this;
    }

    @Override
    public SegmentFileRegion retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public SegmentFileRegion touch() {
        return this;
    }

    @Override
    public SegmentFileRegion touch(Object hint) {
        return this;
    }
}
