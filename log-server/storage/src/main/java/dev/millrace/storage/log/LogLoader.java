package dev.millrace.storage.log;

import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.CorruptLogException;
import dev.millrace.storage.LogStorageException;
import dev.millrace.storage.epoch.LeaderEpochCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Opens a partition directory: finishes or discards interrupted compaction swaps and deletions,
 * opens the segments, and after an unclean shutdown recovers them.
 *
 * <p>Recovery rules:
 * <ul>
 *   <li>Files ending in {@code .cleaned} (a compaction that had not committed) and {@code .deleted}
 *   (segments already dropped from the log) are removed. Files ending in {@code .swap} (a committed
 *   compaction) replace the segments whose offsets they cover, then lose the suffix.</li>
 *   <li>Clean shutdown: no scan; each segment's indexes are sanity-checked and rebuilt only if
 *   missing or broken.</li>
 *   <li>Unclean shutdown: every segment from the one holding the recovery point on is scanned and
 *   validated batch by batch, and its indexes rebuilt. An invalid tail of the last segment is a torn
 *   write and is truncated. An invalid batch in an earlier segment was flushed before the next
 *   segment was created, so it is real corruption: loading fails with {@link CorruptLogException}
 *   (file, position, offset) rather than silently dropping acknowledged data.</li>
 * </ul>
 *
 * <p>Runs on the thread that opens the log, before the log is shared.
 */
final class LogLoader {
    /** What loading found and did. */
    record Result(TreeMap<Long, LogSegment> segments, long logStartOffset, long logEndOffset,
                  List<String> recoveryNotes) {
    }

    private LogLoader() {
    }

    static Result load(Path dir, LogConfig config, long recoveryPoint, long logStartOffset, boolean cleanShutdown,
                       LeaderEpochCache epochCache, Time time) {
        List<String> notes = new ArrayList<>();
        removeInterruptedWork(dir, config, time, notes);
        TreeMap<Long, LogSegment> segments = new TreeMap<>();
        List<Long> missingIndexes = new ArrayList<>();
        for (long base : baseOffsets(dir, LogFiles.LOG_SUFFIX)) {
            if (!Files.exists(LogFiles.offsetIndexFile(dir, base)) || !Files.exists(LogFiles.timeIndexFile(dir, base))) {
                missingIndexes.add(base);
            }
            segments.put(base, LogSegment.open(dir, base, config, time.milliseconds()));
        }
        if (segments.isEmpty()) {
            long base = Math.max(0, logStartOffset);
            segments.put(base, LogSegment.open(dir, base, config, time.milliseconds()));
        }
        if (cleanShutdown) {
            checkIndexes(segments, missingIndexes, epochCache, notes);
        } else {
            recover(segments, recoveryPoint, epochCache, notes);
        }
        LogSegment active = segments.lastEntry().getValue();
        active.resizeIndexesToMax();
        long logEndOffset = active.readNextOffset();
        long start = Math.max(logStartOffset, segments.firstKey());
        if (start > logEndOffset) {
            notes.add("logStartOffset=" + start + " logEndOffset=" + logEndOffset
                    + " action=startedEmptyLogAtLogStartOffset");
            for (LogSegment segment : segments.values()) {
                segment.deleteIfExists();
            }
            segments.clear();
            segments.put(start, LogSegment.open(dir, start, config, time.milliseconds()));
            segments.get(start).resizeIndexesToMax();
            logEndOffset = start;
        }
        epochCache.truncateFromEnd(logEndOffset);
        epochCache.truncateFromStart(start);
        return new Result(segments, start, logEndOffset, notes);
    }

    private static void checkIndexes(TreeMap<Long, LogSegment> segments, List<Long> missingIndexes,
                                     LeaderEpochCache epochCache, List<String> notes) {
        for (LogSegment segment : segments.values()) {
            String problem = null;
            if (missingIndexes.contains(segment.baseOffset())) {
                problem = "reason=indexFilesMissing";
            } else {
                try {
                    segment.sanityCheck();
                } catch (CorruptIndexException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                notes.add("segment=" + segment.baseOffset() + " action=rebuiltIndexes " + problem);
                LogSegment.Recovery recovery = segment.recover(batch -> assignEpoch(epochCache, batch));
                if (recovery.corruption() != null) {
                    throw new CorruptLogException(segment.log().file(), recovery.validBytes(), recovery.nextOffset(),
                            recovery.corruption());
                }
            }
        }
    }

    private static void recover(TreeMap<Long, LogSegment> segments, long recoveryPoint, LeaderEpochCache epochCache,
                                List<String> notes) {
        Long from = segments.floorKey(recoveryPoint);
        List<LogSegment> toRecover = new ArrayList<>((from == null ? segments : segments.tailMap(from, true)).values());
        LogSegment last = segments.lastEntry().getValue();
        for (LogSegment segment : toRecover) {
            LogSegment.Recovery recovery = segment.recover(batch -> assignEpoch(epochCache, batch));
            if (recovery.corruption() == null) {
                continue;
            }
            if (segment != last) {
                throw new CorruptLogException(segment.log().file(), recovery.validBytes(), recovery.nextOffset(),
                        recovery.corruption());
            }
            int truncated = segment.truncateLogTo(recovery.validBytes());
            notes.add("segment=" + segment.baseOffset() + " action=truncatedTornTail truncatedBytes=" + truncated
                    + " nextOffset=" + recovery.nextOffset() + " " + recovery.corruption());
        }
    }

    private static void assignEpoch(LeaderEpochCache epochCache, RecordBatch batch) {
        if (batch.partitionLeaderEpoch() >= 0) {
            epochCache.assign(batch.partitionLeaderEpoch(), batch.baseOffset());
        }
    }

    /** Deletes leftovers of interrupted cleaning and deletion; completes committed swaps. */
    private static void removeInterruptedWork(Path dir, LogConfig config, Time time, List<String> notes) {
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(LogFiles.CLEANED_SUFFIX) || name.endsWith(LogFiles.DELETED_SUFFIX)) {
                delete(file);
            }
        }
        for (long swapBase : baseOffsets(dir, LogFiles.LOG_SUFFIX + LogFiles.SWAP_SUFFIX)) {
            completeSwap(dir, swapBase, config, time, notes);
        }
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            OptionalLong base = LogFiles.baseOffsetOf(file);
            boolean index = name.endsWith(LogFiles.INDEX_SUFFIX) || name.endsWith(LogFiles.TIME_INDEX_SUFFIX)
                    || name.endsWith(LogFiles.TXN_INDEX_SUFFIX);
            if (index && base.isPresent() && !Files.exists(LogFiles.logFile(dir, base.getAsLong()))) {
                delete(file);
            }
        }
    }

    /**
     * A {@code .swap} segment holds the cleaned replacement of the segments with base offsets in
     * {@code [swapBase, swapNextOffset)}: delete those, then drop the suffix from the swap files.
     */
    private static void completeSwap(Path dir, long swapBase, LogConfig config, Time time, List<String> notes) {
        Path swapLog = LogFiles.withSuffix(LogFiles.logFile(dir, swapBase), LogFiles.SWAP_SUFFIX);
        long swapNext = swapBase;
        try (FileRecords records = FileRecords.open(swapLog)) {
            for (FileBatch batch : records.batchesFrom(0)) {
                swapNext = batch.nextOffset();
            }
        }
        for (long base : baseOffsets(dir, LogFiles.LOG_SUFFIX)) {
            if (base >= swapBase && base < Math.max(swapNext, swapBase + 1)) {
                for (Path file : List.of(LogFiles.logFile(dir, base), LogFiles.offsetIndexFile(dir, base),
                        LogFiles.timeIndexFile(dir, base), LogFiles.txnIndexFile(dir, base))) {
                    delete(file);
                }
            }
        }
        for (Path file : List.of(LogFiles.logFile(dir, swapBase), LogFiles.offsetIndexFile(dir, swapBase),
                LogFiles.timeIndexFile(dir, swapBase), LogFiles.txnIndexFile(dir, swapBase))) {
            Path swapFile = LogFiles.withSuffix(file, LogFiles.SWAP_SUFFIX);
            if (Files.exists(swapFile)) {
                try {
                    Files.move(swapFile, file);
                } catch (IOException e) {
                    throw new LogStorageException("file=" + swapFile + " operation=completeSwap", e);
                }
            }
        }
        notes.add("segment=" + swapBase + " action=completedSwap replacedUpTo=" + swapNext);
    }

    private static List<Long> baseOffsets(Path dir, String suffix) {
        List<Long> bases = new ArrayList<>();
        for (Path file : list(dir)) {
            if (file.getFileName().toString().endsWith(suffix)) {
                LogFiles.baseOffsetOf(file).ifPresent(bases::add);
            }
        }
        bases.sort(null);
        return bases;
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new LogStorageException("dir=" + dir + " operation=list", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=delete", e);
        }
    }
}
