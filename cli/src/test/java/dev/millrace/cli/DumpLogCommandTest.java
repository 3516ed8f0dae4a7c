package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.PartitionLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DumpLogCommandTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final String SEGMENT = "00000000000000000000";

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result dump(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new DumpLogCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MemoryRecords keyedBatch() {
        return new RecordBatchBuilder().append(NOW, utf8("a"), utf8("xyz")).append(NOW + 1, utf8("b"), utf8("uv"))
                .append(NOW + 2, null, utf8("w")).build();
    }

    private Path writeSegment() {
        ManualTime time = new ManualTime(NOW);
        PartitionLog log = PartitionLog.open(dir, new TopicPartition("t", 0),
                LogConfig.parse(Map.of(LogConfig.INDEX_INTERVAL_BYTES, "1")), 0, 0, true, time, null);
        log.appendAsLeader(keyedBatch(), 0, AppendOrigin.CLIENT);
        log.appendAsLeader(new RecordBatchBuilder().compression(CompressionType.GZIP)
                .append(NOW + 5, utf8("k"), utf8("zipped")).build(), 0, AppendOrigin.CLIENT);
        log.close();
        return dir;
    }

    @Test
    void shouldDumpBatchHeadersLikeKafkaDumpLog() {
        Path logFile = writeSegment().resolve(SEGMENT + ".log");
        Result result = dump("--files", logFile.toString());
        assertThat(result.code()).as(result.err()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("Dumping " + logFile);
        assertThat(lines[1]).isEqualTo("Log starting offset: 0");
        assertThat(lines[2]).startsWith("baseOffset: 0 lastOffset: 2 count: 3 baseSequence: -1 lastSequence: -1"
                + " producerId: -1 producerEpoch: -1 partitionLeaderEpoch: 0 isTransactional: false isControl: false"
                + " deleteHorizonMs: OptionalLong.empty position: 0 CreateTime: " + (NOW + 2) + " size: ")
                .contains(" magic: 2 compresscodec: none crc: ").endsWith(" isvalid: true");
        assertThat(lines[3]).startsWith("baseOffset: 3 lastOffset: 3 count: 1").contains("compresscodec: gzip");
    }

    @Test
    void shouldPrintRecordsWithDataWhenAskedTo() {
        Path logFile = writeSegment().resolve(SEGMENT + ".log");
        Result result = dump("--files", logFile.toString(), "--print-data-log");
        assertThat(result.out()).contains("| offset: 0 CreateTime: " + NOW
                + " keySize: 1 valueSize: 3 sequence: -1 headerKeys: [] key: a payload: xyz\n")
                .contains("| offset: 2 CreateTime: " + (NOW + 2)
                        + " keySize: -1 valueSize: 1 sequence: -1 headerKeys: [] payload: w\n")
                .contains("key: k payload: zipped");
        Result deep = dump("--files", logFile.toString(), "--deep-iteration");
        assertThat(deep.out()).contains("| offset: 1 CreateTime: " + (NOW + 1)
                + " keySize: 1 valueSize: 2 sequence: -1 headerKeys: []\n").doesNotContain("payload");
    }

    @Test
    void shouldDumpIndexEntries() {
        writeSegment();
        Path index = dir.resolve(SEGMENT + ".index");
        Path timeIndex = dir.resolve(SEGMENT + ".timeindex");
        Result result = dump("--files", index + "," + timeIndex);
        assertThat(result.code()).as(result.err()).isZero();
        // The storage module indexes a batch once index.interval.bytes have gone by since the last entry.
        int secondBatchPosition = keyedBatch().sizeInBytes();
        assertThat(result.out()).isEqualTo("Dumping " + index + "\noffset: 3 position: " + secondBatchPosition
                + "\nDumping " + timeIndex + "\ntimestamp: " + (NOW + 5) + " offset: 3\n");
    }

    @Test
    void shouldReportACorruptBatchWithItsPositionAndExitWithOne() throws Exception {
        ByteBuffer good = keyedBatch().buffer();
        ByteBuffer file = ByteBuffer.allocate(good.remaining() + 70);
        file.put(good.duplicate()).putLong(3L).putInt(5).position(file.capacity());
        Path logFile = dir.resolve(SEGMENT + ".log");
        Files.write(logFile, file.array());
        Result result = dump("--files", logFile.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("baseOffset: 0 lastOffset: 2");
        assertThat(result.err()).isEqualTo("Found corrupt batch at position " + good.remaining() + " in " + logFile
                + ": batchLength=5 minBatchLength=49" + System.lineSeparator());
    }

    @Test
    void shouldReportATornTailAsInvalidBytes() throws Exception {
        ByteBuffer good = keyedBatch().buffer();
        byte[] bytes = new byte[good.remaining() + 7];
        good.duplicate().get(bytes, 0, good.remaining());
        Path logFile = dir.resolve(SEGMENT + ".log");
        Files.write(logFile, bytes);
        Result result = dump("--files", logFile.toString());
        assertThat(result.code()).isZero();
        assertThat(result.out()).endsWith("Found 7 invalid bytes at the end of " + SEGMENT + ".log\n");
    }

    @Test
    void shouldFailOnAMissingFileAndSkipUnknownOnes() throws Exception {
        Path other = Files.writeString(dir.resolve("notes.txt"), "x");
        Result result = dump("--files", dir.resolve(SEGMENT + ".log") + "," + other);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("File does not exist or is not a regular file: ");
        assertThat(result.out()).contains("Ignoring unknown file " + other);
    }
}
