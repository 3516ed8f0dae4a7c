package dev.millrace.cli;

import dev.millrace.clients.producer.RecordPartitioner;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns lines of text into records and batches, the way kafka-console-producer reads its input:
 * one record per line; with {@code parse.key} the text before the first key separator is the key
 * and the rest the value, else the whole line is the value and the key is null. Records are
 * partitioned with {@link RecordPartitioner} (murmur2 of the key bytes, sticky for keyless records)
 * and gathered per partition into one batch each, which goes to the {@link BatchSink} when it
 * reaches {@code batchSizeBytes}, when no more input is buffered (so that typing one line sends it)
 * or at the end of input.
 *
 * <p>Failures: a keyed line without a separator raises {@link IllegalArgumentException} naming
 * the line number; read errors raise {@link UncheckedIOException}; sink failures propagate. Not
 * thread-safe: owned by the thread that calls {@link #run}.
 */
final class LineProducer {
    /** Where finished batches go. */
    @FunctionalInterface
    interface BatchSink {
        /** Sends one batch of records to one partition. */
        void send(TopicPartition partition, MemoryRecords batch);
    }

    private final String topic;
    private final int numPartitions;
    private final boolean parseKey;
    private final String keySeparator;
    private final CompressionType compression;
    private final int batchSizeBytes;
    private final RecordPartitioner partitioner;
    private final Time time;
    private final Map<Integer, RecordBatchBuilder> open = new TreeMap<>();
    private boolean keylessInFlight;
    private long records;

    LineProducer(String topic, int numPartitions, boolean parseKey, String keySeparator, CompressionType compression,
                 int batchSizeBytes, RecordPartitioner partitioner, Time time) {
        if (keySeparator.isEmpty()) {
            throw new IllegalArgumentException("key.separator is empty (topic=" + topic + ")");
        }
        this.topic = topic;
        this.numPartitions = numPartitions;
        this.parseKey = parseKey;
        this.keySeparator = keySeparator;
        this.compression = compression;
        this.batchSizeBytes = batchSizeBytes;
        this.partitioner = partitioner;
        this.time = time;
    }

    /** Reads every line of {@code input}, sends all records, and returns how many were sent. */
    long run(BufferedReader input, BatchSink sink) {
        long lineNumber = 0;
        try {
            String line;
            while ((line = input.readLine()) != null) {
                lineNumber++;
                add(line, lineNumber, sink);
                if (!input.ready()) {
                    flush(sink);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("topic=" + topic + " line=" + lineNumber + " reason=readFailed", e);
        }
        flush(sink);
        return records;
    }

    private void add(String line, long lineNumber, BatchSink sink) {
        byte[] key = null;
        String value = line;
        if (parseKey) {
            int at = line.indexOf(keySeparator);
            if (at < 0) {
                throw new IllegalArgumentException("No key separator found on line number " + lineNumber + ": '"
                        + line + "'");
            }
            key = line.substring(0, at).getBytes(StandardCharsets.UTF_8);
            value = line.substring(at + keySeparator.length());
        }
        int partition = partitioner.partition(key, numPartitions);
        keylessInFlight |= key == null;
        RecordBatchBuilder builder = open.computeIfAbsent(partition,
                p -> new RecordBatchBuilder().compression(compression));
        builder.append(time.milliseconds(), key, value.getBytes(StandardCharsets.UTF_8));
        records++;
        if (builder.uncompressedSizeInBytes() >= batchSizeBytes) {
            open.remove(partition);
            send(partition, builder, sink);
        }
    }

    /** Sends every open batch. */
    void flush(BatchSink sink) {
        for (Map.Entry<Integer, RecordBatchBuilder> entry : open.entrySet()) {
            send(entry.getKey(), entry.getValue(), sink);
        }
        open.clear();
    }

    private void send(int partition, RecordBatchBuilder builder, BatchSink sink) {
        sink.send(new TopicPartition(topic, partition), builder.build());
        if (keylessInFlight) {
            keylessInFlight = false;
            partitioner.onBatchComplete();
        }
    }
}
