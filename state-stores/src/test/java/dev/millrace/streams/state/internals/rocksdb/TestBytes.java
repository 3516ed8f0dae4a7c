package dev.millrace.streams.state.internals.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Byte helpers shared by the engine tests. */
final class TestBytes {
    static final long SEED = Long.getLong("millrace.seed", 0x5EEDL);
    /** Bytes that stress unsigned order and prefix relations. */
    private static final byte[] ALPHABET = {0x00, 0x01, 0x61, 0x7F, (byte) 0x80, (byte) 0xFF};

    private TestBytes() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }

    static byte[] randomKey(Random random, int maxLength) {
        byte[] key = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < key.length; i++) {
            key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return key;
    }

    static byte[] randomValue(Random random) {
        byte[] value = new byte[1 + random.nextInt(6)];
        random.nextBytes(value);
        return value;
    }

    static TreeMap<byte[], byte[]> sortedMap() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    static List<String> drain(RocksDbIterator iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            while (iterator.hasNext()) {
                RocksDbEntry entry = iterator.next();
                out.add(hex(entry.key()) + "=" + hex(entry.value()));
            }
        }
        return out;
    }

    static List<String> render(Iterable<Map.Entry<byte[], byte[]>> entries) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> entry : entries) {
            out.add(hex(entry.getKey()) + "=" + hex(entry.getValue()));
        }
        return out;
    }
}
