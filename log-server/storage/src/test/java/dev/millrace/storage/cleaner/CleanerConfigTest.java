package dev.millrace.storage.cleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.log.LogConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanerConfigTest {
    @Test
    void shouldUseKafkasDefaults() {
        CleanerConfig config = CleanerConfig.defaults();

        assertThat(config.enable()).isTrue();
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.dedupeBufferSize()).isEqualTo(128L * 1024 * 1024);
        assertThat(config.ioBufferSize()).isEqualTo(512 * 1024);
        assertThat(config.ioBufferLoadFactor()).isEqualTo(0.9);
        assertThat(config.backoffMs()).isEqualTo(15_000);
        assertThat(config.minCleanableRatio()).isEqualTo(0.5);
        assertThat(config.minCompactionLagMs()).isZero();
        assertThat(config.maxCompactionLagMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(config.deleteRetentionMs()).isEqualTo(86_400_000L);
    }

    @Test
    void shouldSplitBuffersBetweenThreads() {
        CleanerConfig config = CleanerConfig.parse(Map.of(CleanerConfig.THREADS, "4",
                CleanerConfig.IO_BUFFER_SIZE, "1048576"));

        assertThat(config.dedupeBufferBytesPerThread()).isEqualTo(32 * 1024 * 1024);
        assertThat(config.ioBufferBytesPerThread()).isEqualTo(128 * 1024);
    }

    @Test
    void shouldCapTheDedupeBufferOfOneThreadAtTwoGibibytes() {
        CleanerConfig config = CleanerConfig.parse(Map.of(CleanerConfig.DEDUPE_BUFFER_SIZE, "8589934592"));

        assertThat(config.dedupeBufferBytesPerThread()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRejectUnknownKeysAndOutOfRangeValues() {
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of("log.cleaner.nope", "1")))
                .hasMessageContaining("reason=unknownCleanerConfig");
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of(CleanerConfig.THREADS, "0")))
                .hasMessageContaining("config=log.cleaner.threads");
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of(CleanerConfig.IO_BUFFER_LOAD_FACTOR, "0")))
                .hasMessageContaining("config=log.cleaner.io.buffer.load.factor");
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of(CleanerConfig.MIN_CLEANABLE_RATIO, "1.5")))
                .hasMessageContaining("config=log.cleaner.min.cleanable.ratio");
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of(CleanerConfig.ENABLE, "yes")))
                .hasMessageContaining("reason=notABoolean");
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of(CleanerConfig.DEDUPE_BUFFER_SIZE, "10")))
                .hasMessageContaining("reason=mustHoldOneEntryPerThread");
        assertThatThrownBy(() -> CleanerConfig.parse(Map.of(CleanerConfig.BACKOFF_MS, "x")))
                .hasMessageContaining("reason=notAnInteger");
    }

    @Test
    void shouldOfferItsTopicDefaultsUnderLogConfigNames() {
        CleanerConfig config = CleanerConfig.parse(Map.of(CleanerConfig.MIN_CLEANABLE_RATIO, "0.25",
                CleanerConfig.DELETE_RETENTION_MS, "1000"));

        Map<String, String> merged = new HashMap<>(config.topicDefaults());
        merged.put(LogConfig.CLEANUP_POLICY, "compact");
        LogConfig topic = LogConfig.parse(merged);

        assertThat(topic.minCleanableDirtyRatio()).isEqualTo(0.25);
        assertThat(topic.deleteRetentionMs()).isEqualTo(1000);
        assertThat(topic.maxCompactionLagMs()).isEqualTo(Long.MAX_VALUE);
    }
}
