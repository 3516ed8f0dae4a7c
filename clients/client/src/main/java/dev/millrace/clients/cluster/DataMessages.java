package dev.millrace.clients.cluster;

import dev.millrace.clients.network.ServerErrors;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.Uuid;
import dev.millrace.protocol.message.FetchRequestData;
import dev.millrace.protocol.message.FetchResponseData;
import dev.millrace.protocol.message.ListOffsetsRequestData;
import dev.millrace.protocol.message.ListOffsetsResponseData;
import dev.millrace.protocol.message.ProduceRequestData;
import dev.millrace.protocol.message.ProduceResponseData;
import dev.millrace.protocol.record.MemoryRecords;
import java.util.List;

/**
 * Builds Produce, Fetch and ListOffsets requests for one partition and reads their responses. From
 * Produce v13 and Fetch v13 on, topics travel by id, so the caller passes the id it learned from
 * Metadata. Partition error codes become exceptions through {@link ServerErrors}. Stateless.
 */
final class DataMessages {
    /** Version from which Produce and Fetch name topics by id. */
    static final short FIRST_TOPIC_ID_VERSION = 13;

    private DataMessages() {
    }

    static ProduceRequestData produceRequest(TopicPartition tp, Uuid topicId, short version, MemoryRecords records,
                                             short acks, int timeoutMs) {
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData()
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData().setIndex(tp.partition())
                        .setRecords(records)));
        if (version >= FIRST_TOPIC_ID_VERSION) {
            topic.setTopicId(topicId);
        } else {
            topic.setName(tp.topic());
        }
        return new ProduceRequestData().setAcks(acks).setTimeoutMs(timeoutMs).setTopicData(List.of(topic));
    }

    static ProduceResult produceResult(ProduceResponseData response, TopicPartition tp) {
        for (ProduceResponseData.TopicProduceResponse topic : response.responses()) {
            for (ProduceResponseData.PartitionProduceResponse partition : topic.partitionResponses()) {
                if (partition.index() == tp.partition()) {
                    ServerErrors.throwIfError(partition.errorCode(), partition.errorMessage(), facts(tp));
                    return new ProduceResult(partition.baseOffset(), partition.logAppendTimeMs(),
                            partition.logStartOffset());
                }
            }
        }
        throw missing("Produce", tp);
    }

    static FetchRequestData fetchRequest(TopicPartition tp, Uuid topicId, short version, long offset, int maxBytes,
                                         int maxWaitMs) {
        FetchRequestData.FetchTopic topic = new FetchRequestData.FetchTopic().setPartitions(List.of(
                new FetchRequestData.FetchPartition().setPartition(tp.partition()).setFetchOffset(offset)
                        .setPartitionMaxBytes(maxBytes)));
        if (version >= FIRST_TOPIC_ID_VERSION) {
            topic.setTopicId(topicId);
        } else {
            topic.setTopic(tp.topic());
        }
        return new FetchRequestData().setMaxWaitMs(maxWaitMs).setMinBytes(1).setMaxBytes(maxBytes)
                .setTopics(List.of(topic));
    }

    static FetchResult fetchResult(FetchResponseData response, TopicPartition tp) {
        ServerErrors.throwIfError(response.errorCode(), null, facts(tp));
        for (FetchResponseData.FetchableTopicResponse topic : response.responses()) {
            for (FetchResponseData.PartitionData partition : topic.partitions()) {
                if (partition.partitionIndex() == tp.partition()) {
                    ServerErrors.throwIfError(partition.errorCode(), null, facts(tp));
                    MemoryRecords records = partition.records() instanceof MemoryRecords memory ? memory
                            : MemoryRecords.EMPTY;
                    return new FetchResult(partition.highWatermark(), partition.logStartOffset(), records);
                }
            }
        }
        throw missing("Fetch", tp);
    }

    static ListOffsetsRequestData listOffsetsRequest(TopicPartition tp, long timestamp) {
        return new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsRequestData.ListOffsetsTopic().setName(tp.topic()).setPartitions(List.of(
                        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(tp.partition())
                                .setTimestamp(timestamp)))));
    }

    static long listOffsetsResult(ListOffsetsResponseData response, TopicPartition tp) {
        for (ListOffsetsResponseData.ListOffsetsTopicResponse topic : response.topics()) {
            for (ListOffsetsResponseData.ListOffsetsPartitionResponse partition : topic.partitions()) {
                if (topic.name().equals(tp.topic()) && partition.partitionIndex() == tp.partition()) {
                    ServerErrors.throwIfError(partition.errorCode(), null, facts(tp));
                    return partition.offset();
                }
            }
        }
        throw missing("ListOffsets", tp);
    }

    private static String facts(TopicPartition tp) {
        return "topic=" + tp.topic() + " partition=" + tp.partition();
    }

    private static MissingResultException missing(String api, TopicPartition tp) {
        return new MissingResultException("api=" + api + " " + facts(tp) + " reason=partitionMissingFromResponse");
    }
}
