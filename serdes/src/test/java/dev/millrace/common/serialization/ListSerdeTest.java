package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.millrace.common.errors.SerializationException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The list format byte by byte: the two layouts as drawn in {@link ListSerializer}, and the
 * deserializer's rejection of corrupt counts, sizes, indexes and flags (with the facts in the message
 * and without allocating by a corrupt count), plus seeded random garbage that must end in a value or
 * a {@link SerializationException}, never another exception. The seed can be replaced with
 * {@code -Dmillrace.seed=<long>}.
 */
class ListSerdeTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x6A2BA6EL);
    private static final String TOPIC = "t";

    private final ListDeserializer<Integer> integers =
            new ListDeserializer<>(TypedLists.IntegerList.class, new IntegerDeserializer());
    private final ListDeserializer<String> strings =
            new ListDeserializer<>(TypedLists.StringList.class, new StringDeserializer());

    @Test
    void shouldWriteConstantLayoutWithNullIndexesBeforeTheSize() {
        byte[] bytes = new ListSerializer<>(new IntegerSerializer()).serialize(TOPIC, Arrays.asList(7, null, 9));

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000001" + "00000001" + "00000003"
                + "00000007" + "00000009");
        assertThat(integers.deserialize(TOPIC, bytes)).containsExactly(7, null, 9);
    }

    @Test
    void shouldWriteVariableLayoutWithMinusOneForNullEntries() {
        byte[] bytes = new ListSerializer<>(new StringSerializer()).serialize(TOPIC, Arrays.asList("ab", null, ""));

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("01" + "00000003" + "00000002" + "6162"
                + "ffffffff" + "00000000");
        assertThat(strings.deserialize(TOPIC, bytes)).containsExactly("ab", null, "");
        assertThat(strings.deserialize(TOPIC, null, ByteBuffer.wrap(bytes))).containsExactly("ab", null, "");
    }

    @Test
    void shouldPassNullThroughAndWriteEmptyListsAsFlagAndZeroCounts() {
        assertThat(new ListSerializer<>(new IntegerSerializer()).serialize(TOPIC, null)).isNull();
        assertThat(integers.deserialize(TOPIC, (byte[]) null)).isNull();
        assertThat(new ListSerializer<>(new IntegerSerializer()).serialize(TOPIC, List.of()))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(new ListSerializer<>(new StringSerializer()).serialize(TOPIC, List.of()))
                .containsExactly(1, 0, 0, 0, 0);
    }

    @Test
    void shouldRejectCorruptLayoutsNamingReasonTopicAndPosition() {
        assertRejected(integers, "", "reason=truncated deserializer=ListDeserializer topic=t position=0"
                + " field=serializationStrategy needed=1 remaining=0");
        assertRejected(integers, "02", "reason=unknownSerializationStrategy deserializer=ListDeserializer topic=t"
                + " position=1 flag=2");
        assertRejected(strings, "00" + "00000000" + "00000000", "reason=constantSizeNeedsFixedWidthInner");
        assertRejected(strings, "01" + "ffffffff", "reason=negativeCount deserializer=ListDeserializer topic=t"
                + " position=5 field=size count=-1");
        assertRejected(strings, "01" + "00000002" + "00000000", "reason=countExceedsBytes");
        assertRejected(strings, "01" + "00000001" + "fffffffe", "reason=negativeEntrySize"
                + " deserializer=ListDeserializer topic=t position=9 index=0 entrySize=-2");
        assertRejected(strings, "01" + "00000001" + "00000005" + "6162", "reason=truncated"
                + " deserializer=ListDeserializer topic=t position=9 field=entry needed=5 remaining=2");
        assertRejected(integers, "00" + "00000001" + "00000003" + "00000002" + "00000007",
                "reason=nullIndexOutOfRange deserializer=ListDeserializer topic=t position=13 nullIndex=3 size=2");
        assertRejected(integers, "00" + "7fffffff", "reason=countExceedsBytes");
        assertRejected(integers, "00" + "00000000" + "7fffffff" + "00000001", "reason=truncated");
        assertRejected(integers, "00" + "00000000" + "00000001" + "0000000100", "reason=trailingBytes");
    }

    @Test
    void shouldNameTheEntryIndexWhenTheInnerDeserializerFails() {
        ListDeserializer<Boolean> booleans =
                new ListDeserializer<>(TypedLists.BooleanList.class, new BooleanDeserializer());

        assertThatThrownBy(() -> booleans.deserialize(TOPIC, HexFormat.of().parseHex("01" + "00000002"
                + "00000001" + "01" + "00000001" + "07")))
                .isInstanceOf(SerializationException.class)
                .hasMessage("reason=entryFailed topic=t index=1 entrySize=1")
                .cause().hasMessageContaining("reason=unexpectedBooleanByte");
    }

    @Test
    void shouldRefuseFixedWidthEntriesOfAnotherWidthInsteadOfWritingCorruptBytes() {
        UUIDSerializer utf16 = new UUIDSerializer();
        utf16.configure(Map.of("value.serializer.encoding", "UTF-16"), false);
        ListSerializer<UUID> serializer = new ListSerializer<>(utf16);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, List.of(new UUID(1, 2))))
                .isInstanceOf(SerializationException.class)
                .hasMessage("reason=fixedWidthEntryMismatch serializer=UUIDSerializer topic=t index=0"
                        + " expectedSize=36 actualSize=74");
    }

    @Test
    void shouldUseTheVariableLayoutForSubclassesOfFixedWidthSerializersAsKafkaDoes() {
        IntegerSerializer subclass = new IntegerSerializer() {
        };
        byte[] ours = new ListSerializer<>(subclass).serialize(TOPIC, List.of(5));
        byte[] kafka = new org.apache.kafka.common.serialization.ListSerializer<>(
                new org.apache.kafka.common.serialization.IntegerSerializer() {
                }).serialize(TOPIC, List.of(5));

        assertThat(ours).isEqualTo(kafka).startsWith(1);
    }

    @Test
    void shouldUseAndCloseTheGivenInnerSerdeAndRefuseListClassesWithoutPublicConstructor() {
        Serde<String> latin1 = Serdes.String();
        latin1.configure(Map.of("value.serializer.encoding", "ISO-8859-1"), false);
        Serde<List<String>> serde = Serdes.ListSerde(TypedLists.StringList.class, latin1);

        assertThat(serde.serializer().serialize(TOPIC, List.of("é"))).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 0xE9);
        assertThat(((ListSerializer<String>) serde.serializer()).getInnerSerializer())
                .isInstanceOf(StringSerializer.class);
        assertThat(((ListDeserializer<String>) serde.deserializer()).innerDeserializer())
                .isInstanceOf(StringDeserializer.class);
        serde.close();
        assertThatThrownBy(() -> new ListDeserializer<>(TypedLists.HiddenConstructorList.class,
                new IntegerDeserializer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reason=listClassWithoutPublicConstructor listClass=");
    }

    @Test
    void shouldEndRandomGarbageInAValueOrASerializationException() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[random.nextInt(40)];
            random.nextBytes(garbage);
            if (garbage.length > 0) {
                garbage[0] = (byte) random.nextInt(3);
            }
            if (garbage.length > 4 && random.nextBoolean()) {
                garbage[1] = 0;
                garbage[2] = 0;
                garbage[3] = 0;
            }
            for (ListDeserializer<?> deserializer : List.of(integers, strings)) {
                Throwable thrown = catchThrowable(() -> deserializer.deserialize(TOPIC, garbage));
                if (thrown != null) {
                    assertThat(thrown).as("seed=" + SEED + " case=" + i + " bytes=" + HexFormat.of().formatHex(garbage))
                            .isInstanceOf(SerializationException.class);
                }
            }
        }
    }

    private static void assertRejected(ListDeserializer<?> deserializer, String hex, String expectedMessagePrefix) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes)).as("bytes=" + hex)
                .isInstanceOf(SerializationException.class).hasMessageStartingWith(expectedMessagePrefix);
    }
}
