package dev.millrace.serdes.avro.registry.store;

import dev.millrace.clients.cluster.FetchResult;
import dev.millrace.clients.cluster.NewTopic;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.TopicExistsException;
import dev.millrace.common.errors.UnknownTopicOrPartitionException;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One in-memory partition behaving like a Kafka log for the store: batches keep their offsets, a fetch
 * returns whole batches (the first may start before the requested offset) up to a page size, compaction
 * keeps the latest record per key at its original offset (leaving gaps) and drops tombstones, and the
 * log start offset can be moved. Records the calls it received. Single-threaded, for tests only.
 */
final class FakeStoreCluster implements StoreCluster {
    final List<NewTopic> created = new ArrayList<>();
    final List<Short> acks = new ArrayList<>();
    final List<Long> fetchOffsets = new ArrayList<>();
    final Map<String, String> configs = new HashMap<>();
    RuntimeException failure;
    boolean createRace;
    /** Answer every fetch with no records and a high watermark of 0, as a lagging replica would. */
    boolean emptyFetches;
    boolean closed;
    int partitions;
    int batchesPerPage = Integer.MAX_VALUE;
    Runnable onFetch = () -> { };
    private final List<MemoryRecords> batches = new ArrayList<>();
    private long nextOffset;
    private long logStartOffset;

    FakeStoreCluster(int partitions, String cleanupPolicy) {
        this.partitions = partitions;
        if (cleanupPolicy != null) {
            configs.put("cleanup.policy", cleanupPolicy);
        }
    }

    /** A cluster where the topic does not exist yet. */
    static FakeStoreCluster withoutTopic() {
        return new FakeStoreCluster(0, null);
    }

    /** A cluster holding a compacted one-partition topic. */
    static FakeStoreCluster withCompactedTopic() {
        return new FakeStoreCluster(1, "compact");
    }

    @Override
    public OptionalInt partitionCount(String topic) {
        failIfAsked();
        return partitions == 0 ? OptionalInt.empty() : OptionalInt.of(partitions);
    }

    @Override
    public void createTopic(NewTopic topic) {
        failIfAsked();
        created.add(topic);
        if (createRace) {
            partitions = 1;
            configs.put("cleanup.policy", "compact");
            throw new TopicExistsException("topic=" + topic.name());
        }
        partitions = topic.numPartitions();
        configs.putAll(topic.configs());
    }

    @Override
    public Optional<String> topicConfig(String topic, String key) {
        failIfAsked();
        if (partitions == 0) {
            throw new UnknownTopicOrPartitionException("topic=" + topic);
        }
        return Optional.ofNullable(configs.get(key));
    }

    @Override
    public long produce(TopicPartition partition, MemoryRecords records, short acksValue, int timeoutMs) {
        failIfAsked();
        acks.add(acksValue);
        RecordBatchBuilder builder = new RecordBatchBuilder().baseOffset(nextOffset);
        long base = nextOffset;
        for (Record record : records.records()) {
            builder.append(record.timestamp(), bytes(record.key()), bytes(record.value()));
            nextOffset++;
        }
        batches.add(builder.build());
        return base;
    }

    /** Appends one batch of several records directly (as another writer would), returning its base offset. */
    long appendBatch(List<StoreRecord> records) {
        RecordBatchBuilder builder = new RecordBatchBuilder().baseOffset(nextOffset);
        long base = nextOffset;
        for (StoreRecord record : records) {
            builder.append(0L, record.key(), record.value());
            nextOffset++;
        }
        batches.add(builder.build());
        return base;
    }

    @Override
    public long listOffset(TopicPartition partition, long timestamp) {
        failIfAsked();
        return timestamp == -2L ? logStartOffset : nextOffset;
    }

    @Override
    public FetchResult fetch(TopicPartition partition, long offset, int maxBytes, int maxWaitMs) {
        failIfAsked();
        fetchOffsets.add(offset);
        onFetch.run();
        List<MemoryRecords> page = new ArrayList<>();
        for (MemoryRecords batch : batches) {
            if (!emptyFetches && page.size() < batchesPerPage && batchOf(batch).nextOffset() > offset) {
                page.add(batch);
            }
        }
        return new FetchResult(emptyFetches ? 0 : nextOffset, logStartOffset, concat(page));
    }

    /** Keeps the latest record of each key at its offset and drops tombstones, as the log cleaner does. */
    void compact() {
        Map<ByteBuffer, Long> latest = new HashMap<>();
        for (MemoryRecords batch : batches) {
            for (Record record : batch.records()) {
                latest.put(ByteBuffer.wrap(bytes(record.key())), record.offset());
            }
        }
        List<MemoryRecords> kept = new ArrayList<>();
        for (MemoryRecords batch : batches) {
            RecordBatchBuilder builder = new RecordBatchBuilder().baseOffset(batchOf(batch).baseOffset());
            for (Record record : batch.records()) {
                if (latest.get(ByteBuffer.wrap(bytes(record.key()))) == record.offset() && record.hasValue()) {
                    builder.appendWithOffset(record.offset(), record.timestamp(), bytes(record.key()),
                            bytes(record.value()), null);
                }
            }
            if (builder.numRecords() > 0) {
                kept.add(builder.build());
            }
        }
        batches.clear();
        batches.addAll(kept);
    }

    /** Moves the log start offset, as DeleteRecords or retention would. */
    void logStartOffset(long offset) {
        logStartOffset = offset;
    }

    /** Every record in the log from the log start offset, oldest first. */
    List<StoreRecord> records() {
        List<StoreRecord> out = new ArrayList<>();
        for (MemoryRecords batch : batches) {
            for (Record record : batch.records()) {
                if (record.offset() >= logStartOffset) {
                    out.add(new StoreRecord(bytes(record.key()), bytes(record.value())));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    private static RecordBatch batchOf(MemoryRecords records) {
        return records.batches().iterator().next();
    }

    private static MemoryRecords concat(List<MemoryRecords> page) {
        int size = page.stream().mapToInt(MemoryRecords::sizeInBytes).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        page.forEach(batch -> buffer.put(batch.buffer()));
        buffer.flip();
        return MemoryRecords.readableRecords(buffer);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
