package dev.millrace.serdes.avro.registry.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link SchemaStore} held in memory: an ordered list of records. Survives a restart of the registry
 * that uses it (build a new registry over the same store) but not of the JVM. {@link #compact()}
 * applies the log cleaner's rule (latest record per key, tombstones dropped) so tests can show that
 * replay after compaction rebuilds the same state.
 *
 * <p>Thread-safe: every method holds this object's monitor.
 */
public final class InMemorySchemaStore implements SchemaStore {
    private final List<StoreRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(StoreRecord record) {
        records.add(record);
    }

    @Override
    public void replay(Consumer<StoreRecord> sink) {
        for (StoreRecord record : records()) {
            sink.accept(record);
        }
    }

    /**
     * A snapshot of the stored records, oldest first.
     *
     * @return an immutable copy
     */
    public synchronized List<StoreRecord> records() {
        return List.copyOf(records);
    }

    /**
     * Compacts the log as a compacted topic's cleaner would once the delete retention has passed: keeps
     * only the latest record of each key, in the order of those latest records, and drops keys whose
     * latest record is a tombstone.
     */
    public synchronized void compact() {
        Map<ByteBuffer, Integer> latest = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            latest.put(ByteBuffer.wrap(records.get(i).key()), i);
        }
        List<StoreRecord> kept = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            StoreRecord record = records.get(i);
            if (latest.get(ByteBuffer.wrap(record.key())) == i && !record.isTombstone()) {
                kept.add(record);
            }
        }
        records.clear();
        records.addAll(kept);
    }
}
