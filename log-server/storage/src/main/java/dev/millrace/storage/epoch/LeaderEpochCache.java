package dev.millrace.storage.epoch;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;
import dev.millrace.storage.checkpoint.CheckpointFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The leader epoch cache of one partition: for every leader epoch that wrote to the log, the
 * offset of its first batch. It answers "which epoch wrote offset X" and Kafka's
 * {@code OffsetForLeaderEpoch} question "where does epoch E end", and it is truncated together with
 * the log. Semantics follow Kafka's {@code LeaderEpochFileCache}.
 *
 * <p>File {@value #CHECKPOINT_FILE_NAME} in the partition directory (layout of
 * {@link CheckpointFile}; entries in ascending epoch order):
 * <pre>
 * line 1           "0"                          version
 * line 2           entryCount                   decimal int
 * line 3 .. N+2    epoch SP startOffset          e.g. "4 1200": epoch int &gt;= 0, startOffset long &gt;= 0
 *
 * example: epochs 0, 3 and 4 starting at offsets 0, 100 and 250
 *   "0\n" "3\n" "0 0\n" "3 100\n" "4 250\n"
 * </pre>
 *
 * <p>Invariants: entries are strictly increasing in epoch <em>and</em> in start offset. The
 * checkpoint is rewritten (atomically, fsynced) after every change, before the change becomes
 * visible, so the in-memory entries always equal the last checkpoint that was written
 * successfully; if the write fails the cache is unchanged and the {@link LogStorageException}
 * propagates. On open, a checkpoint whose entries break the invariant is reported as corrupt
 * (Kafka silently re-applies them instead); the owner may delete the file and rebuild the cache
 * from the epochs recorded in the log's batches.
 *
 * <p>Rules, as in Kafka:
 * <ul>
 *   <li>{@link #assign}: ignored when the epoch equals the latest epoch and the offset is not
 *       smaller than its start offset (an epoch, once assigned, keeps its start offset). Otherwise,
 *       entries at the end with an epoch {@code >=} the new one or a start offset {@code >=} the
 *       new one are removed (they conflict with it) and the new entry is appended. A smaller
 *       epoch than the latest is therefore not ignored: it truncates the later epochs.</li>
 *   <li>{@link #truncateFromEnd}: removes entries starting at or after the given end offset.</li>
 *   <li>{@link #truncateFromStart}: removes entries starting at or before the given start offset,
 *       except that the last of them stays, moved to the new start offset.</li>
 * </ul>
 *
 * <p>Threading: not thread-safe; the partition shard owns the cache with the log.
 */
public final class LeaderEpochCache {
    /** Name of the checkpoint file in a partition directory. */
    public static final String CHECKPOINT_FILE_NAME = "leader-epoch-checkpoint";
    /** Checkpoint format version. */
    public static final int CHECKPOINT_VERSION = 0;

    private static final CheckpointFile.EntryFormat<EpochEntry> FORMAT = new Format();

    private final CheckpointFile<EpochEntry> checkpoint;
    /** Epoch to entry; replaced as a whole after each successful checkpoint write. */
    private TreeMap<Integer, EpochEntry> epochs;

    private LeaderEpochCache(CheckpointFile<EpochEntry> checkpoint, TreeMap<Integer, EpochEntry> epochs) {
        this.checkpoint = checkpoint;
        this.epochs = epochs;
    }

    /**
     * Opens the cache of the partition stored in {@code partitionDir}, loading
     * {@value #CHECKPOINT_FILE_NAME} if it exists (an absent file is an empty cache).
     *
     * @throws CorruptIndexException if the checkpoint is malformed or its entries are not strictly
     *     increasing in epoch and start offset
     * @throws LogStorageException if the checkpoint cannot be read
     */
    public static LeaderEpochCache open(Path partitionDir) {
        Objects.requireNonNull(partitionDir, "partitionDir");
        CheckpointFile<EpochEntry> checkpoint =
                new CheckpointFile<>(partitionDir.resolve(CHECKPOINT_FILE_NAME), CHECKPOINT_VERSION, FORMAT);
        List<EpochEntry> entries = checkpoint.read();
        TreeMap<Integer, EpochEntry> epochs = new TreeMap<>();
        EpochEntry previous = null;
        for (int i = 0; i < entries.size(); i++) {
            EpochEntry entry = entries.get(i);
            boolean increasing = previous == null
                    || (entry.epoch() > previous.epoch() && entry.startOffset() > previous.startOffset());
            if (!increasing) {
                throw checkpoint.corruptEntry(i, "previousEpoch=" + previous.epoch() + " previousStartOffset="
                        + previous.startOffset() + " epoch=" + entry.epoch() + " startOffset=" + entry.startOffset()
                        + " reason=entriesNotStrictlyIncreasing");
            }
            epochs.put(entry.epoch(), entry);
            previous = entry;
        }
        return new LeaderEpochCache(checkpoint, epochs);
    }

    /** The checkpoint file (absolute). */
    public Path checkpointFile() {
        return checkpoint.file();
    }

    /**
     * Records that {@code epoch} starts at {@code startOffset}, following Kafka's rules (see the
     * class comment), and persists the result.
     *
     * @return whether the cache changed
     * @throws IllegalArgumentException if the epoch or offset is negative
     * @throws LogStorageException if the checkpoint cannot be written (the cache is then unchanged)
     */
    public boolean assign(int epoch, long startOffset) {
        EpochEntry entry = new EpochEntry(epoch, startOffset);
        Map.Entry<Integer, EpochEntry> latest = epochs.lastEntry();
        if (latest != null && latest.getKey() == epoch && startOffset >= latest.getValue().startOffset()) {
            return false;
        }
        TreeMap<Integer, EpochEntry> next = new TreeMap<>(epochs);
        removeWhile(next.descendingMap().values().iterator(),
                e -> e.epoch() >= epoch || e.startOffset() >= startOffset);
        next.put(epoch, entry);
        replace(next);
        return true;
    }

    /**
     * Removes every entry whose start offset is {@code >= endOffset}: the log was truncated so
     * that {@code endOffset} is its new end. {@link OffsetAndEpoch#UNDEFINED_EPOCH_OFFSET} does
     * nothing (as in Kafka).
     *
     * @return whether the cache changed
     * @throws IllegalArgumentException if {@code endOffset} is below -1
     * @throws LogStorageException if the checkpoint cannot be written (the cache is then unchanged)
     */
    public boolean truncateFromEnd(long endOffset) {
        checkOffsetArgument(endOffset, "endOffset");
        Map.Entry<Integer, EpochEntry> latest = epochs.lastEntry();
        if (endOffset < 0 || latest == null || latest.getValue().startOffset() < endOffset) {
            return false;
        }
        TreeMap<Integer, EpochEntry> next = new TreeMap<>(epochs);
        removeWhile(next.descendingMap().values().iterator(), e -> e.startOffset() >= endOffset);
        replace(next);
        return true;
    }

    /**
     * Drops the entries made obsolete by a new log start offset: every entry starting at or before
     * {@code startOffset} is removed, except the last of them, which is kept with its start offset
     * moved to {@code startOffset} (the epoch that wrote the new first offset). Exclusive, as in
     * Kafka: {@code truncateFromStart(6)} keeps an entry starting at 6 unchanged.
     * {@link OffsetAndEpoch#UNDEFINED_EPOCH_OFFSET} does nothing.
     *
     * @return whether the cache changed
     * @throws IllegalArgumentException if {@code startOffset} is below -1
     * @throws LogStorageException if the checkpoint cannot be written (the cache is then unchanged)
     */
    public boolean truncateFromStart(long startOffset) {
        checkOffsetArgument(startOffset, "startOffset");
        TreeMap<Integer, EpochEntry> next = new TreeMap<>(epochs);
        List<EpochEntry> removed = removeWhile(next.values().iterator(), e -> e.startOffset() <= startOffset);
        if (removed.isEmpty()) {
            return false;
        }
        EpochEntry lastRemoved = removed.get(removed.size() - 1);
        next.put(lastRemoved.epoch(), new EpochEntry(lastRemoved.epoch(), startOffset));
        if (next.equals(epochs)) {
            return false;
        }
        replace(next);
        return true;
    }

    /** The entries in ascending epoch (and start offset) order; an unmodifiable snapshot. */
    public List<EpochEntry> entries() {
        return List.copyOf(epochs.values());
    }

    /** True when no epoch is recorded. */
    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** The entry with the highest epoch, if any. */
    public Optional<EpochEntry> latestEntry() {
        Map.Entry<Integer, EpochEntry> latest = epochs.lastEntry();
        return latest == null ? Optional.empty() : Optional.of(latest.getValue());
    }

    /** The entry with the lowest epoch, if any. */
    public Optional<EpochEntry> earliestEntry() {
        Map.Entry<Integer, EpochEntry> earliest = epochs.firstEntry();
        return earliest == null ? Optional.empty() : Optional.of(earliest.getValue());
    }

    /** The highest recorded epoch: the epoch of the current leader once it has written. */
    public OptionalInt latestEpoch() {
        Map.Entry<Integer, EpochEntry> latest = epochs.lastEntry();
        return latest == null ? OptionalInt.empty() : OptionalInt.of(latest.getKey());
    }

    /**
     * The epoch that wrote {@code offset}: the epoch of the last entry starting at or before it
     * (offsets past the log end map to the latest epoch). Empty when the offset is before the
     * first entry or the cache is empty.
     */
    public OptionalInt epochForOffset(long offset) {
        OptionalInt found = OptionalInt.empty();
        for (EpochEntry entry : epochs.values()) {
            if (entry.startOffset() > offset) {
                break;
            }
            found = OptionalInt.of(entry.epoch());
        }
        return found;
    }

    /**
     * Kafka's answer to {@code OffsetForLeaderEpoch} for {@code requestedEpoch}, given the log end
     * offset:
     * <ul>
     *   <li>{@link OffsetAndEpoch#UNDEFINED_EPOCH} requested, empty cache, or an epoch above the
     *       latest: {@link OffsetAndEpoch#UNDEFINED}.</li>
     *   <li>the latest epoch: {@code (logEndOffset, latestEpoch)}; the epoch is still open.</li>
     *   <li>an epoch below the earliest recorded one: {@code (earliest.startOffset,
     *       requestedEpoch)}; the older epochs were truncated away, so the follower is told to
     *       start from where the leader's epochs begin (Kafka since 2.x; its method comment still
     *       describes the older undefined answer).</li>
     *   <li>otherwise: the largest recorded epoch {@code <= requestedEpoch}, ending at the start
     *       offset of the first recorded epoch above {@code requestedEpoch}.</li>
     * </ul>
     */
    public OffsetAndEpoch endOffsetFor(int requestedEpoch, long logEndOffset) {
        if (requestedEpoch == OffsetAndEpoch.UNDEFINED_EPOCH) {
            return OffsetAndEpoch.UNDEFINED;
        }
        Map.Entry<Integer, EpochEntry> latest = epochs.lastEntry();
        if (latest != null && latest.getKey() == requestedEpoch) {
            return new OffsetAndEpoch(logEndOffset, requestedEpoch);
        }
        Map.Entry<Integer, EpochEntry> higher = epochs.higherEntry(requestedEpoch);
        if (higher == null) {
            return OffsetAndEpoch.UNDEFINED;
        }
        Map.Entry<Integer, EpochEntry> floor = epochs.floorEntry(requestedEpoch);
        int epoch = floor == null ? requestedEpoch : floor.getKey();
        return new OffsetAndEpoch(higher.getValue().startOffset(), epoch);
    }

    @Override
    public String toString() {
        return "LeaderEpochCache(file=" + checkpoint.file() + " entries=" + epochs.values() + ")";
    }

    private void replace(TreeMap<Integer, EpochEntry> next) {
        checkpoint.write(next.values());
        epochs = next;
    }

    private static void checkOffsetArgument(long offset, String name) {
        if (offset < OffsetAndEpoch.UNDEFINED_EPOCH_OFFSET) {
            throw new IllegalArgumentException(name + "=" + offset + " reason=offsetBelowUndefined");
        }
    }

    /** Removes leading elements of the iteration while they match; returns them in iteration order. */
    private static List<EpochEntry> removeWhile(Iterator<EpochEntry> iterator, Predicate<EpochEntry> condition) {
        List<EpochEntry> removed = new ArrayList<>();
        while (iterator.hasNext()) {
            EpochEntry entry = iterator.next();
            if (!condition.test(entry)) {
                break;
            }
            removed.add(entry);
            iterator.remove();
        }
        return removed;
    }

    /** {@code epoch startOffset}. */
    private static final class Format implements CheckpointFile.EntryFormat<EpochEntry> {
        @Override
        public int fieldCount() {
            return 2;
        }

        @Override
        public List<String> toFields(EpochEntry entry) {
            return List.of(Integer.toString(entry.epoch()), Long.toString(entry.startOffset()));
        }

        @Override
        public EpochEntry fromFields(List<String> fields) {
            return new EpochEntry(CheckpointFile.parseInt(fields.get(0), "epoch"),
                    CheckpointFile.parseLong(fields.get(1), "startOffset"));
        }
    }
}
