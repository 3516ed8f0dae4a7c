package dev.millrace.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.millrace.common.errors.CorruptRecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG.Bits;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.kafka.common.compress.Lz4BlockInputStream;
import org.apache.kafka.common.compress.Lz4BlockOutputStream;
import org.apache.kafka.common.utils.BufferSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * The codecs on their own: interoperability with the reference stream implementations (Kafka's LZ4
 * frame classes, lz4-java's frame stream, snappy-java's streams, zstd-jni's stream, the JDK's gzip)
 * and rejection of malformed or oversized input.
 */
class CompressionCodecTest {
    private static final int LIMIT = 1 << 20;

    private static byte[] text(int bytes, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) ('a' + random.nextInt(20));
        }
        return data;
    }

    private static byte[] compress(CompressionType type, byte[] data) {
        ByteSink sink = CompressionCodec.compress(type, data, 0, data.length, 0);
        return Arrays.copyOf(sink.array(), sink.size());
    }

    private static byte[] decompress(CompressionType type, byte[] compressed, int limit) {
        return CompressionCodec.decompress(type, ByteBuffer.wrap(compressed), limit, () -> "test=1");
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldRoundTripAcrossBlockBoundaries(CompressionType type) {
        for (int size : new int[] {0, 1, 1000, 32 * 1024, 64 * 1024, 64 * 1024 + 1, 300_000}) {
            byte[] data = text(size, size);
            assertThat(decompress(type, compress(type, data), LIMIT)).as("size " + size).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRejectDecompressionBombBeyondLimit(CompressionType type) {
        byte[] zeros = new byte[8 * LIMIT];
        byte[] compressed = compress(type, zeros);
        assertThat(compressed.length).isLessThan(LIMIT);

        assertThatThrownBy(() -> decompress(type, compressed, LIMIT))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=decompressedSizeExceedsLimit")
                .hasMessageContaining("compressionType=" + type.name);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRejectTruncatedStream(CompressionType type) {
        byte[] compressed = compress(type, text(100_000, 3));
        byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);

        assertThatThrownBy(() -> decompress(type, truncated, LIMIT)).isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void shouldReadFramesWrittenByKafkaLz4WriterWithBlockChecksums() throws IOException {
        byte[] data = text(200_000, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Lz4BlockOutputStream kafka = new Lz4BlockOutputStream(out, 4, 9, true, false)) {
            kafka.write(data);
        }
        assertThat(decompress(CompressionType.LZ4, out.toByteArray(), LIMIT)).isEqualTo(data);
    }

    @Test
    void shouldBeReadByKafkaLz4Reader() throws IOException {
        byte[] data = text(150_000, 5);
        byte[] ours = compress(CompressionType.LZ4, data);
        try (Lz4BlockInputStream kafka = new Lz4BlockInputStream(ByteBuffer.wrap(ours), BufferSupplier.create(),
                false)) {
            assertThat(kafka.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void shouldAcceptLz4ContentSizeContentChecksumAndLargeBlocks() throws IOException {
        byte[] data = text(300_000, 6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream lz4 = new LZ4FrameOutputStream(out, BLOCKSIZE.SIZE_4MB, data.length, Bits.CONTENT_SIZE,
                Bits.CONTENT_CHECKSUM, Bits.BLOCK_CHECKSUM, Bits.BLOCK_INDEPENDENCE)) {
            lz4.write(data);
        }
        assertThat(decompress(CompressionType.LZ4, out.toByteArray(), LIMIT)).isEqualTo(data);
    }

    @Test
    void shouldRejectLz4DependentBlocks() {
        byte[] frame = compress(CompressionType.LZ4, text(1000, 7));
        frame[4] &= ~0x20;
        int hash = XXHashFactory.fastestInstance().hash32().hash(frame, 4, 2, 0);
        frame[6] = (byte) ((hash >> 8) & 0xff);

        assertThatThrownBy(() -> decompress(CompressionType.LZ4, frame, LIMIT))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=lz4DependentBlocksUnsupported");
    }

    @Test
    void shouldRejectLz4HeaderChecksumMismatch() {
        byte[] frame = compress(CompressionType.LZ4, text(1000, 8));
        frame[6] ^= 0x01;

        assertThatThrownBy(() -> decompress(CompressionType.LZ4, frame, LIMIT))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=lz4HeaderChecksumMismatch");
    }

    @Test
    void shouldRejectLz4BlockLargerThanDeclaredMaximum() {
        byte[] frame = compress(CompressionType.LZ4, text(1000, 9));
        ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(7, 64 * 1024 + 1);

        assertThatThrownBy(() -> decompress(CompressionType.LZ4, frame, LIMIT))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=lz4BlockTooLarge");
    }

    @Test
    void shouldWriteSnappyBytesIdenticalToSnappyOutputStreamAndReadableByIt() throws IOException {
        byte[] data = text(100_000, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SnappyOutputStream snappy = new SnappyOutputStream(out)) {
            snappy.write(data);
        }
        byte[] ours = compress(CompressionType.SNAPPY, data);
        assertThat(ours).isEqualTo(out.toByteArray());
        try (SnappyInputStream in = new SnappyInputStream(new java.io.ByteArrayInputStream(ours))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void shouldAcceptRawSnappyBlockAndConcatenatedSnappyStreams() throws IOException {
        byte[] data = text(5000, 11);
        assertThat(decompress(CompressionType.SNAPPY, Snappy.compress(data), LIMIT)).isEqualTo(data);

        byte[] stream = compress(CompressionType.SNAPPY, data);
        byte[] twice = Arrays.copyOf(stream, stream.length * 2);
        System.arraycopy(stream, 0, twice, stream.length, stream.length);
        byte[] expected = Arrays.copyOf(data, data.length * 2);
        System.arraycopy(data, 0, expected, data.length, data.length);
        assertThat(decompress(CompressionType.SNAPPY, twice, LIMIT)).isEqualTo(expected);
    }

    @Test
    void shouldRejectSnappyChunkLengthBeyondInputWithoutAllocatingIt() {
        byte[] stream = compress(CompressionType.SNAPPY, text(5000, 12));
        ByteBuffer.wrap(stream).putInt(16, Integer.MAX_VALUE);

        assertThatThrownBy(() -> decompress(CompressionType.SNAPPY, stream, LIMIT))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=snappyChunkBeyondInput");
    }

    @Test
    void shouldRejectForgedSnappyUncompressedLengthBeyondLimit() {
        byte[] raw = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x00};

        assertThatThrownBy(() -> decompress(CompressionType.SNAPPY, raw, LIMIT))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=decompressedSizeExceedsLimit");
    }

    @Test
    void shouldReadConcatenatedGzipMembers() throws IOException {
        byte[] data = text(3000, 13);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 2; i++) {
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(data);
            }
        }
        assertThat(decompress(CompressionType.GZIP, out.toByteArray(), LIMIT)).hasSize(2 * data.length);
    }

    @Test
    void shouldReadStreamedZstdFramesAsKafkaWritesThem() throws IOException {
        byte[] data = text(200_000, 14);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, 3)) {
            zstd.write(data, 0, 70_000);
            zstd.flush();
            zstd.write(data, 70_000, data.length - 70_000);
        }
        assertThat(decompress(CompressionType.ZSTD, out.toByteArray(), LIMIT)).isEqualTo(data);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRejectGarbageAsCorrupt(CompressionType type) {
        byte[] garbage = text(500, 15);

        assertThatThrownBy(() -> decompress(type, garbage, LIMIT)).isInstanceOf(CorruptRecordException.class);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldDecompressFromReadOnlyAndDirectBuffers(CompressionType type) {
        byte[] data = text(70_000, 16);
        byte[] compressed = compress(type, data);
        ByteBuffer direct = ByteBuffer.allocateDirect(compressed.length).put(compressed).flip();
        for (ByteBuffer input : new ByteBuffer[] {ByteBuffer.wrap(compressed).asReadOnlyBuffer(), direct}) {
            assertThat(CompressionCodec.decompress(type, input, LIMIT, () -> "test=2")).isEqualTo(data);
        }
    }
}
