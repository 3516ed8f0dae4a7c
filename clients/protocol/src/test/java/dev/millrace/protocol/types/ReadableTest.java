package dev.millrace.protocol.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadableTest {
    private static Readable reader(byte... bytes) {
        return new Readable(ByteBuffer.wrap(bytes));
    }

    @Test
    void shouldRejectStringLengthBeyondBuffer() {
        assertThatThrownBy(() -> reader((byte) 0, (byte) 10, (byte) 'a').readString("T.Name", false, false))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("field=T.Name").hasMessageContaining("lengthBeyondBuffer")
                .hasMessageContaining("length=10");
    }

    @Test
    void shouldRejectNullInNonNullableField() {
        assertThatThrownBy(() -> reader((byte) -1, (byte) -1).readString("T.Name", false, false))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("nullInNonNullableField");
        assertThat(reader((byte) -1, (byte) -1).readString("T.Name", false, true)).isNull();
        assertThat(reader((byte) 0).readString("T.Name", true, true)).isNull();
    }

    @Test
    void shouldRejectNegativeLengths() {
        assertThatThrownBy(() -> reader((byte) -1, (byte) -1, (byte) -1, (byte) -7).readBytes("T.Data", false, true))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("negativeLength");
    }

    @Test
    void shouldRejectArrayCountsThatCannotFitTheRemainingBytes() {
        // 1,000,000 int32 elements cannot fit in 8 bytes: rejected before any allocation.
        ByteBuffer buffer = ByteBuffer.allocate(12).putInt(1_000_000).putLong(0).flip();
        assertThatThrownBy(() -> new Readable(buffer).readArrayLength("T.Ids", false, false, 4))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("length=1000000");
    }

    @Test
    void shouldRejectInvalidUtf8() {
        assertThatThrownBy(() -> reader((byte) 0, (byte) 2, (byte) 0xc3, (byte) 0x28).readString("T.Name", false, false))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("invalidUtf8");
    }

    @Test
    void shouldReportTruncatedFixedWidthReads() {
        assertThatThrownBy(() -> reader((byte) 1, (byte) 2, (byte) 3).readInt32())
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("needBytes=4")
                .hasMessageContaining("remainingBytes=3");
    }

    @Test
    void shouldComputeUtf8LengthLikeStringGetBytes() {
        long seed = Long.getLong("millrace.seed", 0x0C0DEL);
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append((char) switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0xd800 + random.nextInt(0x800);
                    default -> random.nextInt(0x10000);
                });
            }
            String s = text.toString();
            assertThat(Sizes.utf8Length(s)).as("seed=" + seed + " case=" + i)
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
