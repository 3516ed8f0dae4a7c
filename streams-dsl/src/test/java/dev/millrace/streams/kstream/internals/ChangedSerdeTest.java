package dev.millrace.streams.kstream.internals;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.serialization.StringDeserializer;
import dev.millrace.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change format of {@code KTable.groupBy} repartition topics round-trips and rejects malformed bytes. */
class ChangedSerdeTest {

    private static final long SEED = Long.getLong("millrace.seed", 7L);

    private final ChangedSerializer<String> serializer = new ChangedSerializer<>(new StringSerializer());
    private final ChangedDeserializer<String> deserializer = new ChangedDeserializer<>(new StringDeserializer());

    @Test
    void shouldRoundTripEveryCombinationOfPresentValues() {
        for (String newValue : new String[] {null, "", "new"}) {
            for (String oldValue : new String[] {null, "", "old"}) {
                Change<String> change = new Change<>(newValue, oldValue);
                assertThat(deserializer.deserialize("t", serializer.serialize("t", change))).isEqualTo(change);
            }
        }
    }

    @Test
    void shouldRoundTripRandomValues() {
        Random random = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            String newValue = random.nextBoolean() ? null : Long.toString(random.nextLong(), 36);
            String oldValue = random.nextBoolean() ? null : Long.toString(random.nextLong(), 36);
            Change<String> change = new Change<>(newValue, oldValue);
            assertThat(deserializer.deserialize("t", serializer.serialize("t", change)))
                    .as("seed=%d i=%d", SEED, i).isEqualTo(change);
        }
    }

    @Test
    void shouldMapNullToNull() {
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void shouldRejectTruncatedBytes() {
        byte[] bytes = serializer.serialize("t", new Change<>("value", "old"));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("reason=malformedChange");
    }

    @Test
    void shouldRequireAnInnerSerdeOnceUsed() {
        assertThatThrownBy(() -> new ChangedSerializer<String>(null).serialize("t", new Change<>("a", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reason=noValueSerializer");
    }
}
