package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xerial.snappy.Snappy;

/**
 * Snappy in the stream framing of xerial snappy-java ({@code SnappyOutputStream}), which is what Kafka
 * puts in a codec 2 batch. This is NOT the official Snappy framing format. Integers are big-endian.
 *
 * <pre>
 * stream := header chunk*
 * header := 0x82 'S' 'N' 'A' 'P' 'P' 'Y' 0x00   (8 bytes)
 *           version INT32 (1)  compatibleVersion INT32 (1)
 * chunk  := compressedLength INT32  rawSnappyBlock[compressedLength]
 *           (a raw block starts with its uncompressed length as an unsigned varint)
 * </pre>
 *
 * <p>Writing cuts the input into 32 KiB chunks, like {@code SnappyOutputStream}'s default. Reading
 * follows {@code SnappyInputStream}: input shorter than a header or not starting with the magic is one
 * raw snappy block; a second header in place of a chunk length (concatenated streams) is skipped. Every
 * chunk's declared uncompressed length is checked against the sink's limit before anything is
 * allocated, and the native decoder gets exactly that much room. Stateless and thread-safe.
 */
final class SnappyCodec {
    static final int CHUNK_BYTES = 32 * 1024;
    private static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    private static final int HEADER_BYTES = 16;
    private static final int VERSION = 1;
    private static final int MAGIC_HEAD = ByteBuffer.wrap(MAGIC).getInt();

    private SnappyCodec() {
    }

    /** Appends the framed stream of {@code src[offset, offset + length)} to {@code out}. */
    static void compress(byte[] src, int offset, int length, ByteSink out) throws IOException {
        int chunks = (length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        out.ensureRoom(HEADER_BYTES + chunks * (4 + Snappy.maxCompressedLength(CHUNK_BYTES)));
        byte[] dst = out.array();
        int pos = out.size();
        System.arraycopy(MAGIC, 0, dst, pos, MAGIC.length);
        pos = putInt(dst, pos + MAGIC.length, VERSION);
        pos = putInt(dst, pos, VERSION);
        int end = offset + length;
        for (int chunkStart = offset; chunkStart < end; chunkStart += CHUNK_BYTES) {
            int chunkLength = Math.min(CHUNK_BYTES, end - chunkStart);
            int compressed = Snappy.compress(src, chunkStart, chunkLength, dst, pos + 4);
            putInt(dst, pos, compressed);
            pos += 4 + compressed;
        }
        out.setSize(pos);
    }

    /** Decodes the array-backed {@code src} (position..limit) into {@code out}. */
    static void decompress(ByteBuffer src, ByteSink out) throws IOException {
        byte[] in = src.array();
        int pos = src.arrayOffset() + src.position();
        int end = src.arrayOffset() + src.limit();
        if (end - pos < HEADER_BYTES || !hasMagic(in, pos)) {
            uncompressBlock(in, pos, end - pos, out);
            return;
        }
        pos = skipHeader(in, pos);
        while (pos < end) {
            if (end - pos < 4) {
                throw new CorruptRecordException("reason=snappyTruncatedChunkLength remainingBytes=" + (end - pos));
            }
            int chunkLength = getInt(in, pos);
            if (chunkLength == MAGIC_HEAD && end - pos >= HEADER_BYTES && hasMagic(in, pos)) {
                pos = skipHeader(in, pos);
                continue;
            }
            pos += 4;
            if (chunkLength < 0 || chunkLength > end - pos) {
                throw new CorruptRecordException("reason=snappyChunkBeyondInput chunkBytes=" + chunkLength
                        + " remainingBytes=" + (end - pos));
            }
            uncompressBlock(in, pos, chunkLength, out);
            pos += chunkLength;
        }
    }

    private static int skipHeader(byte[] in, int pos) {
        int version = getInt(in, pos + MAGIC.length);
        if (version < VERSION) {
            throw new CorruptRecordException("reason=snappyIncompatibleStreamVersion streamVersion=" + version);
        }
        return pos + HEADER_BYTES;
    }

    private static void uncompressBlock(byte[] in, int offset, int length, ByteSink out) throws IOException {
        int declared = Snappy.uncompressedLength(in, offset, length);
        if (declared < 0) {
            throw new CorruptRecordException("reason=snappyNegativeLength declaredBytes=" + declared);
        }
        out.ensureRoom(declared);
        int produced = Snappy.uncompress(in, offset, length, out.array(), out.size());
        if (produced != declared) {
            throw new CorruptRecordException("reason=snappyLengthMismatch declaredBytes=" + declared
                    + " producedBytes=" + produced);
        }
        out.setSize(out.size() + produced);
    }

    private static boolean hasMagic(byte[] in, int pos) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (in[pos + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int getInt(byte[] in, int pos) {
        return (in[pos] & 0xff) << 24 | (in[pos + 1] & 0xff) << 16 | (in[pos + 2] & 0xff) << 8 | (in[pos + 3] & 0xff);
    }

    private static int putInt(byte[] dst, int pos, int value) {
        dst[pos] = (byte) (value >>> 24);
        dst[pos + 1] = (byte) (value >>> 16);
        dst[pos + 2] = (byte) (value >>> 8);
        dst[pos + 3] = (byte) value;
        return pos + 4;
    }
}
