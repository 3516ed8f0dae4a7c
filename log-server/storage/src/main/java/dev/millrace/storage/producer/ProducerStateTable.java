package dev.millrace.storage.producer;

import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.common.time.Time;
import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The producer state of one partition: what makes idempotent and transactional producers work
 * (KIP-98; KIP-360 for producers whose state is gone).
 *
 * <h2>Use</h2>
 * For each batch the log calls {@link #validate(BatchInfo)} before appending it, appends only an
 * {@link ValidationResult.Accepted} batch, then calls {@link #update(BatchInfo)} with the assigned
 * offsets. When recovering or following, the log replays batches from the log with {@code update}
 * alone: update never re-checks the rules. At segment roll it calls {@link #takeSnapshot(Path, long)};
 * on open and after truncation it calls {@link #truncateAndReload(Path, long, long)} and replays the
 * log from the offset it returns.
 *
 * <h2>Rules applied by validate</h2>
 * <ol>
 *   <li>A batch without producer id ({@code producerId < 0}) is always accepted.</li>
 *   <li>A producer without state (never seen, or expired) is accepted at any sequence (KIP-360).</li>
 *   <li>An epoch lower than the producer's current one is INVALID_PRODUCER_EPOCH (fencing), for data
 *       batches and markers alike. Markers skip every sequence check.</li>
 *   <li>In the current epoch, a batch whose first and last sequence equal those of one of the last
 *       {@value #BATCHES_RETAINED_PER_PRODUCER} retained batches is a {@link ValidationResult.Duplicate}.
 *       Otherwise its base sequence must follow the last sequence (wrapping from
 *       {@link Integer#MAX_VALUE} to 0), or be 0 when the epoch has no sequence yet (a producer known
 *       only from markers); anything else is OUT_OF_ORDER_SEQUENCE_NUMBER.</li>
 *   <li>A higher epoch must start at sequence 0, otherwise OUT_OF_ORDER_SEQUENCE_NUMBER.</li>
 * </ol>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Per producer at most {@value #BATCHES_RETAINED_PER_PRODUCER} batches are retained, all of the
 *       current epoch; an epoch change (data batch or marker) drops them.</li>
 *   <li>A producer has at most one open transaction: it opens at the first transactional data batch
 *       and closes at the next marker. {@link #firstUnstableOffset()} is the smallest first offset of
 *       the open transactions.</li>
 *   <li>{@link #mapEndOffset()} is the offset after the last batch applied; batches are applied in
 *       increasing offset order, which {@code update} enforces.</li>
 *   <li>A producer without an open transaction whose last timestamp is at least
 *       {@code producer.id.expiration.ms} old is removed by {@link #removeExpiredProducers(long)}
 *       and not loaded from a snapshot. A producer with an open transaction never expires.</li>
 * </ul>
 *
 * <h2>Last stable offset</h2>
 * Only open transactions count as unstable here. Kafka also keeps a committed or aborted transaction
 * unstable until the high watermark passes its marker; the log must account for that itself (for
 * example by bounding the last stable offset by the high watermark and the markers above it).
 *
 * <h2>Threading and failures</h2>
 * Not thread-safe: owned by the partition's thread. Returned entries and results are immutable
 * copies. Bad arguments raise {@link IllegalArgumentException} or {@link IllegalStateException} and
 * leave the table unchanged; snapshot I/O raises {@link LogStorageException}; a broken snapshot raises
 * {@link CorruptIndexException} and leaves the table empty.
 */
public final class ProducerStateTable {
    /** The topic/broker configuration that bounds how long an idle producer's state is kept. */
    public static final String PRODUCER_ID_EXPIRATION_MS_CONFIG = "producer.id.expiration.ms";
    /** The default of {@value #PRODUCER_ID_EXPIRATION_MS_CONFIG}: one day. */
    public static final long DEFAULT_PRODUCER_ID_EXPIRATION_MS = 86_400_000L;
    /** How many batches per producer are kept for duplicate detection (why max.in.flight is at most 5). */
    public static final int BATCHES_RETAINED_PER_PRODUCER = 5;

    private final long producerIdExpirationMs;
    private final Time time;
    private final Map<Long, MutableProducerEntry> producers = new HashMap<>();
    /** Open transactions: first offset to producer id, so the first key is the first unstable offset. */
    private final TreeMap<Long, Long> ongoingTxns = new TreeMap<>();
    private long mapEndOffset;

    /**
     * Creates an empty table.
     *
     * @param producerIdExpirationMs the value of {@value #PRODUCER_ID_EXPIRATION_MS_CONFIG} ({@code > 0})
     * @param time the clock used to drop expired producers when a snapshot is loaded
     */
    public ProducerStateTable(long producerIdExpirationMs, Time time) {
        if (producerIdExpirationMs <= 0) {
            throw new IllegalArgumentException("producerIdExpirationMs=" + producerIdExpirationMs
                + " reason=mustBePositive");
        }
        this.producerIdExpirationMs = producerIdExpirationMs;
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Creates an empty table with the default expiration ({@value #DEFAULT_PRODUCER_ID_EXPIRATION_MS} ms). */
    public ProducerStateTable(Time time) {
        this(DEFAULT_PRODUCER_ID_EXPIRATION_MS, time);
    }

    /**
     * Checks {@code batch} against the producer's state before it is appended (rules in the class
     * header). Changes nothing.
     */
    public ValidationResult validate(BatchInfo batch) {
        if (!batch.hasProducerId()) {
            return ValidationResult.ACCEPTED;
        }
        MutableProducerEntry entry = producers.get(batch.producerId());
        if (entry == null) {
            return ValidationResult.ACCEPTED;
        }
        if (batch.producerEpoch() < entry.epoch) {
            return new ValidationResult.Rejected(ErrorCode.INVALID_PRODUCER_EPOCH,
                "producerId=" + batch.producerId() + " producerEpoch=" + batch.producerEpoch()
                    + " currentEpoch=" + entry.epoch + " control=" + batch.control() + " reason=epochFenced");
        }
        if (batch.control()) {
            return ValidationResult.ACCEPTED;
        }
        return validateSequence(batch, entry);
    }

    private static ValidationResult validateSequence(BatchInfo batch, MutableProducerEntry entry) {
        int base = batch.baseSequence();
        if (batch.producerEpoch() != entry.epoch) {
            if (base == 0 || entry.epoch < 0) {
                return ValidationResult.ACCEPTED;
            }
            return outOfOrder(batch, entry, 0, "newEpochMustStartAtSequenceZero");
        }
        BatchMetadata original = entry.findBatch(base, batch.lastSequence());
        if (original != null) {
            return new ValidationResult.Duplicate(original);
        }
        if (!entry.hasSequence()) {
            return base == 0 ? ValidationResult.ACCEPTED : outOfOrder(batch, entry, 0, "epochHasNoSequenceYet");
        }
        int last = entry.lastSequence();
        if (Sequences.follows(last, base)) {
            return ValidationResult.ACCEPTED;
        }
        int expected = last == Integer.MAX_VALUE ? 0 : last + 1;
        return outOfOrder(batch, entry, expected, "sequenceGapOrOlderThanRetainedBatches");
    }

    private static ValidationResult outOfOrder(BatchInfo batch, MutableProducerEntry entry, int expected,
                                               String reason) {
        return new ValidationResult.Rejected(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
            "producerId=" + batch.producerId() + " producerEpoch=" + batch.producerEpoch()
                + " currentEpoch=" + entry.epoch + " baseSequence=" + batch.baseSequence()
                + " lastSequence=" + batch.lastSequence() + " currentLastSequence=" + entry.lastSequence()
                + " expectedSequence=" + expected + " reason=" + reason);
    }

    /**
     * Records {@code batch} after it was appended (or while replaying the log): retains its metadata,
     * moves the producer to the batch's epoch, opens a transaction at the first transactional batch,
     * and closes the open transaction at a marker. Does not check the validation rules.
     *
     * @return the completed transaction for a COMMIT or ABORT marker, otherwise empty
     * @throws IllegalArgumentException if {@code batch} starts below {@link #mapEndOffset()}
     */
    public Optional<CompletedTxn> update(BatchInfo batch) {
        if (batch.firstOffset() < mapEndOffset) {
            throw new IllegalArgumentException("producerId=" + batch.producerId() + " firstOffset="
                + batch.firstOffset() + " mapEndOffset=" + mapEndOffset + " reason=batchesMustBeAppliedInOffsetOrder");
        }
        mapEndOffset = batch.lastOffset() + 1;
        if (!batch.hasProducerId()) {
            return Optional.empty();
        }
        MutableProducerEntry entry = producers.computeIfAbsent(batch.producerId(), MutableProducerEntry::new);
        if (batch.control()) {
            return Optional.of(completeTxn(entry, batch));
        }
        entry.updateEpoch(batch.producerEpoch());
        entry.addBatch(new BatchMetadata(batch.lastSequence(), batch.lastOffset(), batch.offsetDelta(),
            batch.maxTimestamp()));
        entry.lastTimestamp = batch.maxTimestamp();
        if (batch.transactional() && entry.currentTxnFirstOffset < 0) {
            entry.currentTxnFirstOffset = batch.firstOffset();
            ongoingTxns.put(batch.firstOffset(), entry.producerId);
        }
        return Optional.empty();
    }

    private CompletedTxn completeTxn(MutableProducerEntry entry, BatchInfo marker) {
        long markerOffset = marker.firstOffset();
        long firstOffset = markerOffset;
        if (entry.currentTxnFirstOffset >= 0) {
            firstOffset = entry.currentTxnFirstOffset;
            ongoingTxns.remove(entry.currentTxnFirstOffset);
            entry.currentTxnFirstOffset = -1;
        }
        entry.updateEpoch(marker.producerEpoch());
        entry.coordinatorEpoch = marker.coordinatorEpoch();
        entry.lastTimestamp = marker.maxTimestamp();
        return new CompletedTxn(entry.producerId, firstOffset, markerOffset, marker.markerType() == MarkerType.ABORT);
    }

    /** The smallest first offset of an open transaction (for the last stable offset), or empty if none is open. */
    public OptionalLong firstUnstableOffset() {
        return ongoingTxns.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ongoingTxns.firstKey());
    }

    /** The first offset of {@code producerId}'s open transaction, or empty if it has none. */
    public OptionalLong ongoingTxnFirstOffset(long producerId) {
        MutableProducerEntry entry = producers.get(producerId);
        if (entry == null || entry.currentTxnFirstOffset < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(entry.currentTxnFirstOffset);
    }

    /** A copy of what the partition knows about {@code producerId}, or empty if it has no state. */
    public Optional<ProducerStateEntry> lastEntry(long producerId) {
        MutableProducerEntry entry = producers.get(producerId);
        return entry == null ? Optional.empty() : Optional.of(entry.toEntry());
    }

    /** Copies of every producer's state, sorted by producer id (the DescribeProducers answer). */
    public List<ProducerStateEntry> activeProducers() {
        List<ProducerStateEntry> entries = new ArrayList<>(producers.size());
        for (MutableProducerEntry entry : producers.values()) {
            entries.add(entry.toEntry());
        }
        entries.sort(Comparator.comparingLong(ProducerStateEntry::producerId));
        return entries;
    }

    /** The number of producers with state. */
    public int producerCount() {
        return producers.size();
    }

    /** The offset after the last batch applied (or the offset of the loaded snapshot). */
    public long mapEndOffset() {
        return mapEndOffset;
    }

    /**
     * Removes every producer without an open transaction whose last timestamp is at least
     * {@code producer.id.expiration.ms} before {@code nowMs}. Their next batch is accepted at any
     * sequence.
     *
     * @return how many producers were removed
     */
    public int removeExpiredProducers(long nowMs) {
        return removeExpiredProducers(nowMs, producerIdExpirationMs);
    }

    /**
     * {@link #removeExpiredProducers(long)} with the expiration the broker configures
     * ({@code producer.id.expiration.ms} is a broker setting, applied by whoever runs the expiry).
     */
    public int removeExpiredProducers(long nowMs, long expirationMs) {
        int removed = 0;
        for (Iterator<MutableProducerEntry> it = producers.values().iterator(); it.hasNext(); ) {
            MutableProducerEntry entry = it.next();
            if (entry.currentTxnFirstOffset < 0 && nowMs - entry.lastTimestamp >= expirationMs) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    private boolean isExpired(long currentTxnFirstOffset, long lastTimestamp, long nowMs) {
        return currentTxnFirstOffset < 0 && nowMs - lastTimestamp >= producerIdExpirationMs;
    }

    /**
     * Writes the current state as the snapshot for {@code offset} (the log end offset at segment
     * roll) into the partition directory {@code dir}; see {@link ProducerStateSnapshot} for the file.
     *
     * @throws IllegalStateException if the table already holds batches at or after {@code offset}
     * @throws LogStorageException if the file cannot be written
     */
    public void takeSnapshot(Path dir, long offset) {
        if (offset < mapEndOffset) {
            throw new IllegalStateException("snapshotOffset=" + offset + " mapEndOffset=" + mapEndOffset
                + " reason=stateHoldsBatchesAtOrAfterSnapshotOffset");
        }
        ProducerStateSnapshot.write(dir, offset, activeProducers());
        mapEndOffset = offset;
    }

    /**
     * Replaces the state with the latest snapshot in {@code dir} whose offset is {@code <= maxOffset},
     * dropping producers that are already expired by the injected clock. The caller then replays the
     * log from the returned offset.
     *
     * @return the offset the loaded snapshot covers, or -1 if there is none (the table is then empty
     *         and the caller replays from the log start)
     * @throws CorruptIndexException if that snapshot is broken: the table is left empty; the caller
     *         deletes the file ({@link ProducerStateSnapshot#deleteSnapshot}) and rebuilds from the log
     */
    public long loadLatestSnapshot(Path dir, long maxOffset) {
        clear(0);
        OptionalLong latest = ProducerStateSnapshot.latestSnapshot(dir, maxOffset);
        if (latest.isEmpty()) {
            return -1;
        }
        long offset = latest.getAsLong();
        long nowMs = time.milliseconds();
        for (ProducerStateEntry entry : ProducerStateSnapshot.read(dir, offset)) {
            if (!isExpired(entry.currentTxnFirstOffset(), entry.lastTimestamp(), nowMs)) {
                MutableProducerEntry mutable = MutableProducerEntry.of(entry);
                producers.put(entry.producerId(), mutable);
                if (mutable.currentTxnFirstOffset >= 0) {
                    ongoingTxns.put(mutable.currentTxnFirstOffset, mutable.producerId);
                }
            }
        }
        mapEndOffset = offset;
        return offset;
    }

    /**
     * Makes the state consistent with a log that now spans {@code [logStartOffset, logEndOffset)}:
     * deletes leftover snapshot temp files and the snapshots above {@code logEndOffset} or below
     * {@code logStartOffset}; if the table was not built up to exactly {@code logEndOffset}, reloads
     * it from the latest remaining snapshot (or empties it when there is none).
     *
     * @return the offset from which the caller must replay the log with {@link #update(BatchInfo)}
     *         (equal to {@code logEndOffset} when nothing needs replaying)
     * @throws CorruptIndexException if the snapshot to load is broken (see {@link #loadLatestSnapshot})
     * @throws LogStorageException if listing or deleting snapshot files fails
     */
    public long truncateAndReload(Path dir, long logStartOffset, long logEndOffset) {
        if (logStartOffset < 0 || logEndOffset < logStartOffset) {
            throw new IllegalArgumentException("logStartOffset=" + logStartOffset + " logEndOffset=" + logEndOffset
                + " reason=invalidLogRange");
        }
        ProducerStateSnapshot.deleteStrayTempFiles(dir);
        ProducerStateSnapshot.deleteSnapshotsAfter(dir, logEndOffset);
        ProducerStateSnapshot.deleteSnapshotsBefore(dir, logStartOffset);
        if (logEndOffset == mapEndOffset) {
            return logEndOffset;
        }
        long snapshotOffset = loadLatestSnapshot(dir, logEndOffset);
        if (snapshotOffset < 0) {
            clear(logStartOffset);
            return logStartOffset;
        }
        return snapshotOffset;
    }

    private void clear(long newMapEndOffset) {
        producers.clear();
        ongoingTxns.clear();
        mapEndOffset = newMapEndOffset;
    }

    @Override
    public String toString() {
        return "ProducerStateTable(producers=" + producers.size() + " ongoingTxns=" + ongoingTxns.size()
            + " mapEndOffset=" + mapEndOffset + ")";
    }
}
