package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.internals.rocksdb.RocksDbIterator;
import dev.millrace.streams.state.internals.rocksdb.RocksDbStatistics;
import dev.millrace.streams.state.internals.rocksdb.SegmentKeySchema;
import dev.millrace.streams.state.internals.rocksdb.SegmentedRocksDbEngine;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle shared by the RocksDB window and session stores: a {@link SegmentedRocksDbEngine} in
 * {@code stateDir/<name>} (Kafka Streams' layout), opened by {@link #init}, with a batching restore callback that
 * writes changelog records (whose keys are already in the stored-key layout) in bulk-load mode, position
 * tracking, and KIP-1035 offsets committed atomically with the data. Retention drops whole segments as the
 * observed stream time advances; a write into an expired segment is dropped with a warning.
 *
 * <p>Thread-safety: methods are synchronized; iterators belong to the thread that opened them. Methods throw
 * {@link InvalidStateStoreException} when the store is not open.
 */
abstract class RocksDBSegmentedStore extends RocksDBStateStore<SegmentedRocksDbEngine> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBSegmentedStore.class);

    /** The store name. */
    final String name;
    private final String metricsScope;
    private final SegmentKeySchema schema;
    private final long retentionPeriod;
    private final long segmentInterval;

    RocksDBSegmentedStore(String name, String metricsScope, SegmentKeySchema schema, long retentionPeriod,
                          long segmentInterval) {
        super(Objects.requireNonNull(name, "reason=nullStoreName"));
        this.name = Objects.requireNonNull(name, "reason=nullStoreName");
        this.metricsScope = metricsScope;
        this.schema = schema;
        this.retentionPeriod = retentionPeriod;
        this.segmentInterval = segmentInterval;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the metrics scope this store reports under */
    public String metricsScope() {
        return metricsScope;
    }

    /** @return the retention period in milliseconds */
    public long retentionPeriod() {
        return retentionPeriod;
    }

    /** @return the width of a segment in milliseconds */
    public long segmentInterval() {
        return segmentInterval;
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        Path dir = RocksDBStoreConfigs.segmentedDir(context, name);
        lifecycle.open(context, dir, () -> SegmentedRocksDbEngine.open(dir, name, schema, retentionPeriod,
                segmentInterval, null, RocksDBStoreConfigs.engineConfigs(context, name)));
        if (root != null) {
            context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
        }
    }

    private synchronized void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        SegmentedRocksDbEngine engine = lifecycle.forRestore();
        for (KeyValue<byte[], byte[]> record : records) {
            engine.put(record.key, record.value);
        }
    }

    /** Throws if the store is not open. */
    final void validateOpen() {
        lifecycle.validateOpen();
    }

    /**
     * Writes a stored key (a null value deletes it), advancing stream time; logs and drops expired writes.
     *
     * @param storeKey the stored key
     * @param value the value, or null
     */
    final synchronized void write(byte[] storeKey, byte[] value) {
        SegmentedRocksDbEngine engine = lifecycle.forWrite();
        if (engine.put(storeKey, value)) {
            lifecycle.updatePosition();
        } else {
            LOG.warn("Skipping record for expired segment: store={} segmentTimestamp={} observedStreamTime={}",
                    name, schema.segmentTimestamp(storeKey), engine.observedStreamTime());
        }
    }

    /**
     * Deletes a stored key if its segment is live, without advancing stream time.
     *
     * @param storeKey the stored key
     */
    final synchronized void remove(byte[] storeKey) {
        lifecycle.forWrite().delete(storeKey);
        lifecycle.updatePosition();
    }

    final synchronized byte[] read(byte[] storeKey) {
        return lifecycle.engine().get(storeKey);
    }

    final synchronized RocksDbIterator fetchStored(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo,
                                                   boolean forward) {
        return lifecycle.engine().fetch(keyFrom == null ? null : keyFrom.get(), keyTo == null ? null : keyTo.get(),
                timeFrom, timeTo, forward);
    }

    /** @return RocksDB's estimate of the number of stored records over live segments */
    public synchronized long approximateNumEntries() {
        return lifecycle.engine().approximateNumEntries();
    }

    /** @return the largest segment timestamp written so far, -1 before any */
    public synchronized long observedStreamTime() {
        return lifecycle.engine().observedStreamTime();
    }

    /** @return the RocksDB figures of this store, for metrics */
    public synchronized RocksDbStatistics statistics() {
        return lifecycle.statistics();
    }

    /** Closes open iterators and, in exactly-once mode, drops uncommitted writes. Idempotent. */
    @Override
    public synchronized void close() {
        lifecycle.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", retentionPeriod=" + retentionPeriod
                + ", segmentInterval=" + segmentInterval + '}';
    }
}
