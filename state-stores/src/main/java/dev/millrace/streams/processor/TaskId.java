package dev.millrace.streams.processor;

import dev.millrace.streams.errors.TaskIdFormatException;

import java.util.Objects;

/**
 * Identifies a task: the subtopology it runs and the input partition it owns, optionally within a named topology.
 * Immutable. The text form is {@code <subtopology>_<partition>}, prefixed by {@code <topologyName>__} for a named
 * topology; ids order by topology name, then subtopology, then partition.
 */
public class TaskId implements Comparable<TaskId> {

    /** Separates the topology name from the rest in the text form. */
    public static final String NAMED_TOPOLOGY_DELIMITER = "__";

    private final int subtopology;
    private final int partition;
    private final String topologyName;

    /**
     * Creates the id of a task of the unnamed topology.
     *
     * @param subtopology the subtopology number
     * @param partition the partition number
     */
    public TaskId(int subtopology, int partition) {
        this(subtopology, partition, null);
    }

    /**
     * Creates the id of a task, optionally of a named topology.
     *
     * @param subtopology the subtopology number
     * @param partition the partition number
     * @param topologyName the topology name; null or empty for the unnamed topology
     */
    public TaskId(int subtopology, int partition, String topologyName) {
        this.subtopology = subtopology;
        this.partition = partition;
        this.topologyName = topologyName == null || topologyName.isEmpty() ? null : topologyName;
    }

    /**
     * Returns the subtopology number.
     *
     * @return the subtopology
     */
    public int subtopology() {
        return subtopology;
    }

    /**
     * Returns the partition number.
     *
     * @return the partition
     */
    public int partition() {
        return partition;
    }

    /**
     * Returns the topology name.
     *
     * @return the name, or null for the unnamed topology
     */
    public String topologyName() {
        return topologyName;
    }

    @Override
    public String toString() {
        String base = subtopology + "_" + partition;
        return topologyName == null ? base : topologyName + NAMED_TOPOLOGY_DELIMITER + base;
    }

    /**
     * Parses the text form produced by {@link #toString()}.
     *
     * @param text the text
     * @return the id
     * @throws TaskIdFormatException if the text is not a task id
     */
    public static TaskId parse(String text) {
        try {
            int delimiter = text.indexOf(NAMED_TOPOLOGY_DELIMITER);
            String name = delimiter < 0 ? null : text.substring(0, delimiter);
            String rest = delimiter < 0 ? text : text.substring(delimiter + NAMED_TOPOLOGY_DELIMITER.length());
            int underscore = rest.indexOf('_');
            if (underscore < 0) {
                throw new TaskIdFormatException("reason=missingUnderscore text=" + text);
            }
            int subtopology = Integer.parseInt(rest.substring(0, underscore));
            int partition = Integer.parseInt(rest.substring(underscore + 1));
            return new TaskId(subtopology, partition, name);
        } catch (NumberFormatException e) {
            throw new TaskIdFormatException("reason=notANumber text=" + text);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        TaskId that = (TaskId) other;
        return subtopology == that.subtopology && partition == that.partition
                && Objects.equals(topologyName, that.topologyName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtopology, partition, topologyName);
    }

    /**
     * Orders by topology name, then subtopology, then partition.
     *
     * @param other another id
     * @return negative, zero or positive
     * @throws IllegalStateException if exactly one of the two ids has a topology name
     */
    @Override
    public int compareTo(TaskId other) {
        if ((topologyName == null) != (other.topologyName == null)) {
            throw new IllegalStateException("reason=namedAndUnnamedTaskIds this=" + this + " other=" + other);
        }
        if (topologyName != null) {
            int byName = topologyName.compareTo(other.topologyName);
            if (byName != 0) {
                return byName;
            }
        }
        int bySubtopology = Integer.compare(subtopology, other.subtopology);
        return bySubtopology != 0 ? bySubtopology : Integer.compare(partition, other.partition);
    }
}
