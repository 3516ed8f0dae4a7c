package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The LZ4 frame as Kafka writes it for codec 3: our own frame wrapper around lz4-java's block
 * compressor, safe block decompressor and XXHash32. All multi-byte integers are little-endian.
 *
 * <pre>
 * frame  := magic descriptor block* endMark [contentChecksum]
 * magic  := 0x184D2204 (UINT32 LE, bytes 04 22 4D 18)
 * descriptor := FLG BD [contentSize UINT64] HC
 *   FLG  bits 7-6 version (must be 01) | bit 5 blocks independent (must be 1) | bit 4 block checksum
 *        | bit 3 content size present | bit 2 content checksum present | bits 1-0 reserved (0)
 *   BD   bit 7 reserved (0) | bits 6-4 max block size code 4..7 (64 KB, 256 KB, 1 MB, 4 MB) | bits 3-0 reserved (0)
 *   HC   (XXHash32(FLG .. end of contentSize, seed 0) &gt;&gt; 8) &amp; 0xFF
 * block  := size UINT32 LE (bit 31 set = data stored uncompressed) data [blockChecksum UINT32 LE]
 * endMark := UINT32 0
 * </pre>
 *
 * <p>Writing always produces FLG 0x60 (version 01, independent blocks, no checksums), BD 0x40
 * (64 KB blocks) and no content size or checksum, exactly like Kafka's writer; a block that does not
 * shrink is stored uncompressed. Reading accepts every block size code, verifies the header
 * checksum and block checksums when present, skips a content size and a content checksum without
 * verifying them (the batch CRC already covers these bytes), and rejects dependent blocks, other
 * versions and non-zero reserved bits. Stateless and thread-safe.
 */
final class Lz4FrameCodec {
    static final int MAGIC = 0x184D2204;
    static final int BLOCK_SIZE_64KB = 64 * 1024;
    private static final byte FLG_WRITTEN = 0x60;
    private static final byte BD_WRITTEN = 0x40;
    private static final int UNCOMPRESSED_FLAG = 0x80000000;
    private static final int FRAME_HEADER_BYTES = 7;

    private static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
    private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
    private static final XXHash32 XXHASH = XXHashFactory.fastestInstance().hash32();
    private static final byte HEADER_CHECKSUM = headerChecksum(new byte[] {FLG_WRITTEN, BD_WRITTEN}, 0, 2);

    private Lz4FrameCodec() {
    }

    /** Upper bound of the frame size for {@code length} input bytes. */
    static int maxFrameBytes(int length) {
        int fullBlocks = length / BLOCK_SIZE_64KB;
        int lastBlock = length % BLOCK_SIZE_64KB;
        long bound = FRAME_HEADER_BYTES + 4L + fullBlocks * (4L + COMPRESSOR.maxCompressedLength(BLOCK_SIZE_64KB))
                + (lastBlock == 0 ? 0 : 4L + COMPRESSOR.maxCompressedLength(lastBlock));
        return (int) Math.min(bound, ByteSink.MAX_ARRAY_BYTES);
    }

    /** Appends one frame holding {@code src[offset, offset + length)} to {@code out}. */
    static void compress(byte[] src, int offset, int length, ByteSink out) {
        out.ensureRoom(maxFrameBytes(length));
        byte[] dst = out.array();
        int pos = out.size();
        pos = putIntLE(dst, pos, MAGIC);
        dst[pos++] = FLG_WRITTEN;
        dst[pos++] = BD_WRITTEN;
        dst[pos++] = HEADER_CHECKSUM;
        int end = offset + length;
        for (int blockStart = offset; blockStart < end; blockStart += BLOCK_SIZE_64KB) {
            int blockLength = Math.min(BLOCK_SIZE_64KB, end - blockStart);
            int dataPos = pos + 4;
            int compressed = COMPRESSOR.compress(src, blockStart, blockLength, dst, dataPos,
                    COMPRESSOR.maxCompressedLength(blockLength));
            if (compressed >= blockLength) {
                System.arraycopy(src, blockStart, dst, dataPos, blockLength);
                putIntLE(dst, pos, blockLength | UNCOMPRESSED_FLAG);
                pos = dataPos + blockLength;
            } else {
                putIntLE(dst, pos, compressed);
                pos = dataPos + compressed;
            }
        }
        pos = putIntLE(dst, pos, 0);
        out.setSize(pos);
    }

    /** Decodes the frame at {@code src}'s position..limit into {@code out}. */
    static void decompress(ByteBuffer src, ByteSink out) {
        ByteBuffer in = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Descriptor descriptor = readDescriptor(in);
        while (true) {
            require(in, 4, "blockSize");
            int rawSize = in.getInt();
            int size = rawSize & ~UNCOMPRESSED_FLAG;
            if (size == 0) {
                if (descriptor.contentChecksum) {
                    require(in, 4, "contentChecksum");
                    in.position(in.position() + 4);
                }
                return;
            }
            if (size > descriptor.maxBlockSize) {
                throw new CorruptRecordException("reason=lz4BlockTooLarge blockBytes=" + size
                        + " maxBlockBytes=" + descriptor.maxBlockSize);
            }
            require(in, size + (descriptor.blockChecksum ? 4 : 0), "block");
            int dataPos = in.position();
            if (descriptor.blockChecksum) {
                int expected = in.getInt(dataPos + size);
                int actual = XXHASH.hash(in, dataPos, size, 0);
                if (expected != actual) {
                    throw new CorruptRecordException("reason=lz4BlockChecksumMismatch expected=" + expected
                            + " actual=" + actual);
                }
            }
            if ((rawSize & UNCOMPRESSED_FLAG) != 0) {
                out.ensureRoom(size);
                in.get(dataPos, out.array(), out.size(), size);
                out.setSize(out.size() + size);
            } else {
                decompressBlock(in, dataPos, size, descriptor.maxBlockSize, out);
            }
            in.position(dataPos + size + (descriptor.blockChecksum ? 4 : 0));
        }
    }

    /**
     * Decompresses one block. The decompressed size of a block is unknown until it is decoded, so the
     * first attempt uses the room the sink already has; only if that fails does the sink grow to a full
     * block (bounded by its limit) for a second attempt.
     */
    private static void decompressBlock(ByteBuffer in, int dataPos, int size, int maxBlockSize, ByteSink out) {
        int room = Math.min(out.spare(), maxBlockSize);
        int produced = room > 0 ? tryDecompress(in, dataPos, size, out, room) : -1;
        if (produced < 0) {
            int fullRoom = (int) Math.min(maxBlockSize, (long) out.limit() - out.size());
            if (fullRoom > room) {
                out.ensureRoom(fullRoom);
                produced = tryDecompress(in, dataPos, size, out, fullRoom);
            }
            if (produced < 0 && fullRoom < maxBlockSize) {
                throw new CorruptRecordException("reason=decompressedSizeExceedsLimit limitBytes=" + out.limit());
            }
            if (produced < 0) {
                throw new CorruptRecordException("reason=lz4BlockMalformed blockBytes=" + size);
            }
        }
        out.setSize(out.size() + produced);
    }

    private static int tryDecompress(ByteBuffer in, int dataPos, int size, ByteSink out, int room) {
        try {
            if (in.hasArray()) {
                return DECOMPRESSOR.decompress(in.array(), in.arrayOffset() + dataPos, size,
                        out.array(), out.size(), room);
            }
            return DECOMPRESSOR.decompress(in, dataPos, size, ByteBuffer.wrap(out.array()), out.size(), room);
        } catch (LZ4Exception e) {
            return -1;
        }
    }

    private record Descriptor(int maxBlockSize, boolean blockChecksum, boolean contentChecksum) {
    }

    private static Descriptor readDescriptor(ByteBuffer in) {
        require(in, 7, "frameHeader");
        int magic = in.getInt();
        if (magic != MAGIC) {
            throw new CorruptRecordException("reason=lz4BadMagic magic=0x" + Integer.toHexString(magic));
        }
        int descriptorStart = in.position();
        int flg = in.get() & 0xff;
        int bd = in.get() & 0xff;
        if ((flg >>> 6) != 1 || (flg & 0x03) != 0) {
            throw new CorruptRecordException("reason=lz4UnsupportedFlags flg=0x" + Integer.toHexString(flg));
        }
        if ((flg & 0x20) == 0) {
            throw new CorruptRecordException("reason=lz4DependentBlocksUnsupported flg=0x" + Integer.toHexString(flg));
        }
        int sizeCode = (bd >>> 4) & 0x07;
        if ((bd & 0x8f) != 0 || sizeCode < 4) {
            throw new CorruptRecordException("reason=lz4BadBlockDescriptor bd=0x" + Integer.toHexString(bd));
        }
        if ((flg & 0x08) != 0) {
            require(in, 8, "contentSize");
            in.position(in.position() + 8);
        }
        require(in, 1, "headerChecksum");
        int descriptorLength = in.position() - descriptorStart;
        byte expected = in.get();
        byte actual = (byte) ((XXHASH.hash(in, descriptorStart, descriptorLength, 0) >> 8) & 0xff);
        if (expected != actual) {
            throw new CorruptRecordException("reason=lz4HeaderChecksumMismatch expected=" + (expected & 0xff)
                    + " actual=" + (actual & 0xff));
        }
        return new Descriptor(1 << (2 * sizeCode + 8), (flg & 0x10) != 0, (flg & 0x04) != 0);
    }

    private static byte headerChecksum(byte[] descriptor, int offset, int length) {
        return (byte) ((XXHASH.hash(descriptor, offset, length, 0) >> 8) & 0xff);
    }

    private static void require(ByteBuffer in, int bytes, String what) {
        if (in.remaining() < bytes) {
            throw new CorruptRecordException("reason=lz4Truncated field=" + what + " needBytes=" + bytes
                    + " remainingBytes=" + in.remaining());
        }
    }

    private static int putIntLE(byte[] dst, int pos, int value) {
        dst[pos] = (byte) value;
        dst[pos + 1] = (byte) (value >>> 8);
        dst[pos + 2] = (byte) (value >>> 16);
        dst[pos + 3] = (byte) (value >>> 24);
        return pos + 4;
    }
}
