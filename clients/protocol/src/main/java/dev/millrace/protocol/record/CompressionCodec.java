package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.xerial.snappy.SnappyError;

/**
 * Runs the codec of a {@link CompressionType} over a records section, in one pass each way.
 *
 * <p>Compression output starts after a reserved prefix so that the batch header can be written in
 * front of the compressed records without copying them. Decompression is the trust boundary for
 * compressed input: whatever the codec libraries throw on malformed data (I/O errors, library
 * runtime exceptions, snappy-java's {@link SnappyError}) becomes a {@link CorruptRecordException}
 * that names the codec and the batch, and the output never grows beyond the caller's limit.
 * Stateless and thread-safe.
 */
final class CompressionCodec {
    private CompressionCodec() {
    }

    /**
     * Compresses {@code src[offset, offset + length)} and returns a sink whose first {@code prefixBytes}
     * bytes are reserved (zero) and whose remaining bytes are the compressed stream.
     */
    static ByteSink compress(CompressionType type, byte[] src, int offset, int length, int prefixBytes) {
        ByteSink out = new ByteSink(prefixBytes + initialGuess(type, length), ByteSink.MAX_ARRAY_BYTES);
        out.setSize(prefixBytes);
        try {
            switch (type) {
                case GZIP -> GzipCodec.compress(src, offset, length, out);
                case SNAPPY -> SnappyCodec.compress(src, offset, length, out);
                case LZ4 -> Lz4FrameCodec.compress(src, offset, length, out);
                case ZSTD -> ZstdCodec.compress(src, offset, length, out);
                case NONE -> out.write(src, offset, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reason=compressionFailed compressionType=" + type.name, e);
        }
        return out;
    }

    private static int initialGuess(CompressionType type, int length) {
        return switch (type) {
            case LZ4 -> Lz4FrameCodec.maxFrameBytes(length);
            case NONE -> length;
            default -> length / 2 + 64;
        };
    }

    /**
     * Decompresses the bytes of {@code src} from its position to its limit and returns them in an array
     * of their own (exactly as long as the output), holding at most {@code maxBytes} bytes.
     * {@code context} (for example {@code batchOffset=42}) is appended to any exception message.
     *
     * @throws CorruptRecordException if the input is malformed for the codec or expands beyond
     *     {@code maxBytes}
     */
    static byte[] decompress(CompressionType type, ByteBuffer src, int maxBytes, Supplier<String> context) {
        ByteBuffer input = src.hasArray() ? src : copyOf(src);
        ByteSink out = ByteSink.decompressionSink(maxBytes);
        try {
            switch (type) {
                case GZIP -> GzipCodec.decompress(input, out);
                case SNAPPY -> SnappyCodec.decompress(input, out);
                case LZ4 -> Lz4FrameCodec.decompress(input, out);
                case ZSTD -> ZstdCodec.decompress(input, out);
                case NONE -> {
                    out.ensureRoom(input.remaining());
                    input.get(input.position(), out.array(), 0, input.remaining());
                    out.setSize(input.remaining());
                }
            }
        } catch (CorruptRecordException e) {
            throw new CorruptRecordException(e.getMessage() + " compressionType=" + type.name + " "
                    + context.get(), e);
        } catch (IOException | RuntimeException | SnappyError e) {
            throw new CorruptRecordException("reason=decompressionFailed compressionType=" + type.name + " "
                    + context.get() + " cause=" + e, e);
        }
        return out.toArray();
    }

    private static ByteBuffer copyOf(ByteBuffer src) {
        byte[] copy = new byte[src.remaining()];
        src.get(src.position(), copy);
        return ByteBuffer.wrap(copy);
    }
}
