package dev.millrace.storage.log;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Names of the files of a partition directory, as Kafka names them, so that operators' tools and
 * habits carry over:
 *
 * <pre>
 * orders-3/                                  partition directory: topic "-" partition
 *   00000000000000001200.log                 segment data, named by its base offset (20 digits)
 *   00000000000000001200.index               sparse offset index
 *   00000000000000001200.timeindex           sparse time index
 *   00000000000000001200.txnindex            aborted transactions of the segment
 *   00000000000000001200.snapshot            producer state as of that offset
 *   leader-epoch-checkpoint                  epoch -&gt; start offset
 *   *.cleaned / *.swap / *.deleted           compaction and deletion in progress (see PartitionLog)
 * </pre>
 */
public final class LogFiles {
    public static final String LOG_SUFFIX = ".log";
    public static final String INDEX_SUFFIX = ".index";
    public static final String TIME_INDEX_SUFFIX = ".timeindex";
    public static final String TXN_INDEX_SUFFIX = ".txnindex";
    public static final String SNAPSHOT_SUFFIX = ".snapshot";
    /** Suffix of files written by the cleaner before the swap starts; deleted on recovery. */
    public static final String CLEANED_SUFFIX = ".cleaned";
    /** Suffix of cleaned files whose swap is committed; completed on recovery. */
    public static final String SWAP_SUFFIX = ".swap";
    /** Suffix of files scheduled for deletion; deleted on recovery. */
    public static final String DELETED_SUFFIX = ".deleted";

    private LogFiles() {
    }

    /** The 20-digit, zero-padded file name prefix of a base offset. */
    public static String filenamePrefix(long baseOffset) {
        return String.format("%020d", baseOffset);
    }

    public static Path logFile(Path dir, long baseOffset) {
        return dir.resolve(filenamePrefix(baseOffset) + LOG_SUFFIX);
    }

    public static Path offsetIndexFile(Path dir, long baseOffset) {
        return dir.resolve(filenamePrefix(baseOffset) + INDEX_SUFFIX);
    }

    public static Path timeIndexFile(Path dir, long baseOffset) {
        return dir.resolve(filenamePrefix(baseOffset) + TIME_INDEX_SUFFIX);
    }

    public static Path txnIndexFile(Path dir, long baseOffset) {
        return dir.resolve(filenamePrefix(baseOffset) + TXN_INDEX_SUFFIX);
    }

    /** The base offset a file name starts with, if it is one of ours. */
    public static OptionalLong baseOffsetOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot != 20) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring(0, 20)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The file with {@code suffix} appended to its name. */
    public static Path withSuffix(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** The file with a trailing {@code suffix} removed from its name. */
    public static Path withoutSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        if (!name.endsWith(suffix)) {
            throw new IllegalArgumentException("file=" + file + " suffix=" + suffix + " reason=suffixMissing");
        }
        return file.resolveSibling(name.substring(0, name.length() - suffix.length()));
    }
}
