package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.TimestampedKeyQuery;
import dev.millrace.streams.query.TimestampedRangeQuery;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;

import java.util.function.Function;

/**
 * The typed face of a timestamped key-value store: values are stored in the timestamped format (8-byte
 * timestamp, then the value bytes). See {@link TypedKeyValueStore}.
 *
 * <p>Interactive queries, as in Kafka Streams: {@link KeyQuery} and {@link RangeQuery} answer plain values,
 * {@link TimestampedKeyQuery} and {@link TimestampedRangeQuery} answer values with their timestamps; all four go
 * to the store below as key or range queries over bytes.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TypedTimestampedKeyValueStore<K, V> extends TypedKeyValueStore<K, ValueAndTimestamp<V>>
        implements TimestampedKeyValueStore<K, V> {

    TypedTimestampedKeyValueStore(KeyValueStore<Bytes, byte[]> inner, SerdeSource<K> keySerde,
                                  SerdeSource<ValueAndTimestamp<V>> valueSerde) {
        super(inner, keySerde, valueSerde);
    }

    @Override
    <R> QueryResult<R> runQuery(Query<R> query, PositionBound positionBound, QueryConfig config) {
        Function<ValueAndTimestamp<V>, V> plain = ValueAndTimestamp::value;
        if (query instanceof KeyQuery<?, ?> keyQuery) {
            return StoreQueries.resultOf(queryKey(keyQuery.getKey(), positionBound, config, plain));
        }
        if (query instanceof TimestampedKeyQuery<?, ?> keyQuery) {
            return StoreQueries.resultOf(queryKey(keyQuery.key(), positionBound, config, Function.identity()));
        }
        if (query instanceof RangeQuery<?, ?> rangeQuery) {
            return StoreQueries.resultOf(queryRange(rangeQuery.getLowerBound(), rangeQuery.getUpperBound(),
                    rangeQuery.resultOrder(), positionBound, config, plain));
        }
        if (query instanceof TimestampedRangeQuery<?, ?> rangeQuery) {
            return StoreQueries.resultOf(queryRange(rangeQuery.lowerBound(), rangeQuery.upperBound(),
                    rangeQuery.resultOrder(), positionBound, config, Function.identity()));
        }
        return wrapped().query(query, positionBound, config);
    }
}
