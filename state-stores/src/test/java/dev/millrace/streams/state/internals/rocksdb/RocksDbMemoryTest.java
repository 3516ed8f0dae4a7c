package dev.millrace.streams.state.internals.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.streams.state.internals.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 key-value engines in one process with the default budget (256 MiB) stay within it: a child JVM
 * ({@link MemoryProbeMain}, heap fixed and pre-touched) writes 2 MiB of incompressible values to each engine and
 * reads them back at random (400 MiB in all, beyond the budget; without the shared budget 200 stores would be
 * allowed 200 x 3 x 16 MiB of memtables and 200 x 50 MiB of block cache as in Kafka's defaults). The growth of its
 * resident set over the baseline after loading the native library must stay under the budget, and the shared
 * cache must have been filled to its capacity, so that the test exercises the budget rather than a workload too
 * small to reach it.
 *
 * <p>Everything counts: the cache (40% of the budget), what RocksDB allocates per store outside it, flush and
 * compaction buffers, the allocator's free lists, and the JIT compiling the probe (its compiler thread's malloc
 * arena alone is 10-30 MiB). Measured 214-223 MiB on a 2-core machine (benchmarks/RESULTS.md, "Memory figure").
 */
@Tag("integration")
class RocksDbMemoryTest {
    private static final int ENGINES = 200;
    private static final long BYTES_PER_ENGINE = 2L << 20;
    private static final Pattern RESULT = Pattern.compile(
            "RSS baseline=(\\d+) peak=(\\d+) written=(\\d+) cacheUsage=(\\d+) cacheBytes=(\\d+)");

    @TempDir
    Path dir;
    @TempDir
    Path jvmTmp;

    @Test
    void shouldStayWithinTheDefaultBudgetWithTwoHundredStores() throws Exception {
        Process child = ChildJvm.of(jvmTmp, List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch"),
                        MemoryProbeMain.class, dir.toString(), Integer.toString(ENGINES),
                        Long.toString(BYTES_PER_ENGINE))
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
        long cacheUsage = Long.parseLong(result.group(4));
        long cacheBytes = Long.parseLong(result.group(5));
        assertThat(cacheUsage).as("the cache was filled, output=" + output).isGreaterThan(cacheBytes * 9 / 10);
        assertThat(growth).as("RSS growth bytes with %d stores, output=%s", ENGINES, output)
                .isLessThan(RocksDbMemoryBudget.DEFAULT_BUDGET_BYTES);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
