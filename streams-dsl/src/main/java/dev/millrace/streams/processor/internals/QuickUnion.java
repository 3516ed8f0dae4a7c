package dev.millrace.streams.processor.internals;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Union-find over node names with path splitting: nodes connected by edges or by a shared store end up with the same
 * root, which defines the sub-topologies. The direction of each union matches Kafka Streams (the first argument's
 * root is attached under the second's), which only matters for which name becomes the root.
 *
 * @param <T> the element type
 */
final class QuickUnion<T> {

    private final Map<T, T> parents = new HashMap<>();

    void add(T id) {
        parents.put(id, id);
    }

    T root(T id) {
        T current = id;
        T parent = parents.get(current);
        if (parent == null) {
            throw new NoSuchElementException("id: " + id);
        }
        while (!parent.equals(current)) {
            T grandparent = parents.get(parent);
            parents.put(current, grandparent);
            current = parent;
            parent = grandparent;
        }
        return current;
    }

    @SafeVarargs
    final void unite(T id, T... others) {
        for (T other : others) {
            T rootA = root(id);
            T rootB = root(other);
            if (!rootA.equals(rootB)) {
                parents.put(rootA, rootB);
            }
        }
    }
}
