package dev.millrace.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.Uuid;
import dev.millrace.metadata.records.ClusterIdRecord;
import dev.millrace.metadata.records.ConfigRecord;
import dev.millrace.metadata.records.PartitionChangeRecord;
import dev.millrace.metadata.records.PartitionRecord;
import dev.millrace.metadata.records.ProducerIdsRecord;
import dev.millrace.metadata.records.RemoveTopicRecord;
import dev.millrace.metadata.records.TopicRecord;
import dev.millrace.protocol.types.Message;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.Test;

class MetadataRecordSerdeTest {
    private static final Uuid TOPIC_ID = Uuid.fromString("7Ds2VYRqTd2Bw3d5sy2Tvw");

    static List<Message> samples() {
        return List.of(
                new TopicRecord().setName("orders").setTopicId(TOPIC_ID),
                new PartitionRecord().setPartitionId(3).setTopicId(TOPIC_ID).setReplicas(List.of(1, 2))
                        .setIsr(List.of(1)).setLeader(1).setLeaderEpoch(4).setPartitionEpoch(7),
                new ConfigRecord().setResourceType((byte) 2).setResourceName("orders").setName("retention.ms")
                        .setValue("1000"),
                new ConfigRecord().setResourceType((byte) 4).setResourceName("").setName("x").setValue(null),
                new PartitionChangeRecord().setPartitionId(0).setTopicId(TOPIC_ID).setIsr(List.of(1, 2))
                        .setLeader(2),
                new RemoveTopicRecord().setTopicId(TOPIC_ID),
                new ProducerIdsRecord().setBrokerId(1).setBrokerEpoch(-1).setNextProducerId(2000),
                new ClusterIdRecord().setClusterId("MkU3OEVBNTcwNTJENDM2Qk"));
    }

    @Test
    void shouldRoundTripEveryRecordType() {
        for (Message record : samples()) {
            byte[] bytes = MetadataRecordSerde.serialize(record);
            assertThat(MetadataRecordSerde.deserialize(ByteBuffer.wrap(bytes))).as(record.toString())
                    .isEqualTo(record);
        }
    }

    @Test
    void shouldFrameWithFrameVersionTypeAndVersionVarints() {
        byte[] topic = MetadataRecordSerde.serialize(samples().get(0));
        assertThat(topic[0]).isEqualTo((byte) 1);
        assertThat(topic[1]).isEqualTo((byte) 2);
        assertThat(topic[2]).isEqualTo((byte) 0);
        byte[] clusterId = MetadataRecordSerde.serialize(samples().get(7));
        // 10000 as an unsigned varint is 0x90 0x4E.
        assertThat(new byte[] {clusterId[0], clusterId[1], clusterId[2], clusterId[3]})
                .containsExactly(1, (byte) 0x90, 0x4E, 0);
    }

    @Test
    void shouldEncodeBodiesExactlyAsKafkasOwnRecordClasses() {
        org.apache.kafka.common.Uuid id = org.apache.kafka.common.Uuid.fromString(TOPIC_ID.toString());
        List<ApiMessage> kafka = List.of(
                new org.apache.kafka.common.metadata.TopicRecord().setName("orders").setTopicId(id),
                new org.apache.kafka.common.metadata.PartitionRecord().setPartitionId(3).setTopicId(id)
                        .setReplicas(List.of(1, 2)).setIsr(List.of(1)).setLeader(1).setLeaderEpoch(4)
                        .setPartitionEpoch(7),
                new org.apache.kafka.common.metadata.ConfigRecord().setResourceType((byte) 2)
                        .setResourceName("orders").setName("retention.ms").setValue("1000"),
                new org.apache.kafka.common.metadata.ConfigRecord().setResourceType((byte) 4).setResourceName("")
                        .setName("x").setValue(null),
                new org.apache.kafka.common.metadata.PartitionChangeRecord().setPartitionId(0).setTopicId(id)
                        .setIsr(List.of(1, 2)).setLeader(2),
                new org.apache.kafka.common.metadata.RemoveTopicRecord().setTopicId(id),
                new org.apache.kafka.common.metadata.ProducerIdsRecord().setBrokerId(1).setBrokerEpoch(-1)
                        .setNextProducerId(2000));
        for (int i = 0; i < kafka.size(); i++) {
            ApiMessage theirs = kafka.get(i);
            byte[] framed = MetadataRecordSerde.serialize(samples().get(i));
            ByteBuffer expected = MessageUtil.toByteBufferAccessor(theirs, (short) 0).buffer();
            byte[] expectedBytes = MessageUtil.byteBufferToArray(expected);
            String what = theirs.getClass().getSimpleName();
            assertThat(framed[1]).as("type id of " + what).isEqualTo((byte) theirs.apiKey());
            assertThat(java.util.Arrays.copyOfRange(framed, 3, framed.length)).as(what).containsExactly(expectedBytes);
        }
    }

    @Test
    void shouldRejectUnknownFrameVersionTypeAndTrailingBytes() {
        assertThatThrownBy(() -> MetadataRecordSerde.deserialize(ByteBuffer.wrap(new byte[] {2, 2, 0})))
                .isInstanceOf(MetadataRecordException.class).hasMessageContaining("frameVersion=2");
        assertThatThrownBy(() -> MetadataRecordSerde.deserialize(ByteBuffer.wrap(new byte[] {1, 7, 0})))
                .isInstanceOf(MetadataRecordException.class).hasMessageContaining("recordType=7");
        assertThatThrownBy(() -> MetadataRecordSerde.deserialize(ByteBuffer.wrap(new byte[] {1, 9, 9})))
                .isInstanceOf(MetadataRecordException.class).hasMessageContaining("version=9");
        byte[] ok = MetadataRecordSerde.serialize(new RemoveTopicRecord().setTopicId(TOPIC_ID));
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThatThrownBy(() -> MetadataRecordSerde.deserialize(ByteBuffer.wrap(longer)))
                .isInstanceOf(MetadataRecordException.class).hasMessageContaining("trailingBytes");
        byte[] shorter = java.util.Arrays.copyOf(ok, ok.length - 2);
        assertThatThrownBy(() -> MetadataRecordSerde.deserialize(ByteBuffer.wrap(shorter)))
                .isInstanceOf(MetadataRecordException.class).hasMessageContaining("truncated");
    }
}
