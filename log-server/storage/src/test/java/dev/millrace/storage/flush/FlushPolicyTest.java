package dev.millrace.storage.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlushPolicyTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5EED_F105_0002L);

    @Test
    void shouldDefaultToKafkasNeverFsyncOnTheWritePath() {
        assertThat(FlushPolicy.DEFAULT.intervalMessages()).isEqualTo(Long.MAX_VALUE);
        assertThat(FlushPolicy.DEFAULT.intervalMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(FlushPolicy.DEFAULT.flushesEveryAppend()).isFalse();
        assertThat(FlushPolicy.FLUSH_INTERVAL_MESSAGES_CONFIG).isEqualTo("log.flush.interval.messages");
        assertThat(FlushPolicy.FLUSH_INTERVAL_MS_CONFIG).isEqualTo("log.flush.interval.ms");
        assertThat(FlushPolicy.TOPIC_FLUSH_MESSAGES_CONFIG).isEqualTo("flush.messages");
        assertThat(FlushPolicy.TOPIC_FLUSH_MS_CONFIG).isEqualTo("flush.ms");
        Random random = new Random(SEED);
        for (int i = 0; i < 1000; i++) {
            long unflushed = random.nextInt(Integer.MAX_VALUE);
            long elapsedMs = random.nextLong() & (Long.MAX_VALUE >>> 1);
            assertThat(FlushPolicy.DEFAULT.shouldFlush(unflushed, elapsedMs))
                    .as("seed=%d unflushed=%d elapsedMs=%d", SEED, unflushed, elapsedMs).isFalse();
        }
    }

    @ParameterizedTest(name = "[{index}] messages={0} ms={1} unflushed={2} elapsed={3} -> {4}")
    @CsvSource({
        "1, 9223372036854775807, 1, 0, true",
        "1, 9223372036854775807, 0, 0, false",
        "100, 9223372036854775807, 99, 1000000, false",
        "100, 9223372036854775807, 100, 0, true",
        "9223372036854775807, 1000, 5, 999, false",
        "9223372036854775807, 1000, 5, 1000, true",
        "9223372036854775807, 1000, 0, 5000, false",
        "9223372036854775807, 1000, 5, -20, false",
        "9223372036854775807, 0, 1, 0, true",
    })
    void shouldFlushWhenEitherIntervalIsReachedAndSomethingIsUnflushed(long messages, long ms, long unflushed,
            long elapsedMs, boolean expected) {
        assertThat(new FlushPolicy(messages, ms).shouldFlush(unflushed, elapsedMs)).isEqualTo(expected);
    }

    @Test
    void shouldFlushEveryAppendWhenIntervalIsOneMessage() {
        assertThat(FlushPolicy.everyAppend().flushesEveryAppend()).isTrue();
        assertThat(FlushPolicy.everyAppend().shouldFlush(1, 0)).isTrue();
    }

    @Test
    void shouldRejectValuesKafkaRejects() {
        assertThatThrownBy(() -> new FlushPolicy(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log.flush.interval.messages=0");
        assertThatThrownBy(() -> new FlushPolicy(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log.flush.interval.ms=-1");
        assertThatThrownBy(() -> FlushPolicy.DEFAULT.shouldFlush(-1, 0))
                .hasMessageContaining("unflushedMessages=-1");
    }
}
