package dev.millrace.common.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Ids and names mirror Kafka's {@code org.apache.kafka.common.record.TimestampType} (test-scope oracle). */
class TimestampTypeTest {

    @Test
    void shouldMatchKafkaIdsAndNames() {
        assertThat(TimestampType.values()).hasSameSizeAs(org.apache.kafka.common.record.TimestampType.values());
        for (TimestampType type : TimestampType.values()) {
            var kafka = org.apache.kafka.common.record.TimestampType.valueOf(type.name());
            assertThat(type.id).isEqualTo(kafka.id);
            assertThat(type.name).isEqualTo(kafka.name);
            assertThat(type.toString()).isEqualTo(kafka.toString());
        }
    }

    @Test
    void shouldFindTypeByDisplayName() {
        assertThat(TimestampType.forName("CreateTime")).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(TimestampType.forName("LogAppendTime")).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(TimestampType.forName("NoTimestampType")).isEqualTo(TimestampType.NO_TIMESTAMP_TYPE);
    }

    @Test
    void shouldRejectUnknownDisplayName() {
        assertThatThrownBy(() -> TimestampType.forName("createtime"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("name=createtime");
    }
}
