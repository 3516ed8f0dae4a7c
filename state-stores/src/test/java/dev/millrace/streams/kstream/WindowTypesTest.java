package dev.millrace.streams.kstream;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.kstream.internals.TimeWindow;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.query.Position;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Value semantics of the window types, key-value pairs, task ids and positions, compared with Kafka's. */
class WindowTypesTest {

    @Test
    void shouldRenderAndHashWindowedKeysLikeKafka() {
        for (long start : new long[] {0, 5, 1L << 40}) {
            Windowed<String> ours = new Windowed<>("k", new TimeWindow(start, start + 10));
            org.apache.kafka.streams.kstream.Windowed<String> theirs = new org.apache.kafka.streams.kstream.Windowed<>(
                    "k", new org.apache.kafka.streams.kstream.internals.TimeWindow(start, start + 10));
            assertThat(ours.toString()).isEqualTo(theirs.toString());
            assertThat(ours.hashCode()).as("start=" + start).isEqualTo(theirs.hashCode());
            assertThat(ours.window().hashCode()).isEqualTo(theirs.window().hashCode());
        }
        assertThat(KeyValue.pair("a", 1).toString())
                .isEqualTo(org.apache.kafka.streams.KeyValue.pair("a", 1).toString());
    }

    @Test
    void shouldOverlapAsTheWindowTypeDefines() {
        assertThat(new TimeWindow(0, 10).overlap(new TimeWindow(10, 20))).isFalse();
        assertThat(new TimeWindow(0, 10).overlap(new TimeWindow(9, 20))).isTrue();
        assertThat(new SessionWindow(0, 10).overlap(new SessionWindow(10, 20))).isTrue();
        assertThat(new SessionWindow(0, 10).overlap(new SessionWindow(11, 20))).isFalse();
        assertThatThrownBy(() -> new TimeWindow(0, 10).overlap(new SessionWindow(0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TimeWindow(0, 10)).isNotEqualTo(new SessionWindow(0, 10));
    }

    @Test
    void shouldRejectInvalidWindowBounds() {
        assertThatThrownBy(() -> new TimeWindow(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionWindow(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SessionWindow(5, 5).end()).isEqualTo(5L);
    }

    @Test
    void shouldParseAndOrderTaskIdsLikeKafka() {
        for (String text : new String[] {"0_1", "12_3", "topo__2_5"}) {
            assertThat(TaskId.parse(text).toString()).isEqualTo(org.apache.kafka.streams.processor.TaskId.parse(text)
                    .toString());
        }
        assertThat(new TaskId(1, 2).compareTo(new TaskId(1, 3))).isNegative();
        assertThat(new TaskId(2, 0).compareTo(new TaskId(1, 3))).isPositive();
    }

    @Test
    void shouldKeepTheHighestOffsetPerPartition() {
        Position position = Position.emptyPosition().withComponent("t", 0, 5).withComponent("t", 0, 3);
        position.merge(Position.fromMap(Map.of("t", Map.of(1, 9L), "u", Map.of(0, 1L))));
        assertThat(position.getPartitionPositions("t")).containsEntry(0, 5L).containsEntry(1, 9L);
        assertThat(position.getTopics()).containsExactlyInAnyOrder("t", "u");
        assertThat(position.copy()).isEqualTo(position);
        assertThatThrownBy(position::hashCode).isInstanceOf(UnsupportedOperationException.class);
    }
}
