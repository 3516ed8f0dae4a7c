package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.ByteArraySerializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adapters of Millrace stores, Kafka Streams stores and a sorted-map model to {@link KeyValueOps}. */
final class KeyValueStoreAdapters {

    private KeyValueStoreAdapters() {
    }

    static KeyValueOps millrace(KeyValueStore<Bytes, byte[]> store) {
        return new MillraceOps(store);
    }

    static KeyValueOps kafka(org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes,
            byte[]> store) {
        return new KafkaOps(store);
    }

    /**
     * The model: a sorted map. Scans take the keys in range when opened and read each value when reached,
     * skipping keys deleted meanwhile, which is the specified iterator behaviour.
     */
    static KeyValueOps model() {
        return new SortedMapModel();
    }

    /** The specified meaning of each scan kind, written independently of any store. */
    static boolean matches(String kind, Bytes key, Bytes from, Bytes to) {
        switch (kind) {
            case "prefix":
                byte[] k = key.get();
                byte[] p = from.get();
                if (k.length < p.length) {
                    return false;
                }
                for (int i = 0; i < p.length; i++) {
                    if (k[i] != p[i]) {
                        return false;
                    }
                }
                return true;
            case "all":
            case "reverseAll":
                return true;
            default:
                if (from != null && to != null && from.compareTo(to) > 0) {
                    return false;
                }
                return (from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) <= 0);
        }
    }

    private static final class MillraceOps implements KeyValueOps {
        private final KeyValueStore<Bytes, byte[]> store;

        MillraceOps(KeyValueStore<Bytes, byte[]> store) {
            this.store = store;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            store.put(key, value);
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            return store.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<Map.Entry<Bytes, byte[]>> entries) {
            List<KeyValue<Bytes, byte[]>> list = new ArrayList<>();
            entries.forEach(e -> list.add(KeyValue.pair(e.getKey(), e.getValue())));
            store.putAll(list);
        }

        @Override
        public byte[] delete(Bytes key) {
            return store.delete(key);
        }

        @Override
        public byte[] get(Bytes key) {
            return store.get(key);
        }

        @Override
        public Iterator<Map.Entry<Bytes, byte[]>> scan(String kind, Bytes from, Bytes to) {
            KeyValueIterator<Bytes, byte[]> it;
            switch (kind) {
                case "range": it = store.range(from, to); break;
                case "reverseRange": it = store.reverseRange(from, to); break;
                case "all": it = store.all(); break;
                case "reverseAll": it = store.reverseAll(); break;
                default: it = store.prefixScan(from.get(), new ByteArraySerializer());
            }
            KeyValueIterator<Bytes, byte[]> iterator = it;
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                @Override
                public Map.Entry<Bytes, byte[]> next() {
                    KeyValue<Bytes, byte[]> next = iterator.next();
                    return new AbstractMap.SimpleEntry<>(next.key, next.value);
                }
            };
        }

        @Override
        public long count() {
            return store.approximateNumEntries();
        }
    }

    private static final class KafkaOps implements KeyValueOps {
        private final org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> store;

        KafkaOps(org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> store) {
            this.store = store;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            store.put(KafkaOracle.toKafka(key), value);
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            return store.putIfAbsent(KafkaOracle.toKafka(key), value);
        }

        @Override
        public void putAll(List<Map.Entry<Bytes, byte[]>> entries) {
            List<org.apache.kafka.streams.KeyValue<org.apache.kafka.common.utils.Bytes, byte[]>> list =
                    new ArrayList<>();
            entries.forEach(e -> list.add(org.apache.kafka.streams.KeyValue.pair(
                    KafkaOracle.toKafka(e.getKey()), e.getValue())));
            store.putAll(list);
        }

        @Override
        public byte[] delete(Bytes key) {
            return store.delete(KafkaOracle.toKafka(key));
        }

        @Override
        public byte[] get(Bytes key) {
            return store.get(KafkaOracle.toKafka(key));
        }

        @Override
        public Iterator<Map.Entry<Bytes, byte[]>> scan(String kind, Bytes from, Bytes to) {
            org.apache.kafka.common.utils.Bytes kFrom = KafkaOracle.toKafka(from);
            org.apache.kafka.common.utils.Bytes kTo = KafkaOracle.toKafka(to);
            org.apache.kafka.streams.state.KeyValueIterator<org.apache.kafka.common.utils.Bytes, byte[]> it;
            switch (kind) {
                case "range": it = store.range(kFrom, kTo); break;
                case "reverseRange": it = store.reverseRange(kFrom, kTo); break;
                case "all": it = store.all(); break;
                case "reverseAll": it = store.reverseAll(); break;
                default: it = store.prefixScan(from.get(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer());
            }
            org.apache.kafka.streams.state.KeyValueIterator<org.apache.kafka.common.utils.Bytes, byte[]> iterator =
                    it;
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                @Override
                public Map.Entry<Bytes, byte[]> next() {
                    org.apache.kafka.streams.KeyValue<org.apache.kafka.common.utils.Bytes, byte[]> next =
                            iterator.next();
                    return new AbstractMap.SimpleEntry<>(KafkaOracle.fromKafka(next.key), next.value);
                }
            };
        }

        @Override
        public long count() {
            return store.approximateNumEntries();
        }
    }

    private static final class SortedMapModel implements KeyValueOps {
        private final TreeMap<Bytes, byte[]> map = new TreeMap<>();

        SortedMapModel() {
        }

        @Override
        public void put(Bytes key, byte[] value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            byte[] existing = map.get(key);
            if (existing == null) {
                put(key, value);
            }
            return existing;
        }

        @Override
        public void putAll(List<Map.Entry<Bytes, byte[]>> entries) {
            entries.forEach(e -> put(e.getKey(), e.getValue()));
        }

        @Override
        public byte[] delete(Bytes key) {
            return map.remove(key);
        }

        @Override
        public byte[] get(Bytes key) {
            return map.get(key);
        }

        @Override
        public Iterator<Map.Entry<Bytes, byte[]>> scan(String kind, Bytes from, Bytes to) {
            List<Bytes> keys = new ArrayList<>();
            for (Bytes key : map.keySet()) {
                if (matches(kind, key, from, to)) {
                    keys.add(key);
                }
            }
            if (kind.startsWith("reverse")) {
                java.util.Collections.reverse(keys);
            }
            Iterator<Bytes> keyIterator = keys.iterator();
            return new Iterator<>() {
                private Map.Entry<Bytes, byte[]> next;

                @Override
                public boolean hasNext() {
                    while (next == null && keyIterator.hasNext()) {
                        Bytes key = keyIterator.next();
                        if (map.containsKey(key)) {
                            next = new AbstractMap.SimpleEntry<>(key, map.get(key));
                        }
                    }
                    return next != null;
                }

                @Override
                public Map.Entry<Bytes, byte[]> next() {
                    hasNext();
                    Map.Entry<Bytes, byte[]> result = next;
                    next = null;
                    return result;
                }
            };
        }

        @Override
        public long count() {
            return map.size();
        }
    }
}
