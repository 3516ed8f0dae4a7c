package dev.millrace.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example and its test exist twice: ours (package dev.millrace.examples) and a twin on Apache Kafka Streams
 * (package kafkatwin.examples, test sources), and both twins' tests pass. This test checks the porting claim: the
 * two files are identical except for the package line and imports, and the imports map one to one by the porting
 * rule ({@code org.apache.kafka.} to {@code dev.millrace.}).
 */
class PortingTest {

    private static final Path MAIN = Path.of("src/main/java/dev/millrace/examples");
    private static final Path TEST = Path.of("src/test/java/dev/millrace/examples");
    private static final Path TWINS = Path.of("src/test/java/kafkatwin/examples");

    @Test
    void shouldDifferFromKafkaTwinsOnlyInImports() throws IOException {
        List<Path> twins;
        try (Stream<Path> files = Files.walk(TWINS)) {
            twins = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertThat(twins).as("twins under %s", TWINS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(2);
        List<String> compared = new ArrayList<>();
        for (Path twin : twins) {
            Path relative = TWINS.relativize(twin);
            Path ours = Files.exists(MAIN.resolve(relative)) ? MAIN.resolve(relative) : TEST.resolve(relative);
            assertThat(ours).as("our version of %s", twin).exists();
            List<String> ourLines = Files.readAllLines(ours);
            List<String> twinLines = Files.readAllLines(twin);
            assertThat(body(ourLines)).as("%s vs %s, apart from package and imports", ours, twin)
                    .isEqualTo(body(twinLines));
            assertThat(imports(ourLines)).as("imports of %s", ours).isEqualTo(imports(twinLines).stream()
                    .map(line -> line.replace("org.apache.kafka.", "dev.millrace.")).collect(Collectors.toList()));
            compared.add(relative.toString());
        }
        assertThat(compared).contains("wordcount/WordCountProcessorDemoTest.java");
    }

    private static List<String> body(List<String> lines) {
        return lines.stream().filter(line -> !line.startsWith("package ") && !line.startsWith("import "))
                .collect(Collectors.toList());
    }

    private static List<String> imports(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("import ")).collect(Collectors.toList());
    }
}
