package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.GlobalKTable;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.Named;
import dev.millrace.streams.kstream.ValueJoiner;
import dev.millrace.streams.kstream.ValueJoinerWithKey;
import dev.millrace.streams.kstream.internals.graph.GraphNode;

import java.util.Set;

/**
 * The stream-global-table join overloads of {@link KStreamImpl}, kept in a base class to keep each file small;
 * every overload ends in {@link KStreamTableJoins#globalTableJoin}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class KStreamGlobalJoins<K, V> extends AbstractStream<K, V> implements KStream<K, V> {

    KStreamGlobalJoins(String name, Serde<K> keySerde, Serde<V> valueSerde, Set<String> sources, GraphNode node,
                       InternalStreamsBuilder builder) {
        super(name, keySerde, valueSerde, sources, node, builder);
    }

    abstract KStreamImpl<K, V> self();

    @Override
    public <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoiner<? super V, ? super GV, ? extends VOut> joiner) {
        return join(globalTable, keySelector, KStreamImpl.toJoinerWithKey(joiner), NamedInternal.empty());
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut>
                                                        joiner) {
        return join(globalTable, keySelector, joiner, NamedInternal.empty());
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoiner<? super V, ? super GV, ? extends VOut> joiner,
                                                Named named) {
        return join(globalTable, keySelector, KStreamImpl.toJoinerWithKey(joiner), named);
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                                KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut>
                                                        joiner, Named named) {
        return KStreamTableJoins.globalTableJoin(self(), globalTable, keySelector, joiner, false, named);
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                                    KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                    ValueJoiner<? super V, ? super GV, ? extends VOut> joiner) {
        return leftJoin(globalTable, keySelector, KStreamImpl.toJoinerWithKey(joiner), NamedInternal.empty());
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                                    KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                    ValueJoinerWithKey<? super K, ? super V, ? super GV,
                                                            ? extends VOut> joiner) {
        return leftJoin(globalTable, keySelector, joiner, NamedInternal.empty());
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                                    KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                    ValueJoiner<? super V, ? super GV, ? extends VOut> joiner,
                                                    Named named) {
        return leftJoin(globalTable, keySelector, KStreamImpl.toJoinerWithKey(joiner), named);
    }

    @Override
    public <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                                    KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                    ValueJoinerWithKey<? super K, ? super V, ? super GV,
                                                            ? extends VOut> joiner, Named named) {
        return KStreamTableJoins.globalTableJoin(self(), globalTable, keySelector, joiner, true, named);
    }
}
