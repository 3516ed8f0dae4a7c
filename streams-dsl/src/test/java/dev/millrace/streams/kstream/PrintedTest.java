package dev.millrace.streams.kstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.kstream.internals.PrintedInternal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintedTest {

    @TempDir
    Path dir;

    @Test
    void shouldTruncateExistingFileAndWriteUtf8() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old content that must disappear");

        PrintedInternal<String, String> printed = new PrintedInternal<>(Printed.<String, String>toFile(file.toString())
            .withLabel("lbl"));
        assertThat(Files.size(file)).isZero();
        assertThat(printed.ownsTarget()).isTrue();
        try (PrintWriter writer = printed.openWriter()) {
            writer.println(printed.format(printed.labelOrElse("proc"), "k\u00e9", "v"));
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
            .isEqualTo("[lbl]: k\u00e9, v" + System.lineSeparator());
    }

    @Test
    void shouldFormatWithDefaultMapperAndProcessorNameAsLabel() {
        PrintedInternal<String, Integer> printed = new PrintedInternal<>(Printed.toSysOut());

        assertThat(printed.ownsTarget()).isFalse();
        assertThat(printed.label()).isNull();
        assertThat(printed.format(printed.labelOrElse("KSTREAM-PRINTER-0000000001"), null, 7))
            .isEqualTo("[KSTREAM-PRINTER-0000000001]: null, 7");
    }

    @Test
    void shouldMutateAndReturnThisLikeKafka() {
        Printed<String, String> printed = Printed.toSysOut();

        assertThat(printed.withLabel("a")).isSameAs(printed);
        assertThat(printed.withKeyValueMapper((k, v) -> k)).isSameAs(printed);
        assertThat(printed.withName("p")).isSameAs(printed);
        assertThat(new PrintedInternal<>(printed).name()).isEqualTo("p");
    }

    @Test
    void shouldRejectNullAndBlankTargetsWithKafkasMessages() {
        assertThatThrownBy(() -> Printed.toFile(null)).isInstanceOf(NullPointerException.class)
            .hasMessage("filePath can't be null");
        assertThatThrownBy(() -> Printed.toFile("  ")).isInstanceOf(TopologyException.class)
            .hasMessage(kafkaToFileMessage("  "));
        assertThatThrownBy(() -> Printed.toSysOut().withLabel(null)).hasMessage("label can't be null");
        assertThatThrownBy(() -> Printed.toSysOut().withKeyValueMapper(null)).hasMessage("mapper can't be null");
    }

    @Test
    void shouldReportUnwritablePathAsTopologyExceptionLikeKafka() {
        String path = dir.toString();

        assertThatThrownBy(() -> Printed.toFile(path)).isInstanceOf(TopologyException.class)
            .hasMessage(kafkaToFileMessage(path));
    }

    private static String kafkaToFileMessage(String path) {
        try {
            org.apache.kafka.streams.kstream.Printed.toFile(path);
        } catch (org.apache.kafka.streams.errors.TopologyException e) {
            return e.getMessage();
        }
        throw new AssertionError("Kafka accepted " + path);
    }
}
