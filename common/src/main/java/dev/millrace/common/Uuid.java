package dev.millrace.common;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * A 128-bit identifier as Kafka uses it for topic ids and cluster ids (mirrors Kafka's {@code Uuid}).
 *
 * <p>The string form is the 16 big-endian bytes in URL-safe base64 without padding (22 characters),
 * identical to Kafka's, so ids printed by either system can be pasted into the other. The all-zero
 * value {@link #ZERO_UUID} means "no id" on the wire; {@link #METADATA_TOPIC_ID} (…0001) is reserved.
 */
public final class Uuid implements Comparable<Uuid> {
    /** The "no id" value. */
    public static final Uuid ZERO_UUID = new Uuid(0L, 0L);
    /** Reserved id of the metadata topic. */
    public static final Uuid METADATA_TOPIC_ID = new Uuid(0L, 1L);
    /** Reserved id that {@link #randomUuid()} never returns. */
    public static final Uuid ONE_UUID = METADATA_TOPIC_ID;

    private final long mostSignificantBits;
    private final long leastSignificantBits;

    public Uuid(long mostSignificantBits, long leastSignificantBits) {
        this.mostSignificantBits = mostSignificantBits;
        this.leastSignificantBits = leastSignificantBits;
    }

    /**
     * Returns a random id that is neither reserved nor starts with '-' in its string form (Kafka
     * avoids those because command-line tools would read them as flags).
     */
    public static Uuid randomUuid() {
        while (true) {
            UUID jdk = UUID.randomUUID();
            Uuid candidate = new Uuid(jdk.getMostSignificantBits(), jdk.getLeastSignificantBits());
            if (!candidate.equals(ZERO_UUID) && !candidate.equals(METADATA_TOPIC_ID)
                    && !candidate.toString().startsWith("-")) {
                return candidate;
            }
        }
    }

    public long getMostSignificantBits() {
        return mostSignificantBits;
    }

    public long getLeastSignificantBits() {
        return leastSignificantBits;
    }

    /** Parses the 22-character URL-safe base64 form. */
    public static Uuid fromString(String text) {
        if (text.length() > 24) {
            throw new IllegalArgumentException("uuid=" + text + " reason=longerThan24Characters");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uuid=" + text + " reason=notUrlSafeBase64", e);
        }
        if (bytes.length != 16) {
            throw new IllegalArgumentException("uuid=" + text + " reason=decodesTo" + bytes.length + "BytesNot16");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new Uuid(buffer.getLong(), buffer.getLong());
    }

    @Override
    public String toString() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(mostSignificantBits).putLong(leastSignificantBits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Uuid that
                && mostSignificantBits == that.mostSignificantBits
                && leastSignificantBits == that.leastSignificantBits;
    }

    @Override
    public int hashCode() {
        long xor = mostSignificantBits ^ leastSignificantBits;
        return (int) (xor >> 32) ^ (int) xor;
    }

    @Override
    public int compareTo(Uuid other) {
        int high = Long.compare(mostSignificantBits, other.mostSignificantBits);
        return high != 0 ? high : Long.compare(leastSignificantBits, other.leastSignificantBits);
    }
}
