package dev.millrace.streams.state.internals.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 key-value engines in one process with the default budget (256 MiB) stay within it: a child JVM
 * ({@link MemoryProbeMain}, heap fixed and pre-touched) writes 2 MiB of incompressible values to each engine
 * (400 MiB in all, beyond the budget; without the shared budget 200 stores would be allowed 200 x 3 x 16 MiB
 * of memtables and 200 x 50 MiB of block cache as in Kafka's defaults), and the growth of its resident set over
 * the baseline after loading the native library must stay under the budget plus a margin.
 *
 * <p>The margin, 224 MiB, covers what RocksDB does not charge to the cache: per-database fixed structures
 * (version set, table cache and table readers, column family data, info log), background thread stacks, flush
 * and compaction buffers, allocator fragmentation (the probe reads as it writes, so the cache churns through
 * 4 KiB data blocks from several threads), and code paged in by the JIT and the native library as it runs. It
 * was 96 MiB while memtables were charged through a write-buffer manager with a limit: its reservations, released
 * lazily, then filled the cache (usage 423 MiB of 256, almost all of it reservations) and kept data blocks out of
 * it, so the cache held little real memory. With memtable shares (see {@link RocksDbMemoryBudget}) the cache holds
 * real data blocks up to its capacity (usage about 265 MiB at the end of the probe) and the growth measured
 * 400 to 465 MiB on a loaded 2-core machine.
 */
@Tag("integration")
class RocksDbMemoryTest {
    private static final int ENGINES = 200;
    private static final long BYTES_PER_ENGINE = 2L << 20;
    private static final long MARGIN = 224L << 20;
    private static final Pattern RESULT = Pattern.compile("RSS baseline=(\\d+) peak=(\\d+) written=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void shouldStayWithinTheDefaultBudgetWithTwoHundredStores() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-cp",
                System.getProperty("java.class.path"), MemoryProbeMain.class.getName(), dir.toString(),
                Integer.toString(ENGINES), Long.toString(BYTES_PER_ENGINE))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = readAll(child.getInputStream());
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("probe exited").isTrue();
        assertThat(child.exitValue()).as("probe exit code, output=" + output).isZero();
        Matcher result = RESULT.matcher(output);
        assertThat(result.find()).as("probe output=" + output).isTrue();
        long growth = Long.parseLong(result.group(2)) - Long.parseLong(result.group(1));
        long written = Long.parseLong(result.group(3));
        assertThat(written).as("the probe wrote more than the budget").isGreaterThan(
                RocksDbMemoryBudget.DEFAULT_BUDGET_BYTES);
        assertThat(growth).as("RSS growth bytes with %d stores, output=%s", ENGINES, output)
                .isLessThan(RocksDbMemoryBudget.DEFAULT_BUDGET_BYTES + MARGIN);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
