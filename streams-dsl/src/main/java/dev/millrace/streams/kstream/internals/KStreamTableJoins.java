package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.GlobalKTable;
import dev.millrace.streams.kstream.Joined;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.Named;
import dev.millrace.streams.kstream.ValueJoinerWithKey;
import dev.millrace.streams.kstream.internals.graph.ProcessorGraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;

import java.util.Objects;
import java.util.Set;

/**
 * Builds stream-table and stream-global-table joins as Kafka Streams does: a re-keyed stream is repartitioned
 * first (topic named after the join or the stream), the join processor is connected to the table's stores, the
 * inputs are declared co-partitioned, and left joins keep null keys upstream. Stateless.
 */
final class KStreamTableJoins {

    private static final String JOIN_NAME = "KSTREAM-JOIN-";
    private static final String LEFTJOIN_NAME = "KSTREAM-LEFTJOIN-";

    private KStreamTableJoins() {
    }

    static <K, V, VT, VOut> KStream<K, VOut> streamTableJoin(
            KStreamImpl<K, V> stream, KTable<K, VT> table,
            ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> joiner, Joined<K, V, VT> joined,
            boolean leftJoin) {
        Objects.requireNonNull(table, "table cannot be null");
        Objects.requireNonNull(joiner, "joiner cannot be null");
        Objects.requireNonNull(joined, "joined cannot be null");
        JoinedInternal<K, V, VT> internal = new JoinedInternal<>(joined);
        KStreamImpl<K, V> input = stream;
        if (stream.repartitionRequired) {
            String prefix = internal.name() != null ? internal.name() : stream.name;
            input = stream.repartitionForJoin(prefix, internal.keySerde(), internal.leftValueSerde());
        }
        KTableImpl<K, VT> tableImpl = (KTableImpl<K, VT>) table;
        Set<String> sources = input.ensureCopartitionWith(Set.of(tableImpl));
        String nodeName = new NamedInternal(internal.name()).orElseGenerateWithPrefix(input.builder,
                leftJoin ? LEFTJOIN_NAME : JOIN_NAME);
        if (internal.gracePeriod() != null) {
            // only versioned tables allow a grace period; Millrace has no versioned KTables yet
            throw new IllegalArgumentException(
                    "KTable must be versioned to use a grace period in a stream table join.");
        }
        KTableValueGetterSupplier<K, VT> getters = tableImpl.valueGetterSupplier();
        KStreamTableJoin<K, V, K, VT, VOut> processor =
                new KStreamTableJoin<>(getters, (key, value) -> key, joiner, leftJoin);
        ProcessorGraphNode node = new ProcessorGraphNode(nodeName, new ProcessorParameters(processor, nodeName),
                tableImpl.valueGetterSupplier().storeNames());
        input.builder.addGraphNode(input.graphNode, node);
        if (leftJoin) {
            node.markNullKeyRelaxedJoin();
        }
        return new KStreamImpl<>(nodeName, internal.keySerde() != null ? internal.keySerde() : input.keySerde,
                null, sources, false, node, input.builder);
    }

    static <K, V, GK, GV, VOut> KStream<K, VOut> globalTableJoin(
            KStreamImpl<K, V> stream, GlobalKTable<GK, GV> globalTable,
            KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
            ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut> joiner, boolean leftJoin,
            Named named) {
        Objects.requireNonNull(globalTable, "globalTable cannot be null");
        Objects.requireNonNull(keySelector, "keySelector cannot be null");
        Objects.requireNonNull(joiner, "joiner cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        KTableValueGetterSupplier<GK, GV> getters = ((GlobalKTableImpl<GK, GV>) globalTable).valueGetterSupplier();
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(stream.builder, LEFTJOIN_NAME);
        KStreamTableJoin<K, V, GK, GV, VOut> processor = new KStreamTableJoin<>(getters, keySelector, joiner,
                leftJoin);
        ProcessorGraphNode node = new ProcessorGraphNode(nodeName, new ProcessorParameters(processor, nodeName));
        if (leftJoin) {
            node.markNullKeyRelaxedJoin();
        }
        stream.builder.addGraphNode(stream.graphNode, node);
        return new KStreamImpl<>(nodeName, stream.keySerde, null, stream.subTopologySourceNodes,
                stream.repartitionRequired, node, stream.builder);
    }
}
