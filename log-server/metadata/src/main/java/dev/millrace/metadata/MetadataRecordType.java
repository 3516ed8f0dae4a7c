package dev.millrace.metadata;

import dev.millrace.metadata.records.ClusterIdRecord;
import dev.millrace.metadata.records.ConfigRecord;
import dev.millrace.metadata.records.PartitionChangeRecord;
import dev.millrace.metadata.records.PartitionRecord;
import dev.millrace.metadata.records.ProducerIdsRecord;
import dev.millrace.metadata.records.RemoveTopicRecord;
import dev.millrace.metadata.records.TopicRecord;
import dev.millrace.protocol.types.Message;
import dev.millrace.protocol.types.Readable;
import java.util.function.BiFunction;

/**
 * The metadata record types this module knows: the type id written in each record's frame, the
 * version written, the highest version read, and the class that holds it. Type ids 2, 3, 4, 5, 9
 * and 15 are Kafka's KRaft ids for the same records; 10000 is Millrace's own cluster-id record, a
 * type Kafka does not use.
 *
 * <p>Every record is written at version 0, which Kafka's own readers accept; higher versions (the
 * KIP-858 directories and KIP-966 eligible leader replicas) are readable so that a log written by
 * a later version stays readable.
 */
public enum MetadataRecordType {
    TOPIC((short) 2, TopicRecord.class, TopicRecord.HIGHEST_SUPPORTED_VERSION, TopicRecord::new),
    PARTITION((short) 3, PartitionRecord.class, PartitionRecord.HIGHEST_SUPPORTED_VERSION, PartitionRecord::new),
    CONFIG((short) 4, ConfigRecord.class, ConfigRecord.HIGHEST_SUPPORTED_VERSION, ConfigRecord::new),
    PARTITION_CHANGE((short) 5, PartitionChangeRecord.class, PartitionChangeRecord.HIGHEST_SUPPORTED_VERSION,
            PartitionChangeRecord::new),
    REMOVE_TOPIC((short) 9, RemoveTopicRecord.class, RemoveTopicRecord.HIGHEST_SUPPORTED_VERSION,
            RemoveTopicRecord::new),
    PRODUCER_IDS((short) 15, ProducerIdsRecord.class, ProducerIdsRecord.HIGHEST_SUPPORTED_VERSION,
            ProducerIdsRecord::new),
    CLUSTER_ID((short) 10000, ClusterIdRecord.class, ClusterIdRecord.HIGHEST_SUPPORTED_VERSION, ClusterIdRecord::new);

    private final short id;
    private final Class<? extends Message> recordClass;
    private final short highestVersion;
    private final BiFunction<Readable, Short, Message> reader;

    MetadataRecordType(short id, Class<? extends Message> recordClass, short highestVersion,
                       BiFunction<Readable, Short, Message> reader) {
        this.id = id;
        this.recordClass = recordClass;
        this.highestVersion = highestVersion;
        this.reader = reader;
    }

    /** The type id written in the record frame. */
    public short id() {
        return id;
    }

    /** The version this module writes. */
    public short writeVersion() {
        return 0;
    }

    /** The highest version this module reads. */
    public short highestVersion() {
        return highestVersion;
    }

    /** The generated class holding records of this type. */
    public Class<? extends Message> recordClass() {
        return recordClass;
    }

    /** Reads a record body of this type encoded at {@code version}. */
    Message read(Readable in, short version) {
        return reader.apply(in, version);
    }

    /**
     * The type with frame id {@code id}.
     *
     * @throws MetadataRecordException for an id this module does not know
     */
    public static MetadataRecordType forId(int id) {
        for (MetadataRecordType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new MetadataRecordException("recordType=" + id + " reason=unknownMetadataRecordType");
    }

    /**
     * The type of {@code record}.
     *
     * @throws MetadataRecordException if {@code record} is not a metadata record
     */
    public static MetadataRecordType of(Message record) {
        for (MetadataRecordType type : values()) {
            if (type.recordClass == record.getClass()) {
                return type;
            }
        }
        throw new MetadataRecordException("class=" + record.getClass().getName() + " reason=notAMetadataRecord");
    }
}
