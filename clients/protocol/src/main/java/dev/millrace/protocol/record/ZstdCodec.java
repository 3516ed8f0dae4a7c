package dev.millrace.protocol.record;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.millrace.common.errors.CorruptRecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Zstandard frames through zstd-jni, codec 4. Writing produces one frame at level 3 (Kafka's
 * default) that declares its content size; reading streams any sequence of frames into the sink,
 * so a frame that expands beyond the sink's limit is cut off there. Stateless and thread-safe.
 */
final class ZstdCodec {
    static final int DEFAULT_LEVEL = 3;

    private ZstdCodec() {
    }

    /** Appends one frame holding {@code src[offset, offset + length)} to {@code out}. */
    static void compress(byte[] src, int offset, int length, ByteSink out) {
        int bound = (int) Math.min(ByteSink.MAX_ARRAY_BYTES, Zstd.compressBound(length));
        out.ensureRoom(bound);
        long written = Zstd.compressByteArray(out.array(), out.size(), bound, src, offset, length, DEFAULT_LEVEL);
        if (Zstd.isError(written)) {
            throw new IllegalStateException("reason=zstdCompressFailed error=" + Zstd.getErrorName(written));
        }
        out.setSize(out.size() + (int) written);
    }

    /** Decodes the array-backed {@code src} (position..limit) into {@code out}. */
    static void decompress(ByteBuffer src, ByteSink out) throws IOException {
        if (!src.hasRemaining()) {
            throw new CorruptRecordException("reason=zstdEmptyInput");
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(src.array(), src.arrayOffset() + src.position(),
                src.remaining());
        try (ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(bytes, RecyclingBufferPool.INSTANCE)) {
            out.readFully(zstd);
        }
    }
}
