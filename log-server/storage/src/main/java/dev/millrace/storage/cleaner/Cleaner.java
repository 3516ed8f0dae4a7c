package dev.millrace.storage.cleaner;

import dev.millrace.common.time.Time;
import dev.millrace.storage.LogStorageException;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogFiles;
import dev.millrace.storage.log.LogSegment;
import dev.millrace.storage.log.PartitionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Cleans one compacted log in one pass, as Kafka's cleaner does:
 * <ol>
 *   <li>On the owner thread, capture the log's offsets, segments, producer state and aborted
 *   transactions ({@link CleaningInputs}); compute the dirty range ({@link CleanableLog}).</li>
 *   <li>Build the {@link OffsetMap} from the dirty range, as far as it fits
 *   ({@link OffsetMapBuilder}); the pass cleans up to {@code map.latestOffset() + 1}.</li>
 *   <li>Take every non-active segment whose base offset is below that, from the first segment of
 *   the log, and split them into groups ({@link SegmentGroups}).</li>
 *   <li>For each group, write ONE new segment with {@code .cleaned} file names, base offset = the
 *   group's first base offset, holding what {@link SegmentRewriter} keeps (offsets preserved,
 *   indexes built as appends build them, the old last segment's modification time), then, on the
 *   owner thread, check that the group's segments are still the log's non-active segments and
 *   {@link PartitionLog#replaceSegments} them with it (the crash-safe swap: flush, {@code .swap},
 *   old files {@code .deleted}, suffix dropped). If the log changed meanwhile (retention,
 *   truncation), the cleaned files are deleted and the pass ends incomplete.</li>
 * </ol>
 * The caller moves the cleaner checkpoint to {@link CleanResult#cleanedUpToOffset()} only for a
 * completed pass. Re-running a pass over already cleaned data keeps it unchanged except for
 * tombstones and markers whose delete horizon has passed, so an incomplete pass is harmless.
 *
 * <p>Crash safety: until the swap's rename to {@code .swap} the old segments are untouched and a
 * crash leaves only {@code .cleaned} files, which log loading deletes: the old data is visible. From
 * that rename on, loading completes the swap (it deletes the old segments whose base offsets lie
 * below the cleaned segment's next offset): the cleaned data is visible. One corner: an old segment
 * of the group none of whose records was kept lies beyond the cleaned segment's last offset and
 * survives such a recovery; it holds only records the pass dropped (superseded values, expired
 * tombstones, aborted data whose abort marker is in it or later, removable markers), so no key
 * loses its latest value and the next pass drops them again. Across groups (swapped oldest first),
 * cleaned earlier groups next to uncleaned later ones are consistent: a group drops only records
 * that later offsets supersede, aborted data, and expired tombstones whose older values lie in the
 * same or earlier groups.
 *
 * <p>Failure cases: I/O errors raise {@code LogStorageException}, corrupt batches
 * {@code CorruptRecordException}; the group's {@code .cleaned} files are deleted unless the swap had
 * already renamed them (then recovery finishes it). {@link CleaningAbortedException} when aborted,
 * and also when an I/O error comes from a segment the owner removed meanwhile (retention or
 * truncation closed it): the log changed, nothing is wrong with it.
 *
 * <p>Threading: not thread-safe; each cleaner thread owns one instance (its offset map and buffers).
 * The log itself is touched only through the owner executor, except for reading the files of
 * non-active segments, which never change.
 */
public final class Cleaner {
    private final OffsetMap map;
    private final double loadFactor;
    private final int ioBufferBytes;
    private final Time time;
    private final SegmentBatchReader reader;

    /** A cleaner with one thread's share of {@code config}'s dedupe and I/O buffers. */
    public Cleaner(CleanerConfig config, Time time) {
        this(new OffsetMap(config.dedupeBufferBytesPerThread()), config.ioBufferLoadFactor(),
                config.ioBufferBytesPerThread(), time);
    }

    /**
     * A cleaner over {@code map}, filled to at most {@code loadFactor} of its slots, with read and
     * write buffers of {@code ioBufferBytes} each.
     */
    public Cleaner(OffsetMap map, double loadFactor, int ioBufferBytes, Time time) {
        if (!(loadFactor > 0 && loadFactor <= 1)) {
            throw new IllegalArgumentException("loadFactor=" + loadFactor + " reason=mustBeAbove0AndAtMost1");
        }
        this.map = Objects.requireNonNull(map, "map");
        this.loadFactor = loadFactor;
        this.ioBufferBytes = ioBufferBytes;
        this.time = Objects.requireNonNull(time, "time");
        this.reader = new SegmentBatchReader(ioBufferBytes);
    }

    /**
     * Cleans {@code log} in one pass (see the class notes).
     *
     * @param checkpointed the offset the log was cleaned up to before, if any
     * @param ownerExecutor runs a task on the log's owner thread ({@code Runnable::run} when the
     *     caller is the owner)
     * @throws IllegalArgumentException if the log's cleanup.policy does not include compact
     */
    public CleanResult clean(PartitionLog log, OptionalLong checkpointed, Consumer<Runnable> ownerExecutor) {
        return clean(log, checkpointed, new OwnerCalls(ownerExecutor));
    }

    CleanResult clean(PartitionLog log, OptionalLong checkpointed, OwnerCalls owner) {
        CleaningInputs inputs = owner.call("captureCleaningInputs", () -> CleaningInputs.capture(log));
        try {
            CleaningPlan plan = plan(inputs, checkpointed, owner);
            for (List<LogSegment> group : plan.groups()) {
                LogSegment cleaned = rewrite(plan, group, owner);
                if (!swap(plan, log, cleaned, group, owner)) {
                    return plan.result(false);
                }
            }
            return plan.result(true);
        } catch (LogStorageException e) {
            if (segmentsChanged(log, inputs, owner)) {
                throw new CleaningAbortedException("topicPartition=" + log.topicPartition()
                        + " reason=segmentsRemovedWhileBeingCleaned", e);
            }
            throw e;
        }
    }

    /**
     * Whether a non-active segment the pass read is no longer the log's: retention or truncation
     * closed it under the pass, which explains an I/O error and is not a failure.
     */
    private static boolean segmentsChanged(PartitionLog log, CleaningInputs inputs, OwnerCalls owner) {
        List<LogSegment> read = inputs.segments().subList(0, inputs.segments().size() - 1);
        return owner.call("checkSegments", () -> !log.segments().containsAll(read));
    }

    /** Steps 1 to 3 on a fresh capture of {@code log}. */
    CleaningPlan plan(PartitionLog log, OptionalLong checkpointed, OwnerCalls owner) {
        return plan(owner.call("captureCleaningInputs", () -> CleaningInputs.capture(log)), checkpointed, owner);
    }

    /** Steps 1 to 3: dirty range, offset map, groups. */
    CleaningPlan plan(CleaningInputs inputs, OptionalLong checkpointed, OwnerCalls owner) {
        long nowMs = time.milliseconds();
        LogSnapshot snapshot = inputs.snapshot();
        if (!snapshot.config().compact()) {
            throw new IllegalArgumentException("topicPartition=" + snapshot.topicPartition()
                    + " reason=cleanupPolicyDoesNotIncludeCompact");
        }
        CleanableLog range = CleanableLog.evaluate(snapshot, checkpointed, nowMs);
        long cleanedUpTo = OffsetMapBuilder.build(map, loadFactor, inputs, range, reader, owner);
        List<List<Integer>> groups = SegmentGroups.group(snapshot, cleanedUpTo);
        long firstBase = snapshot.segments().get(0).baseOffset();
        TransactionTracker tracker = new TransactionTracker(inputs.abortedTxns(), firstBase);
        SegmentRewriter rewriter = new SegmentRewriter(map, inputs, tracker, owner, nowMs);
        return new CleaningPlan(inputs, range, nowMs, cleanedUpTo, groups, rewriter);
    }

    /** Step 4a: writes the cleaned segment of {@code group} ({@code .cleaned} files), flushed to the page cache. */
    LogSegment rewrite(CleaningPlan plan, List<LogSegment> group, OwnerCalls owner) {
        LogSegment first = group.get(0);
        Path dir = first.dir();
        LogConfig config = plan.inputs().snapshot().config();
        deleteCleanedFiles(dir, first.baseOffset());
        LogSegment cleaned = LogSegment.open(dir, first.baseOffset(), config, plan.nowMs(), LogFiles.CLEANED_SUFFIX);
        SegmentRewriter rewriter = plan.rewriter();
        TransactionTracker tracker = rewriter.tracker();
        try {
            CleanedBatchWriter writer = new CleanedBatchWriter(cleaned, ioBufferBytes);
            tracker.cleanedIndex(cleaned.txnIndex());
            long before = reader.bytesRead();
            for (LogSegment old : group) {
                owner.checkNotAborted("rewrite segment=" + old.baseOffset());
                rewriter.rewrite(old, reader, writer);
            }
            writer.flush();
            plan.addBytes(reader.bytesRead() - before, writer.bytesWritten());
            copyModificationTime(group.get(group.size() - 1), cleaned);
            return cleaned;
        } catch (RuntimeException | Error e) {
            cleaned.deleteIfExists();
            throw e;
        } finally {
            tracker.cleanedIndex(null);
        }
    }

    /**
     * Step 4b: swaps {@code cleaned} in for {@code group} on the owner thread.
     *
     * @return false if the group is no longer made of the log's non-active segments (nothing was
     *     swapped and the cleaned files were deleted)
     */
    boolean swap(CleaningPlan plan, PartitionLog log, LogSegment cleaned, List<LogSegment> group, OwnerCalls owner) {
        boolean swapped;
        try {
            swapped = owner.call("replaceSegments", () -> {
                List<LogSegment> current = log.segments();
                LogSegment active = current.get(current.size() - 1);
                for (LogSegment old : group) {
                    if (old == active || !current.contains(old)) {
                        return false;
                    }
                }
                log.replaceSegments(List.of(cleaned), group);
                return true;
            });
        } catch (RuntimeException | Error e) {
            if (cleaned.log().file().getFileName().toString().endsWith(LogFiles.CLEANED_SUFFIX)) {
                cleaned.deleteIfExists();
            }
            throw e;
        }
        if (!swapped) {
            cleaned.deleteIfExists();
            return false;
        }
        plan.swapped(group.size());
        return true;
    }

    /** Removes files left by an earlier, interrupted cleaning of the same group. */
    private static void deleteCleanedFiles(Path dir, long baseOffset) {
        for (Path file : List.of(LogFiles.logFile(dir, baseOffset), LogFiles.offsetIndexFile(dir, baseOffset),
                LogFiles.timeIndexFile(dir, baseOffset), LogFiles.txnIndexFile(dir, baseOffset))) {
            Path cleaned = LogFiles.withSuffix(file, LogFiles.CLEANED_SUFFIX);
            try {
                Files.deleteIfExists(cleaned);
            } catch (IOException e) {
                throw new LogStorageException("file=" + cleaned + " operation=deleteStaleCleanedFile", e);
            }
        }
    }

    /** Gives the cleaned log file the old last segment's modification time (retention of timestamp-less data). */
    private static void copyModificationTime(LogSegment from, LogSegment to) {
        Path source = from.log().file();
        Path target = to.log().file();
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(source);
        } catch (NoSuchFileException e) {
            return; // the owner renamed or deleted the old segment meanwhile: the swap will notice
        } catch (IOException e) {
            throw new LogStorageException("file=" + source + " operation=lastModifiedTime", e);
        }
        try {
            Files.setLastModifiedTime(target, modified);
        } catch (IOException e) {
            throw new LogStorageException("file=" + target + " source=" + source
                    + " operation=copyLastModifiedTime", e);
        }
    }

    /** The offset map (for tests and metrics). */
    OffsetMap offsetMap() {
        return map;
    }
}
