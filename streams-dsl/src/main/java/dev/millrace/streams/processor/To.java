package dev.millrace.streams.processor;

import java.util.Objects;

/**
 * Where and with which timestamp the old-style {@link ProcessorContext#forward(Object, Object, To)} sends a record:
 * to one named child or to all children, keeping the input timestamp unless {@link #withTimestamp} sets another.
 * Instances are mutable ({@link #withTimestamp} changes this one) and refuse to be hashed, as in Kafka.
 */
public class To {

    /** The child to forward to, or null for all children. */
    protected String childName;
    /** The timestamp to forward with, or -1 to keep the input record's. */
    protected long timestamp;

    private To(String childName, long timestamp) {
        this.childName = childName;
        this.timestamp = timestamp;
    }

    /**
     * Copies another instance.
     *
     * @param to the instance to copy
     */
    protected To(To to) {
        this(to.childName, to.timestamp);
    }

    /**
     * Overwrites this instance with another's fields.
     *
     * @param to the instance to copy
     */
    protected void update(To to) {
        childName = to.childName;
        timestamp = to.timestamp;
    }

    /**
     * Forwards to one child.
     *
     * @param childName the name of the child processor
     * @return a new instance
     */
    public static To child(String childName) {
        return new To(childName, -1);
    }

    /**
     * Forwards to every child.
     *
     * @return a new instance
     */
    public static To all() {
        return new To(null, -1);
    }

    /**
     * Sets the timestamp of the forwarded record.
     *
     * @param timestamp the timestamp
     * @return this instance
     */
    public To withTimestamp(long timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        To other = (To) o;
        return timestamp == other.timestamp && Objects.equals(childName, other.childName);
    }

    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("To is unsafe for use in Hash collections");
    }

    @Override
    public String toString() {
        return "To{childName='" + childName + "', timestamp=" + timestamp + '}';
    }
}
