package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The ByteBuffer serde against Kafka's: for seeded random contents in every kind of buffer (heap whose
 * array is exactly the content, heap with spare capacity, heap slice at an array offset, direct,
 * read-only) and any position, both write the bytes from index 0 to the limit, leave the position at
 * 0, and share the backing array in the same cases. The seed can be replaced with
 * {@code -Dmillrace.seed=<long>}.
 */
class ByteBufferSerdeTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xB0FFE2L);
    private static final int CASES = 2_000;

    @Test
    void shouldWriteFromZeroToLimitRewindAndShareArraysExactlyAsKafka() {
        Random random = new Random(SEED);
        ByteBufferSerializer ours = new ByteBufferSerializer();
        org.apache.kafka.common.serialization.ByteBufferSerializer kafka =
                new org.apache.kafka.common.serialization.ByteBufferSerializer();
        for (int i = 0; i < CASES; i++) {
            byte[] content = new byte[random.nextInt(32)];
            random.nextBytes(content);
            int kind = random.nextInt(5);
            int position = content.length == 0 ? 0 : random.nextInt(content.length + 1);
            ByteBuffer oursBuffer = buffer(kind, content, position);
            ByteBuffer kafkaBuffer = buffer(kind, content, position);
            String facts = "seed=" + SEED + " case=" + i + " kind=" + kind + " position=" + position
                    + " content=" + HexFormat.of().formatHex(content);

            byte[] oursBytes = ours.serialize("t", oursBuffer);
            byte[] kafkaBytes = kafka.serialize("t", kafkaBuffer);

            assertThat(oursBytes).as(facts).isEqualTo(kafkaBytes).isEqualTo(content);
            assertThat(oursBuffer.position()).as(facts + " position").isEqualTo(kafkaBuffer.position()).isZero();
            boolean oursShares = oursBuffer.hasArray() && oursBytes == oursBuffer.array();
            boolean kafkaShares = kafkaBuffer.hasArray() && kafkaBytes == kafkaBuffer.array();
            assertThat(oursShares).as(facts + " sharesArray").isEqualTo(kafkaShares);
            assertThat(new ByteBufferDeserializer().deserialize("t", oursBytes)).as(facts)
                    .isEqualTo(ByteBuffer.wrap(content));
        }
        assertThat(ours.serialize("t", null)).isNull();
    }

    @Test
    void shouldReturnTheGivenBufferFromTheBufferOverloadAndWrapArraysWithoutCopying() {
        ByteBuffer buffer = ByteBuffer.allocate(4);
        byte[] array = {1, 2};

        assertThat(new ByteBufferDeserializer().deserialize("t", null, buffer)).isSameAs(buffer);
        assertThat(new ByteBufferDeserializer().deserialize("t", array).array()).isSameAs(array);
        assertThat(new ByteBufferDeserializer().deserialize("t", (byte[]) null)).isNull();
    }

    private static ByteBuffer buffer(int kind, byte[] content, int position) {
        List<Supplier<ByteBuffer>> kinds = new ArrayList<>();
        kinds.add(() -> ByteBuffer.wrap(content.clone()));
        kinds.add(() -> {
            ByteBuffer spare = ByteBuffer.allocate(content.length + 5);
            spare.put(content).flip();
            return spare;
        });
        kinds.add(() -> {
            byte[] padded = new byte[content.length + 3];
            System.arraycopy(content, 0, padded, 3, content.length);
            return ByteBuffer.wrap(padded, 3, content.length).slice();
        });
        kinds.add(() -> {
            ByteBuffer direct = ByteBuffer.allocateDirect(content.length);
            direct.put(content).flip();
            return direct;
        });
        kinds.add(() -> ByteBuffer.wrap(content.clone()).asReadOnlyBuffer());
        ByteBuffer buffer = kinds.get(kind).get();
        buffer.position(position);
        return buffer;
    }
}
