package dev.millrace.protocol.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip (RFC 1952) from the JDK, codec 1. Writing produces one member at the default deflate level
 * with an 8 KiB deflate buffer, as Kafka does; reading accepts concatenated members and stops at the
 * sink's limit. Stateless and thread-safe.
 */
final class GzipCodec {
    private static final int BUFFER_BYTES = 8 * 1024;

    private GzipCodec() {
    }

    /** Appends one gzip member holding {@code src[offset, offset + length)} to {@code out}. */
    static void compress(byte[] src, int offset, int length, ByteSink out) throws IOException {
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, BUFFER_BYTES)) {
            gzip.write(src, offset, length);
        }
    }

    /** Decodes the array-backed {@code src} (position..limit) into {@code out}. */
    static void decompress(ByteBuffer src, ByteSink out) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(src.array(), src.arrayOffset() + src.position(),
                src.remaining());
        try (GZIPInputStream gzip = new GZIPInputStream(bytes, BUFFER_BYTES)) {
            out.readFully(gzip);
        }
    }
}
