package dev.millrace.cli;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.index.OffsetIndex;
import dev.millrace.storage.index.OffsetPosition;
import dev.millrace.storage.index.TimeIndex;
import dev.millrace.storage.index.TimestampOffset;
import dev.millrace.storage.log.FileRecords;
import dev.millrace.storage.log.LogFiles;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code millrace dump-log}: prints the contents of segment files as kafka-dump-log does, reading
 * them with the storage module ({@link FileRecords}, {@link OffsetIndex}, {@link TimeIndex}):
 * {@code .log} files batch by batch (records too with {@code --deep-iteration}, keys and values too
 * with {@code --print-data-log}), {@code .index} and {@code .timeindex} files entry by entry; other
 * files are skipped with a note. Batches are framed one at a time, so a corrupt batch (impossible
 * length, wrong magic, undecodable records) is reported with its file position on the error stream
 * instead of ending the dump; a torn tail is reported as Kafka does ({@code Found N invalid bytes at
 * the end of F}). Exit code 1 when a file is missing or corrupt, else 0. Files are only read.
 * Runs on the caller's thread.
 */
@Command(name = "dump-log", mixinStandardHelpOptions = true,
        description = "Print the contents of log segment and index files (flags as kafka-dump-log).")
public final class DumpLogCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--files", required = true, split = ",", paramLabel = "FILE",
            description = "Comma-separated .log, .index or .timeindex files.")
    List<Path> files;

    @Option(names = "--print-data-log", description = "Print keys and values (implies --deep-iteration).")
    boolean printDataLog;

    @Option(names = "--deep-iteration", description = "Print every record, not only batch headers.")
    boolean deepIteration;

    private boolean failed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files) {
            out.println("Dumping " + file);
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file)) {
                error("File does not exist or is not a regular file: " + file);
            } else if (name.endsWith(".log")) {
                dumpLog(file, out);
            } else if (name.endsWith(".index")) {
                dumpOffsetIndex(file, out);
            } else if (name.endsWith(".timeindex")) {
                dumpTimeIndex(file, out);
            } else {
                out.println("Ignoring unknown file " + file);
            }
            out.flush();
        }
        return failed ? ToolSupport.FAILED : ToolSupport.OK;
    }

    private void error(String line) {
        failed = true;
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(line);
        spec.commandLine().getErr().flush();
    }

    private OptionalLong baseOffset(Path file) {
        OptionalLong base = LogFiles.baseOffsetOf(file);
        if (base.isEmpty()) {
            error("Not a segment file name (expected 20 digits of base offset): " + file);
        }
        return base;
    }

    private void dumpLog(Path file, PrintWriter out) {
        OptionalLong base = baseOffset(file);
        if (base.isEmpty()) {
            return;
        }
        out.println("Log starting offset: " + base.getAsLong());
        try (FileRecords records = FileRecords.open(file)) {
            int size = records.sizeInBytes();
            int position = 0;
            while (position < size) {
                int remaining = size - position;
                ByteBuffer head = ByteBuffer.allocate(RecordBatch.LOG_OVERHEAD);
                records.readInto(head, position);
                int batchLength = remaining < RecordBatch.LOG_OVERHEAD ? -1 : head.getInt(8);
                if (batchLength >= RecordBatch.MIN_BATCH_LENGTH && batchLength > remaining - RecordBatch.LOG_OVERHEAD
                        || remaining < RecordBatch.LOG_OVERHEAD) {
                    out.println("Found " + remaining + " invalid bytes at the end of " + file.getFileName());
                    return;
                }
                if (batchLength < RecordBatch.MIN_BATCH_LENGTH) {
                    error("Found corrupt batch at position " + position + " in " + file + ": batchLength="
                            + batchLength + " minBatchLength=" + RecordBatch.MIN_BATCH_LENGTH);
                    return;
                }
                ByteBuffer bytes = ByteBuffer.allocate(RecordBatch.LOG_OVERHEAD + batchLength);
                records.readInto(bytes, position);
                dumpBatch(file, bytes.flip(), position, out);
                position += bytes.limit();
            }
        }
    }

    private void dumpBatch(Path file, ByteBuffer bytes, int position, PrintWriter out) {
        try {
            RecordBatch batch = RecordBatch.wrap(bytes);
            out.println(BatchDumpFormatter.batchLine(batch, position));
            if (deepIteration || printDataLog) {
                for (Record record : batch) {
                    out.println(BatchDumpFormatter.recordLine(batch, record, printDataLog));
                }
            }
        } catch (CorruptRecordException e) {
            error("Found corrupt batch at position " + position + " in " + file + ": " + ToolSupport.message(e));
        }
    }

    private void dumpOffsetIndex(Path file, PrintWriter out) {
        OptionalLong base = baseOffset(file);
        if (base.isEmpty()) {
            return;
        }
        try (OffsetIndex index = new OffsetIndex(file, base.getAsLong(), OffsetIndex.ENTRY_SIZE)) {
            for (int slot = 0; slot < index.entries(); slot++) {
                OffsetPosition entry = index.entry(slot);
                if (slot > 0 && entry.offset() == base.getAsLong()) {
                    return;
                }
                out.println("offset: " + entry.offset() + " position: " + entry.position());
            }
        } catch (RuntimeException e) {
            error("Could not read offset index " + file + ": " + ToolSupport.message(e));
        }
    }

    private void dumpTimeIndex(Path file, PrintWriter out) {
        OptionalLong base = baseOffset(file);
        if (base.isEmpty()) {
            return;
        }
        try (TimeIndex index = new TimeIndex(file, base.getAsLong(), TimeIndex.ENTRY_SIZE)) {
            for (int slot = 0; slot < index.entries(); slot++) {
                TimestampOffset entry = index.entry(slot);
                if (slot > 0 && entry.offset() == base.getAsLong()) {
                    return;
                }
                out.println("timestamp: " + entry.timestamp() + " offset: " + entry.offset());
            }
        } catch (RuntimeException e) {
            error("Could not read time index " + file + ": " + ToolSupport.message(e));
        }
    }
}
