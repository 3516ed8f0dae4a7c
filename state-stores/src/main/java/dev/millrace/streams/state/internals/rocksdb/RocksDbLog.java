package dev.millrace.streams.state.internals.rocksdb;

import org.rocksdb.InfoLogLevel;
import org.rocksdb.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one RocksDB info log of the process: every database logs through it to the slf4j logger
 * {@code dev.millrace.streams.state.rocksdb} instead of writing a {@code LOG} file of its own. A per-database
 * log costs a 64 KiB write buffer and a file for every open store, the largest single part of what RocksDB
 * allocates per store outside the memory budget's cache (see {@link RocksDbMemoryBudget}).
 *
 * <p>Native code passes warnings and worse ({@link InfoLogLevel#WARN_LEVEL} and up); RocksDB's header lines (the
 * options dump of every open) are dropped. Warnings go to {@code warn}, errors and fatal errors to {@code error}.
 * A {@code rocksdb.config.setter} may install a logger of its own with {@code Options.setLogger}.
 *
 * <p>Thread-safety: {@link #log} runs on whichever RocksDB thread logs (background flush and compaction threads
 * included); it only hands the line to slf4j. The native object lives as long as the process.
 */
final class RocksDbLog extends Logger {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("dev.millrace.streams.state.rocksdb");

    private RocksDbLog() {
        super(InfoLogLevel.WARN_LEVEL);
    }

    /** @return the process-wide logger */
    static RocksDbLog instance() {
        return Holder.INSTANCE;
    }

    @Override
    protected void log(InfoLogLevel level, String message) {
        switch (level) {
            case HEADER_LEVEL, DEBUG_LEVEL, INFO_LEVEL -> LOG.debug("{}", message);
            case WARN_LEVEL -> LOG.warn("{}", message);
            default -> LOG.error("{}", message);
        }
    }

    private static final class Holder {
        static final RocksDbLog INSTANCE = new RocksDbLog();
    }
}
