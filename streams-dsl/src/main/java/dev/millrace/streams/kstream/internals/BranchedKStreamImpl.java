package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.Branched;
import dev.millrace.streams.kstream.BranchedKStream;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.Predicate;
import dev.millrace.streams.kstream.internals.graph.ProcessorGraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link BranchedKStream} implementation: one {@code KSTREAM-BRANCH-} splitter node whose children are
 * pass-through nodes named {@code <splitter><branch name or position>} (the default branch is position 0).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {

    private static final String BRANCH_NAME = "KSTREAM-BRANCH-";

    private final KStreamImpl<K, V> source;
    private final boolean repartitionRequired;
    private final String splitterName;
    private final Map<String, KStream<K, V>> outputBranches = new HashMap<>();
    private final List<Predicate<? super K, ? super V>> predicates = new ArrayList<>();
    private final List<String> childNames = new ArrayList<>();
    private final ProcessorGraphNode splitterNode;

    BranchedKStreamImpl(KStreamImpl<K, V> source, boolean repartitionRequired, NamedInternal named) {
        this.source = source;
        this.repartitionRequired = repartitionRequired;
        this.splitterName = named.orElseGenerateWithPrefix(source.builder, BRANCH_NAME);
        this.splitterNode = new ProcessorGraphNode(splitterName,
                new ProcessorParameters(StreamOperators.branch(predicates, childNames), splitterName));
        source.builder.addGraphNode(source.graphNode, splitterNode);
    }

    @Override
    public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate) {
        return branch(predicate, BranchedInternal.empty());
    }

    @Override
    public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched) {
        Objects.requireNonNull(predicate, "predicate cannot be null");
        Objects.requireNonNull(branched, "branched cannot be null");
        predicates.add(predicate);
        createBranch(branched, predicates.size());
        return this;
    }

    @Override
    public Map<String, KStream<K, V>> defaultBranch() {
        return defaultBranch(BranchedInternal.empty());
    }

    @Override
    public Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched) {
        Objects.requireNonNull(branched, "branched cannot be null");
        createBranch(branched, 0);
        return outputBranches;
    }

    @Override
    public Map<String, KStream<K, V>> noDefaultBranch() {
        return outputBranches;
    }

    private void createBranch(Branched<K, V> branched, int index) {
        BranchedInternal<K, V> internal = new BranchedInternal<>(branched);
        String childName = splitterName + (internal.name() == null ? String.valueOf(index) : internal.name());
        childNames.add(childName);
        source.builder.newProcessorName(childName);
        ProcessorGraphNode childNode = new ProcessorGraphNode(childName,
                new ProcessorParameters(StreamOperators.passThrough(), childName));
        source.builder.addGraphNode(splitterNode, childNode);
        KStreamImpl<K, V> branch = new KStreamImpl<>(childName, source.keySerde, source.valueSerde,
                source.subTopologySourceNodes, repartitionRequired, childNode, source.builder);
        if (internal.chainFunction() != null) {
            KStream<K, V> transformed = internal.chainFunction().apply(branch);
            if (transformed != null) {
                outputBranches.put(childName, transformed);
            }
        } else if (internal.chainConsumer() != null) {
            internal.chainConsumer().accept(branch);
        } else {
            outputBranches.put(childName, branch);
        }
    }
}
