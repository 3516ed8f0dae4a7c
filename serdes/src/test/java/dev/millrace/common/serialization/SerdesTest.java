package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.utils.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link Serdes} factory and the default methods of the API: each factory method returns its
 * named serde class, {@code serdeFrom(Class)} round-trips every supported type and checks value types
 * at run time, wrapper serdes pass configure and close to both halves, and the default header and
 * buffer overloads delegate without touching the caller's buffer.
 */
class SerdesTest {

    @Test
    void shouldReturnTheNamedSerdeClassFromEachFactoryMethod() {
        assertThat(Serdes.String()).isInstanceOf(Serdes.StringSerde.class);
        assertThat(Serdes.Short()).isInstanceOf(Serdes.ShortSerde.class);
        assertThat(Serdes.Integer()).isInstanceOf(Serdes.IntegerSerde.class);
        assertThat(Serdes.Long()).isInstanceOf(Serdes.LongSerde.class);
        assertThat(Serdes.Float()).isInstanceOf(Serdes.FloatSerde.class);
        assertThat(Serdes.Double()).isInstanceOf(Serdes.DoubleSerde.class);
        assertThat(Serdes.Boolean()).isInstanceOf(Serdes.BooleanSerde.class);
        assertThat(Serdes.UUID()).isInstanceOf(Serdes.UUIDSerde.class);
        assertThat(Serdes.Void()).isInstanceOf(Serdes.VoidSerde.class);
        assertThat(Serdes.ByteArray()).isInstanceOf(Serdes.ByteArraySerde.class);
        assertThat(Serdes.ByteBuffer()).isInstanceOf(Serdes.ByteBufferSerde.class);
        assertThat(Serdes.Bytes()).isInstanceOf(Serdes.BytesSerde.class);
        assertThat(Serdes.ListSerde(TypedLists.IntegerList.class, Serdes.Integer()))
                .isInstanceOf(Serdes.ListSerde.class);
        assertThat(Serdes.Long().serializer()).isInstanceOf(LongSerializer.class);
        assertThat(Serdes.Long().deserializer()).isInstanceOf(LongDeserializer.class);
    }

    @Test
    void shouldRoundTripEverySupportedTypeThroughSerdeFromClass() {
        assertRoundTrip(String.class, "héllo");
        assertRoundTrip(Short.class, (short) -3);
        assertRoundTrip(Integer.class, 42);
        assertRoundTrip(Long.class, Long.MIN_VALUE);
        assertRoundTrip(Float.class, 1.5f);
        assertRoundTrip(Double.class, -0.25d);
        assertRoundTrip(Boolean.class, true);
        assertRoundTrip(UUID.class, new UUID(3, 4));
        assertRoundTrip(Bytes.class, new Bytes(new byte[] {1, 2}));
        assertRoundTrip(ByteBuffer.class, ByteBuffer.wrap(new byte[] {5}));
        Serde<byte[]> bytes = Serdes.serdeFrom(byte[].class);
        assertThat(bytes.deserializer().deserialize("t", bytes.serializer().serialize("t", new byte[] {9})))
                .containsExactly(9);
    }

    private static <T> void assertRoundTrip(Class<T> type, T value) {
        Serde<T> serde = Serdes.serdeFrom(type);
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).as(type.getName()).isEqualTo(value);
        assertThat(serde.deserializer().deserialize("t", new RecordHeaders(), bytes)).isEqualTo(value);
        assertThat(serde.deserializer().deserialize("t", new RecordHeaders(), ByteBuffer.wrap(bytes))).isEqualTo(value);
        assertThat(serde.serializer().serialize("t", new RecordHeaders(), value)).isEqualTo(bytes);
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void shouldConfigureTheBuiltInHalvesBehindSerdeFromClass() {
        Serde<String> serde = Serdes.serdeFrom(String.class);
        serde.configure(Map.of("serializer.encoding", "UTF-16BE"), false);

        assertThat(serde.serializer().serialize("t", "A")).containsExactly(0, 'A');
        serde.close();
    }

    @Test
    void shouldRejectTypesWithoutBuiltInSerdeAndNullHalves() {
        assertThatThrownBy(() -> Serdes.serdeFrom(Object.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason=noBuiltInSerde type=java.lang.Object"
                        + " supported=String,Short,Integer,Long,Float,Double,ByteArray,ByteBuffer,Bytes,UUID,Boolean");
        assertThatThrownBy(() -> Serdes.serdeFrom(null, new StringDeserializer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason=nullSerializer");
        assertThatThrownBy(() -> Serdes.serdeFrom(new StringSerializer(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason=nullDeserializer");
    }

    @Test
    void shouldPassConfigureAndCloseToBothHalvesOfAWrapperSerde() {
        List<String> calls = new ArrayList<>();
        Serializer<String> serializer = new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                calls.add("serializer.configure isKey=" + isKey + " configs=" + configs);
            }

            @Override
            public byte[] serialize(String topic, String data) {
                return data.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
                calls.add("serializer.close");
            }
        };
        Deserializer<String> deserializer = new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                calls.add("deserializer.configure isKey=" + isKey + " configs=" + configs);
            }

            @Override
            public String deserialize(String topic, byte[] data) {
                return new String(data, StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
                calls.add("deserializer.close");
            }
        };
        Serde<String> serde = Serdes.serdeFrom(serializer, deserializer);
        serde.configure(Map.of("a", "b"), true);
        serde.close();

        assertThat(serde.serializer()).isSameAs(serializer);
        assertThat(serde.deserializer()).isSameAs(deserializer);
        assertThat(calls).containsExactly("serializer.configure isKey=true configs={a=b}",
                "deserializer.configure isKey=true configs={a=b}", "serializer.close", "deserializer.close");
    }

    @Test
    void shouldDelegateDefaultOverloadsAndCopyOnlyTheRemainingBytesOfABuffer() {
        List<String> seen = new ArrayList<>();
        Deserializer<String> deserializer = (topic, data) -> {
            seen.add(topic);
            return data == null ? null : new String(data, StandardCharsets.US_ASCII);
        };
        Serializer<String> serializer = (topic, data) -> data == null ? null : data.getBytes(StandardCharsets.US_ASCII);
        Headers headers = new RecordHeaders();
        ByteBuffer buffer = ByteBuffer.wrap("xxhelloyy".getBytes(StandardCharsets.US_ASCII), 2, 5);
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put("abc".getBytes(StandardCharsets.US_ASCII));
        direct.position(1);

        assertThat(deserializer.deserialize("t1", headers, buffer)).isEqualTo("hello");
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(buffer.limit()).isEqualTo(7);
        assertThat(deserializer.deserialize("t2", headers, direct)).isEqualTo("bc");
        assertThat(direct.position()).isEqualTo(1);
        assertThat(deserializer.deserialize("t3", headers, (ByteBuffer) null)).isNull();
        assertThat(deserializer.deserialize("t4", headers, new byte[] {'a'})).isEqualTo("a");
        assertThat(serializer.serialize("t5", headers, "z")).containsExactly('z');
        assertThat(seen).containsExactly("t1", "t2", "t3", "t4");
        assertThat(headers.toArray()).isEmpty();
    }
}
