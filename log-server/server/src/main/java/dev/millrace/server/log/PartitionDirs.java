package dev.millrace.server.log;

import dev.millrace.common.TopicPartition;

/**
 * Names of partition directories: {@code <topic>-<partition>}, as Kafka lays them out. Topic names
 * may contain '-', so the partition is the part after the last '-'. Stateless.
 */
final class PartitionDirs {
    private PartitionDirs() {
    }

    static String name(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /** The partition a directory name stands for, or null if it is not a partition directory. */
    static TopicPartition parse(String dirName) {
        int dash = dirName.lastIndexOf('-');
        if (dash <= 0 || dash == dirName.length() - 1) {
            return null;
        }
        String topic = dirName.substring(0, dash);
        String number = dirName.substring(dash + 1);
        for (int i = 0; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return null;
            }
        }
        if (number.length() > 9) {
            return null;
        }
        return new TopicPartition(topic, Integer.parseInt(number));
    }
}
