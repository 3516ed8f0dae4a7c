package dev.millrace.protocol.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Varints against Kafka's own ByteUtils (test-scope oracle), plus malformed encodings. */
class ByteUtilsTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xB17EL);

    private static int randomInt(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(128);
            case 1 -> random.nextInt() >> random.nextInt(32);
            case 2 -> random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            default -> random.nextInt();
        };
    }

    @Test
    void shouldEncodeVarintsExactlyAsKafka() {
        Random random = new Random(SEED);
        for (int i = 0; i < 50_000; i++) {
            int value = randomInt(random);
            long longValue = ((long) randomInt(random) << random.nextInt(33)) ^ random.nextLong() >> random.nextInt(64);
            String where = "seed=" + SEED + " case=" + i + " value=" + value + " longValue=" + longValue;
            ByteBuffer ours = ByteBuffer.allocate(32);
            ByteBuffer kafka = ByteBuffer.allocate(32);
            ByteUtils.writeUnsignedVarint(value, ours);
            ByteUtils.writeVarint(value, ours);
            ByteUtils.writeVarlong(longValue, ours);
            org.apache.kafka.common.utils.ByteUtils.writeUnsignedVarint(value, kafka);
            org.apache.kafka.common.utils.ByteUtils.writeVarint(value, kafka);
            org.apache.kafka.common.utils.ByteUtils.writeVarlong(longValue, kafka);
            assertThat(ours.flip()).as(where).isEqualTo(kafka.flip());
            assertThat(ByteUtils.sizeOfUnsignedVarint(value)).as(where)
                    .isEqualTo(org.apache.kafka.common.utils.ByteUtils.sizeOfUnsignedVarint(value));
            assertThat(ByteUtils.sizeOfVarint(value)).as(where)
                    .isEqualTo(org.apache.kafka.common.utils.ByteUtils.sizeOfVarint(value));
            assertThat(ByteUtils.sizeOfVarlong(longValue)).as(where)
                    .isEqualTo(org.apache.kafka.common.utils.ByteUtils.sizeOfVarlong(longValue));
            assertThat(ByteUtils.readUnsignedVarint(ours)).as(where).isEqualTo(value);
            assertThat(ByteUtils.readVarint(ours)).as(where).isEqualTo(value);
            assertThat(ByteUtils.readVarlong(ours)).as(where).isEqualTo(longValue);
        }
    }

    @Test
    void shouldRejectVarintsThatAreTooLongOrTruncated() {
        ByteBuffer sixBytes = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, -1, 1});
        assertThatThrownBy(() -> ByteUtils.readUnsignedVarint(sixBytes))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("varintLongerThan5Bytes");
        ByteBuffer overflow = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, 0x1f});
        assertThatThrownBy(() -> ByteUtils.readUnsignedVarint(overflow))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("varintOverflows32Bits");
        ByteBuffer truncated = ByteBuffer.wrap(new byte[] {-1, -1});
        assertThatThrownBy(() -> ByteUtils.readVarlong(truncated))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("truncatedVarlong");
        ByteBuffer elevenBytes = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1});
        assertThatThrownBy(() -> ByteUtils.readVarlong(elevenBytes))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("varlongLongerThan10Bytes");
    }
}
