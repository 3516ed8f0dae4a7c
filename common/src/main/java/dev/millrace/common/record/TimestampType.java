package dev.millrace.common.record;

import java.util.NoSuchElementException;

/**
 * What a record's timestamp means: the time the producer created it, or the time the partition
 * leader appended it to its log. The wire form is bit 3 of a record batch's attributes (0 for
 * {@link #CREATE_TIME}, 1 for {@link #LOG_APPEND_TIME}); {@link #NO_TIMESTAMP_TYPE} only describes
 * legacy data and never appears in a magic 2 batch.
 *
 * <p>The ids and display names are those of Apache Kafka's enum of the same name. Immutable and
 * thread-safe.
 */
public enum TimestampType {
    /** The data carries no timestamp type (legacy message format 0). */
    NO_TIMESTAMP_TYPE(-1, "NoTimestampType"),
    /** The producer set the timestamp when it created the record. */
    CREATE_TIME(0, "CreateTime"),
    /** The partition leader set the timestamp when it appended the batch. */
    LOG_APPEND_TIME(1, "LogAppendTime");

    /** Numeric id of the type (-1, 0 or 1). */
    public final int id;
    /** Display name, as used in configuration values and tool output. */
    public final String name;

    TimestampType(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * Returns the type whose display name is {@code name}, matching case exactly.
     *
     * @throws NoSuchElementException if no type has that name
     */
    public static TimestampType forName(String name) {
        for (TimestampType type : values()) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        throw new NoSuchElementException("reason=unknownTimestampType name=" + name);
    }

    @Override
    public String toString() {
        return name;
    }
}
