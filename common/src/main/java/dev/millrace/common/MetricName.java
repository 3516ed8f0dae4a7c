package dev.millrace.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The identity of a metric: name, group and tags (the description is informative and not part of equality), as
 * Kafka's metric names are.
 */
public final class MetricName {

    private final String name;
    private final String group;
    private final String description;
    private final Map<String, String> tags;

    /**
     * Creates a metric name.
     *
     * @param name the name, not null
     * @param group the group, not null
     * @param description the description, not null
     * @param tags the tags, not null (copied)
     */
    public MetricName(String name, String group, String description, Map<String, String> tags) {
        this.name = Objects.requireNonNull(name, "name");
        this.group = Objects.requireNonNull(group, "group");
        this.description = Objects.requireNonNull(description, "description");
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tags, "tags")));
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the group */
    public String group() {
        return group;
    }

    /** @return the description */
    public String description() {
        return description;
    }

    /** @return the tags, unmodifiable */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricName other)) {
            return false;
        }
        return name.equals(other.name) && group.equals(other.group) && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, tags);
    }

    @Override
    public String toString() {
        return "MetricName [name=" + name + ", group=" + group + ", description=" + description + ", tags=" + tags
                + "]";
    }
}
