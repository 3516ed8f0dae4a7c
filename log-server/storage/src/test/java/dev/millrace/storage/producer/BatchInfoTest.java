package dev.millrace.storage.producer;

import dev.millrace.protocol.error.ErrorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchInfoTest {

    @Test
    void shouldRejectSequenceSpanThatDiffersFromOffsetSpan() {
        assertThatThrownBy(() -> new BatchInfo(1, (short) 0, 0, 5, 10, 12, 0, false, false, null, -1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sequenceSpan=5")
            .hasMessageContaining("reason=sequenceSpanDiffersFromOffsetSpan");
    }

    @Test
    void shouldAcceptSequenceSpanAcrossTheWrap() {
        BatchInfo batch = new BatchInfo(1, (short) 0, Integer.MAX_VALUE, 1, 10, 12, 0, false, false, null, -1);
        assertThat(batch.offsetDelta()).isEqualTo(2);
    }

    @Test
    void shouldRejectNegativeSequenceForIdempotentBatch() {
        assertThatThrownBy(() -> new BatchInfo(1, (short) 0, -1, -1, 10, 10, 0, false, false, null, -1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("reason=negativeEpochOrSequence");
    }

    @Test
    void shouldRejectMarkerTypeOnDataBatchAndMissingMarkerTypeOnControlBatch() {
        assertThatThrownBy(() -> new BatchInfo(1, (short) 0, 0, 0, 10, 10, 0, true, false, MarkerType.COMMIT, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchInfo(1, (short) 0, -1, -1, 10, 10, 0, true, true, null, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectMarkerSpanningSeveralOffsetsOrWithoutProducerId() {
        assertThatThrownBy(() -> new BatchInfo(1, (short) 0, -1, -1, 10, 11, 0, true, true, MarkerType.ABORT, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchInfo(-1, (short) 0, -1, -1, 10, 10, 0, true, true, MarkerType.ABORT, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectOffsetsOutOfOrder() {
        assertThatThrownBy(() -> new BatchInfo(-1, (short) -1, -1, -1, 10, 9, 0, false, false, null, -1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("reason=offsetsOutOfRange");
    }

    @Test
    void shouldIgnoreSequencesOfBatchWithoutProducerId() {
        BatchInfo batch = new BatchInfo(-1, (short) -1, -1, -1, 0, 99, 0, false, false, null, -1);
        assertThat(batch.hasProducerId()).isFalse();
    }

    @Test
    void shouldComputeSequenceArithmeticWithWrap() {
        assertThat(Sequences.follows(Integer.MAX_VALUE, 0)).isTrue();
        assertThat(Sequences.follows(4, 5)).isTrue();
        assertThat(Sequences.follows(4, 6)).isFalse();
        assertThat(Sequences.follows(Integer.MAX_VALUE, 1)).isFalse();
        assertThat(Sequences.span(Integer.MAX_VALUE - 4, 5)).isEqualTo(10);
        assertThat(Sequences.decrement(5, 10)).isEqualTo(Integer.MAX_VALUE - 4);
        assertThat(Sequences.decrement(10, 3)).isEqualTo(7);
        assertThat(new BatchMetadata(1, 50, 3, 0).firstSequence()).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(new BatchMetadata(1, 50, 3, 0).firstOffset()).isEqualTo(47);
    }
}
