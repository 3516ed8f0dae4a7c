package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.RecordHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes of the wrong size or content: each fixed-width deserializer rejects every other size from 0
 * to 16 through both the array and the buffer entry points with a {@link SerializationException}
 * naming the deserializer, the topic, the expected and the actual size; Kafka's deserializer rejects
 * the same input, so the two agree on what is valid.
 */
class MalformedInputTest {
    private static final String TOPIC = "payments";

    static Stream<Arguments> fixedWidthDeserializers() {
        return Stream.of(
                Arguments.of(new ShortDeserializer(), new org.apache.kafka.common.serialization.ShortDeserializer(), 2),
                Arguments.of(new IntegerDeserializer(), new org.apache.kafka.common.serialization.IntegerDeserializer(),
                        4),
                Arguments.of(new LongDeserializer(), new org.apache.kafka.common.serialization.LongDeserializer(), 8),
                Arguments.of(new FloatDeserializer(), new org.apache.kafka.common.serialization.FloatDeserializer(), 4),
                Arguments.of(new DoubleDeserializer(), new org.apache.kafka.common.serialization.DoubleDeserializer(),
                        8),
                Arguments.of(new BooleanDeserializer(), new org.apache.kafka.common.serialization.BooleanDeserializer(),
                        1));
    }

    @ParameterizedTest(name = "[{index}] width={2}")
    @MethodSource("fixedWidthDeserializers")
    void shouldRejectEveryOtherSizeWithTopicExpectedAndActualSize(Deserializer<?> ours,
            org.apache.kafka.common.serialization.Deserializer<?> kafka, int width) {
        String name = ours.getClass().getSimpleName();
        for (int size = 0; size <= 16; size++) {
            if (size == width) {
                continue;
            }
            byte[] data = new byte[size];
            String expected = "reason=unexpectedSize deserializer=" + name + " topic=" + TOPIC
                    + " expectedSize=" + width + " actualSize=" + size;
            assertThatThrownBy(() -> ours.deserialize(TOPIC, data)).as("size=" + size)
                    .isInstanceOf(SerializationException.class).hasMessage(expected);
            assertThatThrownBy(() -> ours.deserialize(TOPIC, new RecordHeaders(), ByteBuffer.wrap(data)))
                    .as("buffer size=" + size).isInstanceOf(SerializationException.class).hasMessage(expected);
            assertThatThrownBy(() -> kafka.deserialize(TOPIC, data)).as("kafka size=" + size)
                    .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
        }
    }

    @Test
    void shouldRejectBooleanBytesOtherThanZeroAndOneLikeKafka() {
        BooleanDeserializer ours = new BooleanDeserializer();
        org.apache.kafka.common.serialization.BooleanDeserializer kafka =
                new org.apache.kafka.common.serialization.BooleanDeserializer();
        for (int value = 2; value < 256; value++) {
            byte[] data = {(byte) value};
            assertThatThrownBy(() -> ours.deserialize(TOPIC, data)).as("byte=" + value)
                    .isInstanceOf(SerializationException.class)
                    .hasMessage("reason=unexpectedBooleanByte deserializer=BooleanDeserializer topic=" + TOPIC
                            + " expected=0|1 actual=" + (byte) value);
            assertThatThrownBy(() -> ours.deserialize(TOPIC, null, ByteBuffer.wrap(data))).as("buffer byte=" + value)
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> kafka.deserialize(TOPIC, data)).as("kafka byte=" + value)
                    .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
        }
    }

    @Test
    void shouldRejectTextThatIsNotAUuidNamingTopicAndText() {
        UUIDDeserializer ours = new UUIDDeserializer();
        byte[] data = "not-a-uuid".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ours.deserialize(TOPIC, data)).isInstanceOf(SerializationException.class)
                .hasMessage("reason=notAUuid deserializer=UUIDDeserializer topic=" + TOPIC
                        + " textLength=10 text=not-a-uuid")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ours.deserialize(TOPIC, null, ByteBuffer.allocateDirect(3)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("textLength=3");
        assertThatThrownBy(() -> ours.deserialize(TOPIC, new byte[100]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("textLength=100")
                .hasMessageEndingWith("...");
        assertThatThrownBy(() -> new org.apache.kafka.common.serialization.UUIDDeserializer().deserialize(TOPIC, data))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }

    @Test
    void shouldRejectAnyBytesForVoidIncludingEmpty() {
        VoidDeserializer ours = new VoidDeserializer();

        assertThat(ours.deserialize(TOPIC, (byte[]) null)).isNull();
        assertThatThrownBy(() -> ours.deserialize(TOPIC, new byte[0])).isInstanceOf(SerializationException.class)
                .hasMessage("reason=dataForVoid deserializer=VoidDeserializer topic=" + TOPIC
                        + " expectedSize=null actualSize=0");
        assertThatThrownBy(() -> ours.deserialize(TOPIC, null, ByteBuffer.allocate(3)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("actualSize=3");
        assertThat(new VoidSerializer().serialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldDecodeMalformedUtf8WithReplacementCharactersAsKafkaDoes() {
        byte[] data = {'a', (byte) 0xC3, 'b', (byte) 0xFF};

        assertThat(new StringDeserializer().deserialize(TOPIC, data))
                .isEqualTo(new org.apache.kafka.common.serialization.StringDeserializer().deserialize(TOPIC, data))
                .isEqualTo("a\uFFFDb\uFFFD");
    }
}
