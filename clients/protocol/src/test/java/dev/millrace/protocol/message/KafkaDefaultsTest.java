package dev.millrace.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.generator.MessageSpec;
import dev.millrace.protocol.types.Message;
import dev.millrace.protocol.types.MessageCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A freshly constructed message (every field at its default) is encoded by Kafka and by us to the
 * same bytes at every version, and each side reads the other's bytes back: our defaults are
 * Kafka's defaults.
 */
class KafkaDefaultsTest {
    @TestFactory
    Stream<DynamicTest> defaultMessagesEncodeIdentically() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (MessageSpec spec : MessageOracleTest.definitions()) {
            for (short v = spec.validVersions().lowest(); v <= spec.validVersions().highest(); v++) {
                short version = v;
                tests.add(DynamicTest.dynamicTest(spec.className() + " v" + version, () -> check(spec, version)));
            }
        }
        return tests.stream();
    }

    private static void check(MessageSpec spec, short version) throws Exception {
        Message ours = (Message) Class.forName("dev.millrace.protocol.message." + spec.className())
                .getConstructor().newInstance();
        org.apache.kafka.common.protocol.Message kafka = (org.apache.kafka.common.protocol.Message)
                Class.forName("org.apache.kafka.common.message." + spec.className()).getConstructor().newInstance();
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer kafkaBytes = ByteBuffer.allocate(kafka.size(cache, version));
        kafka.write(new ByteBufferAccessor(kafkaBytes), cache, version);
        kafkaBytes.flip();
        assertThat(MessageCodec.toByteBuffer(ours, version)).as(spec.className() + " v" + version)
                .isEqualTo(kafkaBytes);
        assertThat(MessageOracleTest.read(spec.className(), kafkaBytes, version)).isEqualTo(ours);
    }
}
