package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Adapters of Millrace's and Kafka Streams' window stores, and the window store model, to {@link WindowOps}. */
final class WindowStoreAdapters {

    private WindowStoreAdapters() {
    }

    static String windowed(Bytes key, long start, long end, byte[] value) {
        return key + "@" + start + "/" + end + "=" + Arrays.toString(value);
    }

    static WindowOps millrace(WindowStore<Bytes, byte[]> store) {
        return new MillraceOps(store);
    }

    static WindowOps kafka(org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]>
                                   store) {
        return new KafkaOps(store);
    }

    /**
     * The model: a flat list of records with the specified retention rules, sorted on every read by window start
     * then stored key (the key, followed by the sequence number when duplicates are retained).
     */
    static WindowOps model(long retention, long windowSize, boolean duplicates) {
        return new ListModel(retention, windowSize, duplicates);
    }

    private static final class MillraceOps implements WindowOps {
        private final WindowStore<Bytes, byte[]> store;

        MillraceOps(WindowStore<Bytes, byte[]> store) {
            this.store = store;
        }

        @Override
        public void put(Bytes key, byte[] value, long windowStart) {
            store.put(key, value, windowStart);
        }

        @Override
        public byte[] fetch(Bytes key, long time) {
            return store.fetch(key, time);
        }

        @Override
        public List<String> fetchKey(Bytes key, long from, long to, boolean forward) {
            try (WindowStoreIterator<byte[]> it = forward ? store.fetch(key, from, to)
                    : store.backwardFetch(key, from, to)) {
                List<String> out = new ArrayList<>();
                it.forEachRemaining(kv -> out.add(kv.key + "=" + Arrays.toString(kv.value)));
                return out;
            }
        }

        @Override
        public List<String> fetchRange(Bytes keyFrom, Bytes keyTo, long from, long to, boolean forward) {
            return drain(forward ? store.fetch(keyFrom, keyTo, from, to)
                    : store.backwardFetch(keyFrom, keyTo, from, to), null);
        }

        @Override
        public List<String> fetchAll(long from, long to, boolean forward) {
            return drain(forward ? store.fetchAll(from, to) : store.backwardFetchAll(from, to), null);
        }

        @Override
        public List<String> all(boolean forward) {
            return drain(forward ? store.all() : store.backwardAll(), null);
        }

        @Override
        public List<String> fetchAllWhileWriting(long from, long to, Runnable writes) {
            return drain(store.fetchAll(from, to), writes);
        }

        private List<String> drain(KeyValueIterator<Windowed<Bytes>, byte[]> it, Runnable afterFirst) {
            try (it) {
                List<String> out = new ArrayList<>();
                while (it.hasNext()) {
                    KeyValue<Windowed<Bytes>, byte[]> kv = it.next();
                    out.add(windowed(kv.key.key(), kv.key.window().start(), kv.key.window().end(), kv.value));
                    if (afterFirst != null && out.size() == 1) {
                        afterFirst.run();
                    }
                }
                return out;
            }
        }
    }

    private static final class KafkaOps implements WindowOps {
        private final org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]> store;

        KafkaOps(org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]> store) {
            this.store = store;
        }

        @Override
        public void put(Bytes key, byte[] value, long windowStart) {
            store.put(KafkaOracle.toKafka(key), value, windowStart);
        }

        @Override
        public byte[] fetch(Bytes key, long time) {
            return store.fetch(KafkaOracle.toKafka(key), time);
        }

        @Override
        public List<String> fetchKey(Bytes key, long from, long to, boolean forward) {
            try (org.apache.kafka.streams.state.WindowStoreIterator<byte[]> it = forward
                    ? store.fetch(KafkaOracle.toKafka(key), from, to)
                    : store.backwardFetch(KafkaOracle.toKafka(key), from, to)) {
                List<String> out = new ArrayList<>();
                it.forEachRemaining(kv -> out.add(kv.key + "=" + Arrays.toString(kv.value)));
                return out;
            }
        }

        @Override
        public List<String> fetchRange(Bytes keyFrom, Bytes keyTo, long from, long to, boolean forward) {
            return drain(forward ? store.fetch(KafkaOracle.toKafka(keyFrom), KafkaOracle.toKafka(keyTo), from, to)
                    : store.backwardFetch(KafkaOracle.toKafka(keyFrom), KafkaOracle.toKafka(keyTo), from, to),
                    null);
        }

        @Override
        public List<String> fetchAll(long from, long to, boolean forward) {
            return drain(forward ? store.fetchAll(from, to) : store.backwardFetchAll(from, to), null);
        }

        @Override
        public List<String> all(boolean forward) {
            return drain(forward ? store.all() : store.backwardAll(), null);
        }

        @Override
        public List<String> fetchAllWhileWriting(long from, long to, Runnable writes) {
            return drain(store.fetchAll(from, to), writes);
        }

        private List<String> drain(org.apache.kafka.streams.state.KeyValueIterator<
                org.apache.kafka.streams.kstream.Windowed<org.apache.kafka.common.utils.Bytes>, byte[]> it,
                                   Runnable afterFirst) {
            try (it) {
                List<String> out = new ArrayList<>();
                while (it.hasNext()) {
                    org.apache.kafka.streams.KeyValue<org.apache.kafka.streams.kstream.Windowed<
                            org.apache.kafka.common.utils.Bytes>, byte[]> kv = it.next();
                    out.add(windowed(KafkaOracle.fromKafka(kv.key.key()), kv.key.window().start(),
                            kv.key.window().end(), kv.value));
                    if (afterFirst != null && out.size() == 1) {
                        afterFirst.run();
                    }
                }
                return out;
            }
        }
    }

    private static final class ListModel implements WindowOps {
        private final long retention;
        private final long windowSize;
        private final boolean duplicates;

        ListModel(long retention, long windowSize, boolean duplicates) {
            this.retention = retention;
            this.windowSize = windowSize;
            this.duplicates = duplicates;
        }

        private final List<Object[]> records = new ArrayList<>();
        private long observed = -1;
        private int seqnum;

        private void expire() {
            long minLive = Math.max(0, observed - retention + 1);
            records.removeIf(r -> (long) r[1] < minLive);
        }

        private Bytes stored(Object[] r) {
            return duplicates ? DuplicateKeys.wrap((Bytes) r[0], (int) r[3]) : (Bytes) r[0];
        }

        @Override
        public void put(Bytes key, byte[] value, long windowStart) {
            expire();
            observed = Math.max(observed, windowStart);
            if (windowStart <= observed - retention) {
                return;
            }
            if (value != null) {
                if (duplicates) {
                    seqnum = (seqnum + 1) & Integer.MAX_VALUE;
                } else {
                    records.removeIf(r -> r[0].equals(key) && (long) r[1] == windowStart);
                }
                records.add(new Object[] {key, windowStart, value, seqnum});
            } else if (!duplicates) {
                records.removeIf(r -> r[0].equals(key) && (long) r[1] == windowStart);
            }
        }

        @Override
        public byte[] fetch(Bytes key, long time) {
            expire();
            if (time <= observed - retention || duplicates) {
                return null;
            }
            for (Object[] r : records) {
                if (r[0].equals(key) && (long) r[1] == time) {
                    return (byte[]) r[2];
                }
            }
            return null;
        }

        private List<Object[]> select(Predicate<Object[]> filter, boolean forward) {
            List<Object[]> out = new ArrayList<>();
            for (Object[] r : records) {
                if (filter.test(r)) {
                    out.add(r);
                }
            }
            Comparator<Object[]> order = Comparator.<Object[]>comparingLong(r -> (long) r[1])
                    .thenComparing(this::stored);
            out.sort(forward ? order : order.reversed());
            return out;
        }

        private List<String> windowedText(List<Object[]> selected) {
            List<String> out = new ArrayList<>();
            for (Object[] r : selected) {
                out.add(windowed((Bytes) r[0], (long) r[1], (long) r[1] + windowSize, (byte[]) r[2]));
            }
            return out;
        }

        @Override
        public List<String> fetchKey(Bytes key, long from, long to, boolean forward) {
            expire();
            long minTime = Math.max(from, observed - retention + 1);
            List<String> out = new ArrayList<>();
            for (Object[] r : select(r -> r[0].equals(key) && (long) r[1] >= minTime && (long) r[1] <= to,
                    forward)) {
                out.add(r[1] + "=" + Arrays.toString((byte[]) r[2]));
            }
            return out;
        }

        @Override
        public List<String> fetchRange(Bytes keyFrom, Bytes keyTo, long from, long to, boolean forward) {
            expire();
            if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
                return List.of();
            }
            long minTime = Math.max(from, observed - retention + 1);
            return windowedText(select(r -> (keyFrom == null || ((Bytes) r[0]).compareTo(keyFrom) >= 0)
                    && (keyTo == null || ((Bytes) r[0]).compareTo(keyTo) <= 0)
                    && (long) r[1] >= minTime && (long) r[1] <= to, forward));
        }

        @Override
        public List<String> fetchAll(long from, long to, boolean forward) {
            return fetchRange(null, null, from, to, forward);
        }

        @Override
        public List<String> all(boolean forward) {
            expire();
            return windowedText(select(r -> (long) r[1] > observed - retention, forward));
        }
    }
}
