package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Wraps {@link KeyValueOps} for comparisons with RocksDB stores: counts are RocksDB estimates, so they are not
 * compared, and optionally scans read everything when opened (RocksDB iterators read a snapshot, where the
 * sorted-map model reads values as it reaches them).
 */
final class RocksDBTestOps implements KeyValueOps {

    private final KeyValueOps inner;
    private final boolean snapshotScans;

    private RocksDBTestOps(KeyValueOps inner, boolean snapshotScans) {
        this.inner = inner;
        this.snapshotScans = snapshotScans;
    }

    static KeyValueOps snapshot(KeyValueOps inner) {
        return new RocksDBTestOps(inner, true);
    }

    static KeyValueOps uncounted(KeyValueOps inner) {
        return new RocksDBTestOps(inner, false);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        inner.put(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        return inner.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<Map.Entry<Bytes, byte[]>> entries) {
        inner.putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
        return inner.delete(key);
    }

    @Override
    public byte[] get(Bytes key) {
        return inner.get(key);
    }

    @Override
    public Iterator<Map.Entry<Bytes, byte[]>> scan(String kind, Bytes from, Bytes to) {
        Iterator<Map.Entry<Bytes, byte[]>> scan = inner.scan(kind, from, to);
        if (!snapshotScans) {
            return scan;
        }
        List<Map.Entry<Bytes, byte[]>> all = new ArrayList<>();
        scan.forEachRemaining(e -> all.add(new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue())));
        return all.iterator();
    }

    @Override
    public long count() {
        return 0;
    }
}
