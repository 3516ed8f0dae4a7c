package dev.millrace.server.network;

import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Records;
import dev.millrace.protocol.types.Writable;
import dev.millrace.storage.log.FileRecords;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a response into the pieces Netty writes: heap-or-direct buffers for the protocol fields
 * and {@link SegmentFileRegion}s for records that live in segment files, so fetched data goes from
 * the page cache to the socket without entering the JVM.
 *
 * <pre>
 * | size + header + fields ... | file region (records of partition 0) | fields ... | file region | ... |
 * </pre>
 *
 * <p>Confined to the thread encoding one response. {@link #finish()} hands over ownership of the
 * pieces; {@link #release()} frees them if the response is abandoned.
 */
final class GatheringWritable implements Writable {
    private final ByteBufAllocator allocator;
    private final int chunkBytes;
    private final List<Object> pieces = new ArrayList<>();
    private ByteBuf current;

    GatheringWritable(ByteBufAllocator allocator, int expectedBytes) {
        this.allocator = allocator;
        this.chunkBytes = Math.max(256, Math.min(expectedBytes, 64 * 1024));
        this.current = allocator.buffer(chunkBytes);
    }

    @Override
    public void writeInt8(byte value) {
        current.writeByte(value);
    }

    @Override
    public void writeInt16(short value) {
        current.writeShort(value);
    }

    @Override
    public void writeInt32(int value) {
        current.writeInt(value);
    }

    @Override
    public void writeInt64(long value) {
        current.writeLong(value);
    }

    @Override
    public void writeFloat64(double value) {
        current.writeDouble(value);
    }

    @Override
    public void writeUnsignedVarint(int value) {
        int v = value;
        while ((v & 0xFFFFFF80) != 0) {
            current.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        current.writeByte(v);
    }

    @Override
    public void writeRaw(byte[] bytes) {
        current.writeBytes(bytes);
    }

    @Override
    public void writeRecordsPayload(Records records) {
        if (records instanceof MemoryRecords memory) {
            current.writeBytes(memory.buffer().duplicate());
        } else if (records instanceof FileRecords file) {
            if (file.sizeInBytes() == 0) {
                return;
            }
            pieces.add(current);
            pieces.add(new SegmentFileRegion(file.channel(), file.start(), file.sizeInBytes()));
            current = allocator.buffer(chunkBytes);
        } else {
            throw new IllegalArgumentException("recordsType=" + records.getClass().getName()
                    + " reason=unsupportedRecordsImplementation");
        }
    }

    /** The encoded pieces in order; empty buffers are dropped. */
    List<Object> finish() {
        pieces.add(current);
        current = null;
        List<Object> out = new ArrayList<>(pieces.size());
        for (Object piece : pieces) {
            if (piece instanceof ByteBuf buf && !buf.isReadable()) {
                buf.release();
            } else {
                out.add(piece);
            }
        }
        pieces.clear();
        return out;
    }

    /** Frees every piece (the response will not be sent). */
    void release() {
        for (Object piece : pieces) {
            io.netty.util.ReferenceCountUtil.release(piece);
        }
        pieces.clear();
        if (current != null) {
            current.release();
            current = null;
        }
    }
}
