package dev.millrace.streams.state.internals.rocksdb;

import java.util.Map;
import org.rocksdb.Options;

/**
 * An options hook for crash tests: the smallest write buffers RocksDB accepts (64 KiB), so that memtables fill and
 * flush on their own every few dozen small transactions. Those automatic flushes are where crash consistency rests
 * on flushes being atomic across the data and the offsets column families; with large memtables a short test
 * would only ever see the flushes at close.
 */
public final class SmallMemtables implements RocksDbOptionsCustomizer {
    /** RocksDB's minimum write buffer size. */
    public static final long WRITE_BUFFER_BYTES = 64L * 1024;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    }
}
