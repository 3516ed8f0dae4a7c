package dev.millrace.streams.processor.internals;

import java.util.Optional;

/**
 * What the topology knows about an internal (repartition) topic before the runtime creates it.
 *
 * @param numberOfPartitions the partition count fixed by {@code Repartitioned.withNumberOfPartitions}, or empty to
 *                           follow the upstream topics
 */
public record InternalTopicProperties(Optional<Integer> numberOfPartitions) {
}
