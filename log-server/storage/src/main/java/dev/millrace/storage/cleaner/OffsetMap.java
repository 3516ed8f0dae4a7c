package dev.millrace.storage.cleaner;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A fixed-memory map from record key to the latest offset seen for it, used by the cleaner to
 * deduplicate the dirty part of a log. Keys are not stored: each is replaced by its 16-byte MD5
 * digest, so the map never grows beyond the memory it was given (Kafka's
 * {@code log.cleaner.dedupe.buffer.size}), at the price of a 2<sup>-128</sup>-ish chance that two
 * keys collide, in which case the older of the two records may be removed.
 *
 * <p>Memory layout: one heap buffer of {@code slots = memoryBytes / 24} entries, open addressing:
 * <pre>
 * slot n starts at byte 24 * n
 *  byte 0               8               16              24
 *       +---------------+---------------+---------------+
 *       | hash[0..8)    | hash[8..16)   | offset + 1    |
 *       | INT64         | INT64         | INT64         |
 *       +---------------+---------------+---------------+
 *  offset + 1 = 0 marks an empty slot (offsets are never negative), so clear() is a zero fill.
 * </pre>
 * Probing: the first {@value #HASHED_PROBES} attempts visit slots {@code (h0 + i * (h1 | 1)) mod slots}
 * (double hashing with both halves of the digest), then probing goes on linearly from the last one,
 * which reaches every slot, so a put fails only when the map is completely full.
 *
 * <p>The map also carries {@link #latestOffset()}: the offset up to which the log was scanned into
 * the map, which the cleaner uses as the end of the range it cleans.
 *
 * <p>Threading: not thread-safe; each cleaner thread owns one map and reuses it for every log.
 */
public final class OffsetMap {
    /** Bytes of the key digest (MD5). */
    public static final int HASH_BYTES = 16;
    /** Bytes of one slot: digest plus offset. */
    public static final int BYTES_PER_ENTRY = HASH_BYTES + 8;
    /** Attempts made by double hashing before linear probing takes over. */
    static final int HASHED_PROBES = 8;

    private final ByteBuffer table;
    private final int slots;
    private final MessageDigest digest;
    private final byte[] hash = new byte[HASH_BYTES];
    private final ByteBuffer hashView = ByteBuffer.wrap(hash);
    private int size;
    private long latestOffset = -1;
    private long lookups;
    private long probes;

    /**
     * Creates a map over {@code memoryBytes} of heap.
     *
     * @throws IllegalArgumentException if {@code memoryBytes} cannot hold a single entry
     */
    public OffsetMap(int memoryBytes) {
        if (memoryBytes < BYTES_PER_ENTRY) {
            throw new IllegalArgumentException("memoryBytes=" + memoryBytes + " bytesPerEntry=" + BYTES_PER_ENTRY
                    + " reason=tooSmallForOneEntry");
        }
        this.slots = memoryBytes / BYTES_PER_ENTRY;
        this.table = ByteBuffer.allocate(slots * BYTES_PER_ENTRY);
        try {
            this.digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("algorithm=MD5 reason=digestUnavailable", e);
        }
    }

    /** Number of entries the memory holds. */
    public int slots() {
        return slots;
    }

    /** Number of distinct key digests stored. */
    public int size() {
        return size;
    }

    /** {@code size / slots}. */
    public double utilization() {
        return (double) size / slots;
    }

    /** Average slots visited per put or get since the last {@link #clear()} (1.0 means no collisions). */
    public double averageProbes() {
        return lookups == 0 ? 0 : (double) probes / lookups;
    }

    /** The offset up to which the log has been scanned into this map, or -1 after {@link #clear()}. */
    public long latestOffset() {
        return latestOffset;
    }

    /** Raises {@link #latestOffset()} to {@code offset} (it never moves back until {@link #clear()}). */
    public void updateLatestOffset(long offset) {
        latestOffset = Math.max(latestOffset, offset);
    }

    /**
     * Records {@code offset} as the latest offset of {@code key} (bytes position..limit, not consumed),
     * replacing any earlier offset, and raises {@link #latestOffset()} to it.
     *
     * @throws IllegalArgumentException if {@code offset} is negative
     * @throws IllegalStateException if the key is new and every slot is taken
     */
    public void put(ByteBuffer key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset=" + offset + " reason=negativeOffset");
        }
        int position = find(key);
        if (position < 0) {
            throw new IllegalStateException("slots=" + slots + " size=" + size + " reason=offsetMapFull");
        }
        if (table.getLong(position + HASH_BYTES) == 0) {
            table.putLong(position, hashView.getLong(0));
            table.putLong(position + 8, hashView.getLong(8));
            size++;
        }
        table.putLong(position + HASH_BYTES, offset + 1);
        updateLatestOffset(offset);
    }

    /** The latest offset recorded for {@code key} (bytes position..limit, not consumed), or -1 if none. */
    public long get(ByteBuffer key) {
        int position = find(key);
        return position < 0 ? -1 : table.getLong(position + HASH_BYTES) - 1;
    }

    /** Removes every entry and resets {@link #latestOffset()} to -1. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(table.array(), (byte) 0);
        }
        size = 0;
        latestOffset = -1;
        lookups = 0;
        probes = 0;
    }

    /**
     * Hashes {@code key} into {@link #hash} and returns the byte position of its slot, or of the
     * empty slot where it would go; -1 if the key is absent and no slot is empty.
     */
    private int find(ByteBuffer key) {
        digest.update(key.duplicate());
        try {
            digest.digest(hash, 0, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("algorithm=MD5 reason=digestFailed", e);
        }
        long h0 = hashView.getLong(0);
        long h1 = hashView.getLong(8);
        long step = h1 | 1;
        lookups++;
        int slot = 0;
        for (long attempt = 0; attempt < (long) slots + HASHED_PROBES; attempt++) {
            slot = attempt < HASHED_PROBES ? (int) Long.remainderUnsigned(h0 + attempt * step, slots)
                    : (slot + 1 == slots ? 0 : slot + 1);
            probes++;
            int position = slot * BYTES_PER_ENTRY;
            if (table.getLong(position + HASH_BYTES) == 0
                    || table.getLong(position) == h0 && table.getLong(position + 8) == h1) {
                return position;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "OffsetMap(slots=" + slots + ", size=" + size + ", latestOffset=" + latestOffset + ")";
    }
}
