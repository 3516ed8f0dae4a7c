package dev.millrace.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.streams.query.internals.InternalQueryResultUtil;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The query types, request and result holders next to Kafka Streams' own (the oracle): factories, accessors,
 * defaults, validation (exception types and, where Kafka Streams has them, messages) and {@code toString}.
 */
class QueryTypesTest {

    private static final Instant T1 = Instant.ofEpochMilli(1);
    private static final Instant T2 = Instant.ofEpochMilli(2);

    @Test
    void keyQueriesCarryKeyAndSkipCacheFlagAndRejectNullKeysLikeKafka() {
        KeyQuery<String, String> query = KeyQuery.withKey("k");
        org.apache.kafka.streams.query.KeyQuery<String, String> kafka =
                org.apache.kafka.streams.query.KeyQuery.withKey("k");
        assertThat(query.getKey()).isEqualTo(kafka.getKey());
        assertThat(query.isSkipCache()).isEqualTo(kafka.isSkipCache()).isFalse();
        assertThat(query.skipCache().isSkipCache()).isEqualTo(kafka.skipCache().isSkipCache()).isTrue();
        assertThat(query.skipCache().getKey()).isEqualTo("k");
        TimestampedKeyQuery<String, String> timestamped = TimestampedKeyQuery.withKey("k");
        assertThat(timestamped.key()).isEqualTo("k");
        assertThat(timestamped.skipCache().isSkipCache()).isTrue();
        assertSameNullPointer(() -> KeyQuery.withKey(null),
                () -> org.apache.kafka.streams.query.KeyQuery.withKey(null));
        assertSameNullPointer(() -> TimestampedKeyQuery.withKey(null),
                () -> org.apache.kafka.streams.query.TimestampedKeyQuery.withKey(null));
        assertSameNullPointer(() -> VersionedKeyQuery.withKey(null),
                () -> org.apache.kafka.streams.query.VersionedKeyQuery.withKey(null));
        assertSameNullPointer(() -> VersionedKeyQuery.withKey("k").asOf(null),
                () -> org.apache.kafka.streams.query.VersionedKeyQuery.withKey("k").asOf(null));
        assertSameNullPointer(() -> MultiVersionedKeyQuery.withKey(null),
                () -> org.apache.kafka.streams.query.MultiVersionedKeyQuery.withKey(null));
    }

    private static void assertSameNullPointer(Runnable ours, Runnable kafka) {
        String expected = null;
        try {
            kafka.run();
        } catch (NullPointerException e) {
            expected = e.getMessage();
        }
        assertThatThrownBy(ours::run).isInstanceOf(NullPointerException.class).hasMessage(expected);
    }

    @Test
    void rangeQueriesHaveKafkasBoundsAndOrders() {
        assertRange(RangeQuery.withRange("a", "b"), org.apache.kafka.streams.query.RangeQuery.withRange("a", "b"));
        assertRange(RangeQuery.withRange(null, "b"), org.apache.kafka.streams.query.RangeQuery.withRange(null, "b"));
        assertRange(RangeQuery.withLowerBound("a"), org.apache.kafka.streams.query.RangeQuery.withLowerBound("a"));
        assertRange(RangeQuery.withUpperBound("b"), org.apache.kafka.streams.query.RangeQuery.withUpperBound("b"));
        assertRange(RangeQuery.withNoBounds(), org.apache.kafka.streams.query.RangeQuery.withNoBounds());
        assertRange(RangeQuery.<String, String>withNoBounds().withDescendingKeys(),
                org.apache.kafka.streams.query.RangeQuery.<String, String>withNoBounds().withDescendingKeys());
        assertRange(RangeQuery.<String, String>withRange("a", "b").withAscendingKeys(),
                org.apache.kafka.streams.query.RangeQuery.<String, String>withRange("a", "b").withAscendingKeys());
        assertThatThrownBy(() -> RangeQuery.withLowerBound(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RangeQuery.withUpperBound(null)).isInstanceOf(NullPointerException.class);
        TimestampedRangeQuery<String, String> timestamped = TimestampedRangeQuery.<String, String>withRange("a", null)
                .withDescendingKeys();
        assertThat(timestamped.lowerBound()).contains("a");
        assertThat(timestamped.upperBound()).isEmpty();
        assertThat(timestamped.resultOrder()).isEqualTo(ResultOrder.DESCENDING);
        assertThat(TimestampedRangeQuery.withNoBounds().resultOrder()).isEqualTo(ResultOrder.ANY);
        assertThat(TimestampedRangeQuery.withUpperBound("b").withAscendingKeys().upperBound()).contains("b");
        assertThat(TimestampedRangeQuery.withLowerBound("a").lowerBound()).contains("a");
        assertThatThrownBy(() -> TimestampedRangeQuery.withLowerBound(null)).isInstanceOf(NullPointerException.class);
        assertThat(ResultOrder.values()).extracting(Enum::name).containsExactly(
                List.of(org.apache.kafka.streams.query.ResultOrder.values()).stream().map(Enum::name)
                        .toArray(String[]::new));
    }

    private static void assertRange(RangeQuery<String, String> ours,
                                    org.apache.kafka.streams.query.RangeQuery<String, String> kafka) {
        assertThat(ours.getLowerBound()).isEqualTo(kafka.getLowerBound());
        assertThat(ours.getUpperBound()).isEqualTo(kafka.getUpperBound());
        assertThat(ours.resultOrder().name()).isEqualTo(kafka.resultOrder().name());
    }

    @Test
    void windowQueriesKeepTheirTimesInPlaceWhereKafkaSwapsThem() {
        WindowKeyQuery<String, String> query = WindowKeyQuery.withKeyAndWindowStartRange("k", T1, T2);
        org.apache.kafka.streams.query.WindowKeyQuery<String, String> kafka =
                org.apache.kafka.streams.query.WindowKeyQuery.withKeyAndWindowStartRange("k", T1, T2);
        assertThat(query.getKey()).isEqualTo(kafka.getKey());
        assertThat(query.getTimeFrom()).contains(T1).isEqualTo(kafka.getTimeTo());
        assertThat(query.getTimeTo()).contains(T2).isEqualTo(kafka.getTimeFrom());
        assertThat(query).hasToString("WindowKeyQuery{key=k, timeFrom=Optional[" + T1 + "], timeTo=Optional["
                + T2 + "]}");
        assertThatThrownBy(() -> WindowKeyQuery.withKeyAndWindowStartRange("k", null, T2))
                .isInstanceOf(NullPointerException.class);
        WindowRangeQuery<String, String> byKey = WindowRangeQuery.withKey("k");
        WindowRangeQuery<String, String> byTime = WindowRangeQuery.withWindowStartRange(T1, T2);
        assertThat(byKey.toString()).isEqualTo(org.apache.kafka.streams.query.WindowRangeQuery.withKey("k").toString());
        assertThat(byTime.toString()).isEqualTo(
                org.apache.kafka.streams.query.WindowRangeQuery.withWindowStartRange(T1, T2).toString());
        assertThat(byKey.getTimeFrom()).isEmpty();
        assertThat(byTime.getKey()).isEmpty();
        assertThat(byTime.getTimeTo()).contains(T2);
        assertThatThrownBy(() -> WindowRangeQuery.withKey(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void versionedQueriesHaveKafkasDefaults() {
        VersionedKeyQuery<String, String> latest = VersionedKeyQuery.withKey("k");
        assertThat(latest.key()).isEqualTo("k");
        assertThat(latest.asOfTimestamp()).isEmpty();
        assertThat(latest.asOf(T1).asOfTimestamp()).contains(T1);
        MultiVersionedKeyQuery<String, String> all = MultiVersionedKeyQuery.withKey("k");
        org.apache.kafka.streams.query.MultiVersionedKeyQuery<String, String> kafka =
                org.apache.kafka.streams.query.MultiVersionedKeyQuery.withKey("k");
        assertThat(all.resultOrder().name()).isEqualTo(kafka.resultOrder().name());
        assertThat(all.fromTime()).isEqualTo(kafka.fromTime()).isEmpty();
        MultiVersionedKeyQuery<String, String> ranged = all.fromTime(T1).toTime(T2).withAscendingTimestamps();
        assertThat(ranged.fromTime()).contains(T1);
        assertThat(ranged.toTime()).contains(T2);
        assertThat(ranged.resultOrder()).isEqualTo(ResultOrder.ASCENDING);
        assertThat(ranged.withDescendingTimestamps().resultOrder()).isEqualTo(ResultOrder.DESCENDING);
        assertThat(ranged.fromTime(null).fromTime()).isEmpty();
        assertThat(ranged.key()).isEqualTo("k");
    }

    @Test
    void queryResultsBehaveLikeKafkas() {
        QueryResult<String> success = QueryResult.forResult("r");
        assertThat(success.isSuccess()).isTrue();
        assertThat(success.isFailure()).isFalse();
        assertThatThrownBy(success::getFailureReason).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(success::getFailureMessage).isInstanceOf(IllegalArgumentException.class);
        success.addExecutionInfo("first");
        success.setPosition(Position.emptyPosition().withComponent("t", 0, 3L));
        assertThat(success.toString()).isEqualTo(
                "SucceededQueryResult{result=r, executionInfo=[first], position=Position{position={t={0=3}}}}");
        QueryResult<Integer> copy = InternalQueryResultUtil.copyAndSubstituteDeserializedResult(success, 7);
        assertThat(copy.getResult()).isEqualTo(7);
        assertThat(copy.getExecutionInfo()).containsExactly("first");
        assertThat(copy.getPosition()).isEqualTo(success.getPosition());
        QueryResult<String> failure = QueryResult.forFailure(FailureReason.STORE_EXCEPTION, "boom");
        assertThat(failure.isFailure()).isTrue();
        assertThat(failure.getFailureReason()).isEqualTo(FailureReason.STORE_EXCEPTION);
        assertThat(failure.getFailureMessage()).isEqualTo("boom");
        assertThatThrownBy(failure::getResult).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STORE_EXCEPTION").hasMessageContaining("boom");
        assertThatThrownBy(() -> InternalQueryResultUtil.copyAndSubstituteDeserializedResult(failure, 1))
                .isInstanceOf(IllegalArgumentException.class);
        QueryResult<String> notUpToBound = QueryResult.notUpToBound(Position.emptyPosition(),
                PositionBound.unbounded(), 3);
        assertThat(notUpToBound.getFailureReason()).isEqualTo(FailureReason.NOT_UP_TO_BOUND);
        assertThat(notUpToBound.getFailureMessage()).contains("partition=3");
        assertThat(FailureReason.values()).extracting(Enum::name).containsExactly(
                List.of(org.apache.kafka.streams.query.FailureReason.values()).stream().map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void positionBoundsPrintAndCompareLikeKafkas() {
        assertThat(PositionBound.unbounded().toString())
                .isEqualTo(org.apache.kafka.streams.query.PositionBound.unbounded().toString());
        Position position = Position.emptyPosition().withComponent("t", 1, 5L);
        PositionBound bound = PositionBound.at(position);
        position.withComponent("t", 1, 9L);
        assertThat(bound.position().getPartitionPositions("t")).isEqualTo(Map.of(1, 5L));
        assertThat(bound.isUnbounded()).isFalse();
        assertThat(bound.toString()).isEqualTo(org.apache.kafka.streams.query.PositionBound.at(
                org.apache.kafka.streams.query.Position.emptyPosition().withComponent("t", 1, 5L)).toString());
        assertThat(bound).isEqualTo(PositionBound.at(Position.fromMap(Map.of("t", Map.of(1, 5L)))));
        assertThatThrownBy(bound::hashCode).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stateQueryRequestsHaveKafkasDefaultsAndCopies() {
        KeyQuery<String, String> query = KeyQuery.withKey("k");
        StateQueryRequest<String> request = StateQueryRequest.inStore("store").withQuery(query);
        assertThat(request.getStoreName()).isEqualTo("store");
        assertThat(request.getQuery()).isSameAs(query);
        assertThat(request.getPositionBound().isUnbounded()).isTrue();
        assertThat(request.isAllPartitions()).isTrue();
        assertThat(request.executionInfoEnabled()).isFalse();
        assertThat(request.isRequireActive()).isFalse();
        assertThatThrownBy(request::getPartitions).isInstanceOf(IllegalStateException.class);
        PositionBound bound = PositionBound.at(Position.emptyPosition().withComponent("t", 0, 1L));
        StateQueryRequest<String> narrowed = request.withPartitions(Set.of(1, 2)).enableExecutionInfo()
                .requireActive().withPositionBound(bound);
        assertThat(narrowed.getPartitions()).containsExactlyInAnyOrder(1, 2);
        assertThat(narrowed.isAllPartitions()).isFalse();
        assertThat(narrowed.executionInfoEnabled()).isTrue();
        assertThat(narrowed.isRequireActive()).isTrue();
        assertThat(narrowed.getPositionBound().isUnbounded()).isFalse();
        assertThat(narrowed.withAllPartitions().isAllPartitions()).isTrue();
        assertThat(request.isRequireActive()).isFalse();
    }

    @Test
    void stateQueryResultsPickTheOnlyNonEmptyPartitionAndMergePositions() {
        StateQueryResult<String> result = new StateQueryResult<>();
        QueryResult<String> empty = QueryResult.forResult(null);
        empty.setPosition(Position.emptyPosition().withComponent("t", 0, 4L));
        QueryResult<String> found = QueryResult.forResult("v");
        found.setPosition(Position.emptyPosition().withComponent("t", 1, 7L));
        result.addResult(0, empty);
        result.addResult(1, found);
        result.addResult(2, QueryResult.forFailure(FailureReason.NOT_PRESENT, "gone"));
        assertThat(result.getOnlyPartitionResult()).isSameAs(found);
        assertThat(result.getPosition()).isEqualTo(Position.fromMap(Map.of("t", Map.of(0, 4L, 1, 7L))));
        assertThat(result.getGlobalResult()).isNull();
        result.addResult(3, QueryResult.forResult("w"));
        assertThatThrownBy(result::getOnlyPartitionResult).isInstanceOf(IllegalArgumentException.class);
        QueryResult<String> global = QueryResult.forResult("g");
        global.setPosition(Position.emptyPosition());
        result.setGlobalResult(global);
        assertThat(result.getPosition()).isSameAs(global.getPosition());
        assertThat(new StateQueryResult<String>().getOnlyPartitionResult()).isNull();
        assertThat(Optional.ofNullable(result.getPartitionResults().get(9))).isEmpty();
    }
}
