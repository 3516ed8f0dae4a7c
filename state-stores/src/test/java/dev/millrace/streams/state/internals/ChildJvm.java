package dev.millrace.streams.state.internals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the child JVMs of crash and memory tests: the test's class path, the given JVM options and a
 * {@code java.io.tmpdir} of the test's own, because RocksDB extracts its 15 MB native library into the temporary
 * directory and deletes it only on an orderly exit, so every SIGKILLed child would otherwise leave one in
 * {@code /tmp}.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param tmpDir     the child's temporary directory, removed with the test's
     * @param jvmOptions options before the main class, e.g. {@code -Xmx128m}
     * @param main       the child's main class
     * @param args       its arguments
     * @return a process builder for the child, its streams not redirected
     */
    public static ProcessBuilder of(Path tmpDir, List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
