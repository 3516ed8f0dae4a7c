package dev.millrace.streams.state.internals.rocksdb;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rocksdb.RocksDB;

/**
 * Child process of {@link RocksDbMemoryTest}: opens many key-value engines with the default memory budget,
 * writes and reads through all of them round-robin (further {@code key=value} arguments are store configs),
 * samples VmRSS from {@code /proc/self/status} while doing so, and prints
 * {@code RSS baseline=<bytes> peak=<bytes> written=<bytes> cacheUsage=<bytes> cacheBytes=<bytes>} once done. The
 * heap is pre-touched at a fixed size so that its growth does not count.
 */
final class MemoryProbeMain {
    private MemoryProbeMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int engines = Integer.parseInt(args[1]);
        long bytesPerEngine = Long.parseLong(args[2]);
        Map<String, Object> configs = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            configs.put(setting[0], setting[1]);
        }
        RocksDB.loadLibrary();
        long baseline = rss();
        long peak = baseline;
        List<RocksDbKeyValueEngine> open = new ArrayList<>();
        Random random = new Random(Long.getLong("millrace.seed", 0x5EEDL));
        byte[] value = new byte[1024];
        long written = 0;
        long cacheUsage;
        long cacheBytes;
        try {
            for (int i = 0; i < engines; i++) {
                open.add(RocksDbKeyValueEngine.open(dir.resolve("store-" + i), "store-" + i, null, configs));
            }
            peak = Math.max(peak, rss());
            int rounds = (int) (bytesPerEngine / value.length);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < engines; i++) {
                    random.nextBytes(value);
                    RocksDbKeyValueEngine engine = open.get(i);
                    engine.put(key(round), value);
                    written += value.length;
                    engine.get(key(random.nextInt(round + 1)));
                }
                if (round % 64 == 0) {
                    peak = Math.max(peak, rss());
                }
            }
            for (int i = 0; i < engines; i++) {
                open.get(i).commit(Map.of());
            }
            peak = Math.max(peak, rss());
            try (RocksDbMemoryBudget budget = RocksDbMemoryBudget.shared(configs)) {
                cacheUsage = budget.usage();
                cacheBytes = budget.settings().cacheBytes();
            }
        } finally {
            for (RocksDbKeyValueEngine engine : open) {
                engine.close();
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("RSS baseline=" + baseline + " peak=" + peak + " written=" + written + " cacheUsage=" + cacheUsage
                + " cacheBytes=" + cacheBytes);
    }

    private static byte[] key(int i) {
        return String.format("key-%08d", i).getBytes(StandardCharsets.UTF_8);
    }

    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
