package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.SessionStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Adapters of Millrace's and Kafka Streams' session stores, and the session store model, to {@link SessionOps}. */
final class SessionStoreAdapters {

    private SessionStoreAdapters() {
    }

    static SessionOps millrace(SessionStore<Bytes, byte[]> store) {
        return new MillraceOps(store);
    }

    static SessionOps kafka(org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]>
                                    store) {
        return new KafkaOps(store);
    }

    /**
     * The model: a flat list of sessions {key, start, end, value} with the specified retention rules; searches
     * sort by end, then key, then start descending, and backward searches reverse that order.
     */
    static SessionOps model(long retention) {
        return new ListModel(retention);
    }

    private static final class MillraceOps implements SessionOps {
        private final SessionStore<Bytes, byte[]> store;

        MillraceOps(SessionStore<Bytes, byte[]> store) {
            this.store = store;
        }

        @Override
        public void put(Bytes key, long start, long end, byte[] value) {
            store.put(new Windowed<>(key, new SessionWindow(start, end)), value);
        }

        @Override
        public void remove(Bytes key, long start, long end) {
            store.remove(new Windowed<>(key, new SessionWindow(start, end)));
        }

        @Override
        public byte[] fetchSession(Bytes key, long start, long end) {
            return store.fetchSession(key, start, end);
        }

        @Override
        public List<String> findSessions(Bytes key, long earliestEnd, long latestStart, boolean forward) {
            return drain(forward ? store.findSessions(key, earliestEnd, latestStart)
                    : store.backwardFindSessions(key, earliestEnd, latestStart));
        }

        @Override
        public List<String> findSessionsRange(Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart,
                                              boolean forward) {
            return drain(forward ? store.findSessions(keyFrom, keyTo, earliestEnd, latestStart)
                    : store.backwardFindSessions(keyFrom, keyTo, earliestEnd, latestStart));
        }

        @Override
        public List<String> findSessionsByEnd(long earliestEnd, long latestEnd) {
            return drain(store.findSessions(earliestEnd, latestEnd));
        }

        @Override
        public List<String> fetch(Bytes key, boolean forward) {
            return drain(forward ? store.fetch(key) : store.backwardFetch(key));
        }

        @Override
        public List<String> fetchRange(Bytes keyFrom, Bytes keyTo, boolean forward) {
            return drain(forward ? store.fetch(keyFrom, keyTo) : store.backwardFetch(keyFrom, keyTo));
        }

        private List<String> drain(KeyValueIterator<Windowed<Bytes>, byte[]> it) {
            try (it) {
                List<String> out = new ArrayList<>();
                while (it.hasNext()) {
                    KeyValue<Windowed<Bytes>, byte[]> kv = it.next();
                    out.add(WindowStoreAdapters.windowed(kv.key.key(), kv.key.window().start(),
                            kv.key.window().end(), kv.value));
                }
                return out;
            }
        }
    }

    private static final class KafkaOps implements SessionOps {
        private final org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]> store;

        KafkaOps(org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]> store) {
            this.store = store;
        }

        private org.apache.kafka.streams.kstream.Windowed<org.apache.kafka.common.utils.Bytes> session(
                Bytes key, long start, long end) {
            return new org.apache.kafka.streams.kstream.Windowed<>(KafkaOracle.toKafka(key),
                    new org.apache.kafka.streams.kstream.internals.SessionWindow(start, end));
        }

        @Override
        public void put(Bytes key, long start, long end, byte[] value) {
            store.put(session(key, start, end), value);
        }

        @Override
        public void remove(Bytes key, long start, long end) {
            store.remove(session(key, start, end));
        }

        @Override
        public byte[] fetchSession(Bytes key, long start, long end) {
            return store.fetchSession(KafkaOracle.toKafka(key), start, end);
        }

        @Override
        public List<String> findSessions(Bytes key, long earliestEnd, long latestStart, boolean forward) {
            return drain(forward ? store.findSessions(KafkaOracle.toKafka(key), earliestEnd, latestStart)
                    : store.backwardFindSessions(KafkaOracle.toKafka(key), earliestEnd, latestStart));
        }

        @Override
        public List<String> findSessionsRange(Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart,
                                              boolean forward) {
            org.apache.kafka.common.utils.Bytes from = KafkaOracle.toKafka(keyFrom);
            org.apache.kafka.common.utils.Bytes to = KafkaOracle.toKafka(keyTo);
            return drain(forward ? store.findSessions(from, to, earliestEnd, latestStart)
                    : store.backwardFindSessions(from, to, earliestEnd, latestStart));
        }

        @Override
        public List<String> findSessionsByEnd(long earliestEnd, long latestEnd) {
            return drain(store.findSessions(earliestEnd, latestEnd));
        }

        @Override
        public List<String> fetch(Bytes key, boolean forward) {
            return drain(forward ? store.fetch(KafkaOracle.toKafka(key))
                    : store.backwardFetch(KafkaOracle.toKafka(key)));
        }

        @Override
        public List<String> fetchRange(Bytes keyFrom, Bytes keyTo, boolean forward) {
            org.apache.kafka.common.utils.Bytes from = KafkaOracle.toKafka(keyFrom);
            org.apache.kafka.common.utils.Bytes to = KafkaOracle.toKafka(keyTo);
            return drain(forward ? store.fetch(from, to) : store.backwardFetch(from, to));
        }

        private List<String> drain(org.apache.kafka.streams.state.KeyValueIterator<
                org.apache.kafka.streams.kstream.Windowed<org.apache.kafka.common.utils.Bytes>, byte[]> it) {
            try (it) {
                List<String> out = new ArrayList<>();
                while (it.hasNext()) {
                    org.apache.kafka.streams.KeyValue<org.apache.kafka.streams.kstream.Windowed<
                            org.apache.kafka.common.utils.Bytes>, byte[]> kv = it.next();
                    out.add(WindowStoreAdapters.windowed(KafkaOracle.fromKafka(kv.key.key()),
                            kv.key.window().start(), kv.key.window().end(), kv.value));
                }
                return out;
            }
        }
    }

    private static final class ListModel implements SessionOps {
        private final long retention;

        ListModel(long retention) {
            this.retention = retention;
        }

        private final List<Object[]> sessions = new ArrayList<>();
        private long observed = -1;

        private void expire() {
            long minLive = Math.max(0, observed - retention + 1);
            sessions.removeIf(s -> (long) s[2] < minLive);
        }

        private boolean same(Object[] s, Bytes key, long start, long end) {
            return s[0].equals(key) && (long) s[1] == start && (long) s[2] == end;
        }

        @Override
        public void put(Bytes key, long start, long end, byte[] value) {
            expire();
            observed = Math.max(observed, end);
            if (end <= observed - retention) {
                return;
            }
            sessions.removeIf(s -> same(s, key, start, end));
            if (value != null) {
                sessions.add(new Object[] {key, start, end, value});
            }
        }

        @Override
        public void remove(Bytes key, long start, long end) {
            sessions.removeIf(s -> same(s, key, start, end));
        }

        @Override
        public byte[] fetchSession(Bytes key, long start, long end) {
            expire();
            if (end <= observed - retention) {
                return null;
            }
            for (Object[] s : sessions) {
                if (same(s, key, start, end)) {
                    return (byte[]) s[3];
                }
            }
            return null;
        }

        private List<String> select(Predicate<Object[]> filter, boolean forward) {
            expire();
            List<Object[]> out = new ArrayList<>();
            for (Object[] s : sessions) {
                if (filter.test(s)) {
                    out.add(s);
                }
            }
            Comparator<Object[]> order = Comparator.<Object[]>comparingLong(s -> (long) s[2])
                    .thenComparing(s -> (Bytes) s[0])
                    .thenComparing(Comparator.<Object[]>comparingLong(s -> (long) s[1]).reversed());
            out.sort(forward ? order : order.reversed());
            List<String> text = new ArrayList<>();
            for (Object[] s : out) {
                text.add(WindowStoreAdapters.windowed((Bytes) s[0], (long) s[1], (long) s[2], (byte[]) s[3]));
            }
            return text;
        }

        private boolean inRange(Object[] s, Bytes keyFrom, Bytes keyTo) {
            Bytes key = (Bytes) s[0];
            return (keyFrom == null || key.compareTo(keyFrom) >= 0) && (keyTo == null || key.compareTo(keyTo) <= 0);
        }

        @Override
        public List<String> findSessions(Bytes key, long earliestEnd, long latestStart, boolean forward) {
            return select(s -> s[0].equals(key) && (long) s[2] >= earliestEnd && (long) s[1] <= latestStart,
                    forward);
        }

        @Override
        public List<String> findSessionsRange(Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart,
                                              boolean forward) {
            if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
                expire();
                return List.of();
            }
            return select(s -> inRange(s, keyFrom, keyTo) && (long) s[2] >= earliestEnd
                    && (long) s[1] <= latestStart, forward);
        }

        @Override
        public List<String> findSessionsByEnd(long earliestEnd, long latestEnd) {
            return select(s -> (long) s[2] >= earliestEnd && (long) s[2] <= latestEnd, true);
        }

        @Override
        public List<String> fetch(Bytes key, boolean forward) {
            return select(s -> s[0].equals(key), forward);
        }

        @Override
        public List<String> fetchRange(Bytes keyFrom, Bytes keyTo, boolean forward) {
            return select(s -> inRange(s, keyFrom, keyTo), forward);
        }
    }
}
