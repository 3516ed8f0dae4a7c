package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MillraceCommandTest {
    private static String run(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new MillraceCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return code + "\n" + out;
    }

    @Test
    void shouldPrintBannerAndUsageWithoutArguments() {
        String result = run(new StringWriter());
        assertThat(result).startsWith("0\n").contains("Millrace 0.1.0-SNAPSHOT").contains("APIs")
                .contains("Usage: millrace");
    }

    @Test
    void shouldListApiVersions() {
        String result = run(new StringWriter(), "api-versions");
        assertThat(result).startsWith("0\n").contains("Produce").contains("ApiVersions").contains("0-4");
    }

    @Test
    void shouldFailWithUsageErrorOnUnknownCommand() {
        StringWriter err = new StringWriter();
        String result = run(err, "no-such-command");
        assertThat(result).startsWith("2\n");
        assertThat(err.toString()).contains("no-such-command");
    }
}
