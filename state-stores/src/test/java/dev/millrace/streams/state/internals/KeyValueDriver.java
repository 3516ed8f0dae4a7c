package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies one random sequence of key-value operations to two implementations and asserts after each operation
 * that both answer the same, in the same order. Every assertion message names the seed and the step.
 */
final class KeyValueDriver {

    private static final String[] SCANS = {"range", "reverseRange", "all", "reverseAll", "prefix"};

    private final Random random;
    private final long seed;
    private final boolean edgePrefixes;

    /**
     * @param seed the seed of this run
     * @param edgePrefixes whether prefix scans may use an empty prefix or one ending in 0xFF (where Kafka's
     *     in-memory stores throw or over-return)
     */
    KeyValueDriver(long seed, boolean edgePrefixes) {
        this.random = new Random(seed);
        this.seed = seed;
        this.edgePrefixes = edgePrefixes;
    }

    void run(KeyValueOps expected, KeyValueOps actual, int steps) {
        for (int step = 0; step < steps; step++) {
            String at = "seed=" + seed + " step=" + step;
            int op = random.nextInt(12);
            Bytes key = RandomBytes.key(random);
            byte[] value = RandomBytes.value(random);
            switch (op) {
                case 0, 1, 2 -> {
                    expected.put(key, value);
                    actual.put(key, value);
                }
                case 3 -> {
                    expected.put(key, null);
                    actual.put(key, null);
                }
                case 4 -> assertThat(actual.putIfAbsent(key, value)).as(at + " putIfAbsent " + key)
                        .isEqualTo(expected.putIfAbsent(key, value));
                case 5 -> assertThat(actual.delete(key)).as(at + " delete " + key).isEqualTo(expected.delete(key));
                case 6 -> {
                    List<Map.Entry<Bytes, byte[]>> entries = new ArrayList<>();
                    for (int i = random.nextInt(4); i >= 0; i--) {
                        entries.add(new AbstractMap.SimpleEntry<>(RandomBytes.key(random),
                                random.nextInt(4) == 0 ? null : RandomBytes.value(random)));
                    }
                    expected.putAll(entries);
                    actual.putAll(entries);
                }
                case 7 -> assertThat(actual.get(key)).as(at + " get " + key).isEqualTo(expected.get(key));
                case 8 -> assertThat(actual.count()).as(at + " count").isEqualTo(expected.count());
                case 9 -> scanWhileWriting(expected, actual, at);
                default -> scan(expected, actual, at);
            }
        }
    }

    private String[] scanArguments() {
        String kind = SCANS[random.nextInt(SCANS.length)];
        Bytes from = random.nextInt(5) == 0 ? null : RandomBytes.key(random);
        Bytes to = random.nextInt(5) == 0 ? null : RandomBytes.key(random);
        if (kind.equals("prefix")) {
            from = RandomBytes.keyOrEmpty(random);
            while (!edgePrefixes && (from.get().length == 0 || from.get()[from.get().length - 1] == (byte) 0xFF)) {
                from = RandomBytes.keyOrEmpty(random);
            }
        }
        return new String[] {kind, from == null ? null : hex(from), to == null ? null : hex(to)};
    }

    private void scan(KeyValueOps expected, KeyValueOps actual, String at) {
        String[] args = scanArguments();
        Bytes from = unhex(args[1]);
        Bytes to = unhex(args[2]);
        assertThat(KeyValueOps.drain(actual.scan(args[0], from, to)))
                .as(at + " " + args[0] + " from=" + from + " to=" + to)
                .isEqualTo(KeyValueOps.drain(expected.scan(args[0], from, to)));
    }

    private void scanWhileWriting(KeyValueOps expected, KeyValueOps actual, String at) {
        String[] args = scanArguments();
        Bytes from = unhex(args[1]);
        Bytes to = unhex(args[2]);
        Iterator<Map.Entry<Bytes, byte[]>> e = expected.scan(args[0], from, to);
        Iterator<Map.Entry<Bytes, byte[]>> a = actual.scan(args[0], from, to);
        List<String> expectedHead = new ArrayList<>();
        List<String> actualHead = new ArrayList<>();
        for (int i = 0; i < 2 && e.hasNext(); i++) {
            Map.Entry<Bytes, byte[]> next = e.next();
            expectedHead.add(KeyValueOps.text(next.getKey(), next.getValue()));
        }
        for (int i = 0; i < 2 && a.hasNext(); i++) {
            Map.Entry<Bytes, byte[]> next = a.next();
            actualHead.add(KeyValueOps.text(next.getKey(), next.getValue()));
        }
        assertThat(actualHead).as(at + " head of " + args[0]).isEqualTo(expectedHead);
        for (int i = 0; i < 3; i++) {
            Bytes key = RandomBytes.key(random);
            byte[] value = random.nextBoolean() ? null : RandomBytes.value(random);
            expected.put(key, value);
            actual.put(key, value);
        }
        assertThat(KeyValueOps.drain(a)).as(at + " rest of " + args[0] + " after writes")
                .isEqualTo(KeyValueOps.drain(e));
    }

    private static String hex(Bytes bytes) {
        StringBuilder out = new StringBuilder("h");
        for (byte b : bytes.get()) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    private static Bytes unhex(String text) {
        if (text == null) {
            return null;
        }
        byte[] raw = new byte[(text.length() - 1) / 2];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) Integer.parseInt(text.substring(1 + 2 * i, 3 + 2 * i), 16);
        }
        return Bytes.wrap(raw);
    }
}
