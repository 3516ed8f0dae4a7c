package dev.millrace.common.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The plain header value class: equality by key and value bytes, null values allowed, null keys not. */
class RecordHeaderTest {

    @Test
    void shouldCompareByKeyAndValueBytes() {
        RecordHeader header = new RecordHeader("trace", new byte[] {1, 2});

        assertThat(header).isEqualTo(new RecordHeader("trace", new byte[] {1, 2}))
                .hasSameHashCodeAs(new RecordHeader("trace", new byte[] {1, 2}))
                .isNotEqualTo(new RecordHeader("trace", new byte[] {1}))
                .isNotEqualTo(new RecordHeader("other", new byte[] {1, 2}))
                .isNotEqualTo(new RecordHeader("trace", null));
        assertThat(header.key()).isEqualTo("trace");
        assertThat(header.value()).containsExactly(1, 2);
    }

    @Test
    void shouldAllowNullValue() {
        RecordHeader header = new RecordHeader("k", null);

        assertThat(header.value()).isNull();
        assertThat(header).isEqualTo(new RecordHeader("k", null)).hasSameHashCodeAs(new RecordHeader("k", null));
        assertThat(header.toString()).isEqualTo("RecordHeader(key = k, value = null)");
    }

    @Test
    void shouldRejectNullKey() {
        assertThatThrownBy(() -> new RecordHeader(null, new byte[0]))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reason=nullHeaderKey");
    }
}
